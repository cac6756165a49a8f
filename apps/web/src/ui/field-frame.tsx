import { type JSX, Show } from "solid-js";

/**
 * A field's label and its error above a control the caller draws (a date box, a select), with
 * the ids a control needs to point at them: give it `id`, and `aria-describedby={errorIdOf(id)}`
 * with `aria-invalid` when there is an error.
 */
export function FieldFrame(props: { id: string; label: string; error?: string; children: JSX.Element }) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.error}>
        <p id={errorIdOf(props.id)} class="field-error">
          {props.error}
        </p>
      </Show>
      {props.children}
    </div>
  );
}

/** The id of a field's error message, for its control's `aria-describedby`. */
export const errorIdOf = (id: string) => `${id}-error`;

/** The attributes that tie a control to its error, when it has one. */
export const describedByError = (id: string, error: string | undefined) => ({
  "aria-describedby": error ? errorIdOf(id) : undefined,
  "aria-invalid": error ? ("true" as const) : undefined,
});
