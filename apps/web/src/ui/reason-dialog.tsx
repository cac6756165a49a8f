import { createEffect, createSignal, type JSX, on, Show } from "solid-js";
import { errorMessage, fieldErrors } from "../api/client";
import type { FocusFallback } from "./dialog-focus";
import { FormActions } from "./form-actions";
import { Modal } from "./modal";
import { TextField } from "./text-field";

/**
 * A step that needs a reason in the person's own words (cancelling a session, taking an
 * organisation out of the cohort): what will happen, the reason box, and the button. The reason
 * box starts empty each time it opens.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: JSX.Element;
  /** What will happen, and who will be told. */
  description: JSX.Element;
  reasonLabel: string;
  reasonHint?: string;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error?: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  returnFocusTo?: FocusFallback;
}) {
  const [reason, setReason] = createSignal("");
  createEffect(
    on(
      () => props.open,
      (open) => open && setReason(""),
    ),
  );
  const reasonError = () => fieldErrors(props.error).reason;
  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && props.onCancel()}
      title={props.title}
      description={props.description}
      returnFocusTo={props.returnFocusTo}
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onConfirm(reason());
        }}
      >
        <Show when={props.error && !reasonError()}>
          <div class="notice notice-error" role="alert">
            <p>{errorMessage(props.error)}</p>
          </div>
        </Show>
        <TextField
          id="reason"
          name="reason"
          label={props.reasonLabel}
          hint={props.reasonHint}
          maxLength={500}
          multiline
          required
          value={reason()}
          onChange={setReason}
          error={reasonError()}
        />
        <FormActions
          label={props.confirmLabel}
          busyLabel={props.busyLabel}
          busy={props.busy}
          onCancel={props.onCancel}
        />
      </form>
    </Modal>
  );
}
