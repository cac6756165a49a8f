import { AlertDialog } from "@kobalte/core/alert-dialog";
import { createMutation } from "@tanstack/solid-query";
import { api } from "../api/client";
import { roleLabels } from "../api/labels";
import type { Member } from "../api/types";
import { FormProblem } from "../ui/form-actions";

/** Asks before removing anyone: removal takes away their access to the site at once. */
export function RemoveMemberDialog(props: {
  member: Member | null;
  siteName: string;
  onClose: () => void;
  onRemoved: (message: string) => Promise<void>;
}) {
  const remove = createMutation(() => ({
    mutationFn: (member: Member) =>
      api.member.remove.mutate({ siteId: member.siteId, personId: member.personId, version: member.version }),
    onSuccess: async (_result, member) => {
      await props.onRemoved(`${member.name} has been removed from ${props.siteName}.`);
      close();
    },
  }));

  function close() {
    remove.reset();
    props.onClose();
  }

  return (
    <AlertDialog open={props.member !== null} onOpenChange={(open) => !open && close()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="modal-overlay" />
        <div class="modal-position">
          <AlertDialog.Content class="modal" role="alertdialog">
            <AlertDialog.Title class="modal-title">Remove {props.member?.name}?</AlertDialog.Title>
            <AlertDialog.Description class="modal-description">
              {props.member?.name} ({props.member ? roleLabels[props.member.role] : ""}) will no longer be able to open{" "}
              {props.siteName}. Their other sites are not affected. You can invite them again later.
            </AlertDialog.Description>
            <FormProblem error={remove.error} when={remove.isError} />
            <div class="form-actions">
              <button
                type="button"
                class="button button-danger"
                disabled={remove.isPending}
                onClick={() => props.member && remove.mutate(props.member)}
              >
                {remove.isPending ? "Removing…" : "Remove"}
              </button>
              <button type="button" class="button button-secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
}
