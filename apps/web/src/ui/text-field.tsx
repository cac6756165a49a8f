import { TextField as Field } from "@kobalte/core/text-field";
import { Show } from "solid-js";

/**
 * A labelled text input with its hint and error wired to it for screen readers. `id` is the
 * input's own id, so an error summary can link to it. `maxLength` is the server's limit: the
 * input stops there and the hint says so, rather than refusing a long entry after saving.
 * `normalise` tidies what a person types as they type it (a web address in lower case).
 * `multiline` makes it a text area for a longer answer; `numeric` a short box that brings up the
 * number keypad (not `type="number"`, which drops what it cannot read and changes with the wheel).
 */
export function TextField(props: {
  id: string;
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  maxLength?: number;
  error?: string;
  type?: "text" | "email";
  autocomplete?: string;
  required?: boolean;
  normalise?: (value: string) => string;
  multiline?: boolean;
  numeric?: boolean;
}) {
  const hint = () => [props.hint, props.maxLength && `Up to ${props.maxLength} characters.`].filter(Boolean).join(" ");

  return (
    <Field
      class="field"
      name={props.name}
      value={props.value}
      onChange={(value) => props.onChange(props.normalise ? props.normalise(value) : value)}
      validationState={props.error ? "invalid" : "valid"}
      required={props.required}
    >
      <Field.Label class="field-label">{props.label}</Field.Label>
      <Show when={hint()}>
        <Field.Description class="field-hint">{hint()}</Field.Description>
      </Show>
      <Field.ErrorMessage class="field-error">{props.error}</Field.ErrorMessage>
      <Show
        when={props.multiline}
        fallback={
          <Field.Input
            id={props.id}
            class={props.numeric ? "input input-short" : "input"}
            type={props.type ?? "text"}
            inputMode={props.numeric ? "numeric" : undefined}
            maxLength={props.maxLength}
            autocomplete={props.autocomplete ?? "off"}
            onInput={(event) => {
              if (!props.normalise) return;
              // Rewriting the value moves the caret to the end; put it back where the person was typing.
              const input = event.currentTarget;
              const { selectionStart, selectionEnd } = input;
              queueMicrotask(() => {
                if (document.activeElement === input) input.setSelectionRange(selectionStart, selectionEnd);
              });
            }}
          />
        }
      >
        <Field.TextArea id={props.id} class="input textarea" rows={6} maxLength={props.maxLength} />
      </Show>
    </Field>
  );
}
