import { Show } from "solid-js";
import { errorMessage } from "../api/client";

/** A form's main button (which says when it is busy) and its Cancel button. */
export function FormActions(props: {
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div class="form-actions">
      <button type="submit" class="button" disabled={props.busy || props.disabled}>
        {props.busy ? props.busyLabel : props.label}
      </button>
      <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
        Cancel
      </button>
    </div>
  );
}

/** The reason a save failed, when it is not about one field (those show beside the field). */
export function FormProblem(props: { error: unknown; when: boolean }) {
  return (
    <Show when={props.when}>
      <div class="notice notice-error" role="alert">
        <p>{errorMessage(props.error)}</p>
      </div>
    </Show>
  );
}
