import { TextField as Field } from "@kobalte/core/text-field";
import { Show } from "solid-js";

/** A labelled text input with its hint and error wired to it for screen readers. */
export function TextField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  type?: "text" | "email";
  autocomplete?: string;
  required?: boolean;
}) {
  return (
    <Field
      class="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      validationState={props.error ? "invalid" : "valid"}
      required={props.required}
    >
      <Field.Label class="field-label">{props.label}</Field.Label>
      <Show when={props.hint}>
        <Field.Description class="field-hint">{props.hint}</Field.Description>
      </Show>
      <Field.ErrorMessage class="field-error">{props.error}</Field.ErrorMessage>
      <Field.Input class="input" type={props.type ?? "text"} autocomplete={props.autocomplete ?? "off"} />
    </Field>
  );
}
