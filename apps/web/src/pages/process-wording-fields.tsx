import { TextField as Field } from "@kobalte/core/text-field";
import { Show } from "solid-js";
import type { Wording } from "./process-draft";

/** The ids of a wording's two inputs, so an error summary can link to them. */
export const wordingIds = (id: string) => ({ plain: `${id}-plain`, easyRead: `${id}-easy-read` });

export const easyReadHint = "Short sentences, one idea each.";

/**
 * One thing said twice: in everyday words and in easy read, as a named group of two fields.
 * Everything a provider or an expert reads has both, so this is the editor's usual field.
 * `errors` takes the server's messages for `plain` and `easyRead`.
 */
export function WordingFields(props: {
  id: string;
  legend: string;
  value: Wording;
  onChange: (value: Wording) => void;
  /** The server's limit for each version. */
  maxLength: number;
  multiline?: boolean;
  /** Help text may be left empty. */
  optional?: boolean;
  /** Said of the whole pair, under its name. */
  hint?: string;
  errors?: { plain?: string; easyRead?: string };
}) {
  const ids = () => wordingIds(props.id);
  return (
    <fieldset class="field wording-fields" aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
      <legend class="wording-legend">
        {props.legend}
        {props.optional ? <span class="muted"> (optional)</span> : null}
      </legend>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <WordingField
        id={ids().plain}
        label="In everyday words"
        value={props.value.plain}
        onChange={(plain) => props.onChange({ ...props.value, plain })}
        maxLength={props.maxLength}
        multiline={props.multiline}
        required={!props.optional}
        error={props.errors?.plain}
      />
      <WordingField
        id={ids().easyRead}
        label="In easy read"
        hint={easyReadHint}
        value={props.value.easyRead}
        onChange={(easyRead) => props.onChange({ ...props.value, easyRead })}
        maxLength={props.maxLength}
        multiline={props.multiline}
        required={!props.optional}
        error={props.errors?.easyRead}
      />
    </fieldset>
  );
}

function WordingField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  required: boolean;
  error?: string;
}) {
  const hint = () => [props.hint, `Up to ${props.maxLength} characters.`].filter(Boolean).join(" ");
  return (
    <Field
      class="field"
      value={props.value}
      onChange={props.onChange}
      validationState={props.error ? "invalid" : "valid"}
      required={props.required}
    >
      <Field.Label class="field-label">{props.label}</Field.Label>
      <Field.Description class="field-hint">{hint()}</Field.Description>
      <Field.ErrorMessage class="field-error">{props.error}</Field.ErrorMessage>
      <Show
        when={props.multiline}
        fallback={<Field.Input id={props.id} class="input" maxLength={props.maxLength} autocomplete="off" spellcheck />}
      >
        <Field.TextArea id={props.id} class="input textarea" maxLength={props.maxLength} rows={3} autoResize />
      </Show>
    </Field>
  );
}

/** The server's messages for one wording, from its field errors keyed by path ("stages.0.name"). */
export function wordingErrors(errors: Record<string, string>, path: string) {
  return { plain: errors[`${path}.plain`], easyRead: errors[`${path}.easyRead`] };
}

/** Error-summary links for one wording: its two paths to its two inputs. */
export function wordingLinks(path: string, id: string): Record<string, string> {
  const ids = wordingIds(id);
  return { [`${path}.plain`]: ids.plain, [`${path}.easyRead`]: ids.easyRead };
}
