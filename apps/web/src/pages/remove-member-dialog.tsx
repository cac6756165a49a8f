import { createMutation } from "@tanstack/solid-query";
import { api } from "../api/client";
import { roleLabels } from "../api/labels";
import type { Member } from "../api/types";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { FocusFallback } from "../ui/dialog-focus";

/** Asks before removing anyone: removal takes away their access to the site at once. */
export function RemoveMemberDialog(props: {
  member: Member | null;
  siteName: string;
  onClose: () => void;
  onRemoved: (message: string) => Promise<void>;
  returnFocusTo: FocusFallback;
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
    <ConfirmDialog
      open={props.member !== null}
      title={
        <>
          Remove <bdi>{props.member?.name}</bdi>?
        </>
      }
      confirmLabel="Remove"
      busyLabel="Removing…"
      busy={remove.isPending}
      error={remove.error}
      onConfirm={() => props.member && remove.mutate(props.member)}
      onCancel={close}
      returnFocusTo={props.returnFocusTo}
    >
      <bdi>{props.member?.name}</bdi> ({props.member ? roleLabels[props.member.role] : ""}) will no longer be able to
      open {props.siteName}. Their other sites are not affected. You can invite them again later.
    </ConfirmDialog>
  );
}
