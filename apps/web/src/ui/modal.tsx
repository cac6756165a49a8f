import { Dialog } from "@kobalte/core/dialog";
import type { JSX } from "solid-js";

/** A focus-trapped dialog with a title, closed by Escape, the close button or its own actions. */
export function Modal(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: JSX.Element;
}) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="modal-overlay" />
        <div class="modal-position">
          {/* Explicit: Kobalte otherwise lets a sibling AlertDialog's role leak into this one. */}
          <Dialog.Content class="modal" role="dialog">
            <div class="modal-header">
              <Dialog.Title class="modal-title">{props.title}</Dialog.Title>
              <Dialog.CloseButton class="icon-button" aria-label="Close">
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
