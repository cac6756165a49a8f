import { Dialog } from "@kobalte/core/dialog";
import type { JSX } from "solid-js";
import { createDialogFocus, type FocusFallback } from "./dialog-focus";

/** The first thing a person fills in; a dialog without fields starts on its first action. */
function firstField(content: HTMLElement): HTMLElement | null {
  const field = content.querySelector<HTMLInputElement>(
    "input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled)",
  );
  // A radio group is entered at its chosen radio, as Tab would.
  if (field?.type === "radio") {
    const chosen = content.querySelector<HTMLInputElement>(`input[type=radio][name="${field.name}"]:checked`);
    return chosen ?? field;
  }
  return field ?? content.querySelector<HTMLElement>("button:not([data-close]):not(:disabled)");
}

/**
 * A focus-trapped dialog with a title, closed by Escape, the × button or its own actions. It
 * opens on its first field and gives focus back to the control that opened it (or to
 * `returnFocusTo` if that control has gone).
 */
export function Modal(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: JSX.Element;
  description?: JSX.Element;
  returnFocusTo?: FocusFallback;
  children: JSX.Element;
}) {
  const focus = createDialogFocus(firstField, () => props.returnFocusTo?.());
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="modal-overlay" />
        <div class="modal-position">
          {/* Explicit: Kobalte otherwise lets a sibling AlertDialog's role leak into this one. */}
          <Dialog.Content
            class="modal"
            role="dialog"
            onOpenAutoFocus={focus.onOpenAutoFocus}
            onCloseAutoFocus={focus.onCloseAutoFocus}
            // A long dialog scrolls; Kobalte wraps focus from last to first without scrolling, so
            // bring whatever takes focus into view (WCAG 2.4.11, focus not obscured).
            onFocusIn={(event) => (event.target as HTMLElement).scrollIntoView?.({ block: "nearest" })}
          >
            <div class="modal-header">
              <Dialog.Title class="modal-title">{props.title}</Dialog.Title>
              <Dialog.CloseButton class="icon-button" aria-label="Close" data-close>
                <span aria-hidden="true">×</span>
              </Dialog.CloseButton>
            </div>
            {props.description && (
              <Dialog.Description class="modal-description">{props.description}</Dialog.Description>
            )}
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
