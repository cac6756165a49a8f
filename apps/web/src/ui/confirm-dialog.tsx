import { AlertDialog } from "@kobalte/core/alert-dialog";
import { type JSX, Show } from "solid-js";
import { errorMessage } from "../api/client";
import { createDialogFocus, type FocusFallback } from "./dialog-focus";

/**
 * Asks before something that cannot simply be undone. It opens on Cancel, the safe choice, so
 * a stray Enter changes nothing; Escape and Cancel both call `onCancel`. `cancelLabel` renames
 * Cancel where that word would be ambiguous ("Keep it" when the action is cancelling something). Focus goes back to the
 * control that opened it, or to `returnFocusTo` if that control has gone (the row just removed).
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: JSX.Element;
  /** What will happen, in plain words. */
  children: JSX.Element;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel?: string;
  /** "danger" (the default) for removing or undoing; "go" for a weighty step forward, like publishing. */
  tone?: "danger" | "go";
  busy: boolean;
  /** Why the last try failed, if it did. */
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocusTo?: FocusFallback;
}) {
  let cancel!: HTMLButtonElement;
  const focus = createDialogFocus(
    () => cancel,
    () => props.returnFocusTo?.(),
  );
  return (
    <AlertDialog open={props.open} onOpenChange={(open) => !open && props.onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="modal-overlay" />
        <div class="modal-position">
          <AlertDialog.Content
            class="modal"
            role="alertdialog"
            onOpenAutoFocus={focus.onOpenAutoFocus}
            onCloseAutoFocus={focus.onCloseAutoFocus}
          >
            <AlertDialog.Title class="modal-title">{props.title}</AlertDialog.Title>
            <AlertDialog.Description class="modal-description">{props.children}</AlertDialog.Description>
            <Show when={props.error}>
              <div class="notice notice-error" role="alert">
                <p>{errorMessage(props.error)}</p>
              </div>
            </Show>
            <div class="form-actions">
              <button
                type="button"
                class={props.tone === "go" ? "button" : "button button-danger"}
                disabled={props.busy}
                onClick={() => props.onConfirm()}
              >
                {props.busy ? props.busyLabel : props.confirmLabel}
              </button>
              <button ref={cancel} type="button" class="button button-secondary" onClick={() => props.onCancel()}>
                {props.cancelLabel ?? "Cancel"}
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
}
