import { createMutation } from "@tanstack/solid-query";
import { api, errorCode } from "../api/client";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { FocusFallback } from "../ui/dialog-focus";
import type { Assignment } from "./change-due-date-dialog";

/**
 * Asks before taking a reviewer off an application: the scores they have saved so far are lost.
 * Only a review not yet submitted can be taken off; a submitted one stays on the panel record.
 */
export function UnassignReviewerDialog(props: {
  assignment: Assignment | undefined;
  siteId: string;
  organisationId: string;
  applicationId: string;
  onClose: () => void;
  onRemoved: (message: string) => Promise<void>;
  onConflict: () => Promise<unknown>;
  returnFocusTo: FocusFallback;
}) {
  const unassign = createMutation(() => ({
    mutationFn: (assignment: Assignment) =>
      api.review.unassign.mutate({
        siteId: props.siteId,
        organisationId: props.organisationId,
        applicationId: props.applicationId,
        reviewerId: assignment.reviewerId,
        version: assignment.version,
      }),
    onSuccess: async (_list, assignment) => {
      await props.onRemoved(`${assignment.name} is no longer reviewing this application.`);
      close();
    },
    onError: async (error) => {
      if (errorCode(error) === "CONFLICT") await props.onConflict();
    },
  }));

  function close() {
    unassign.reset();
    props.onClose();
  }

  return (
    <ConfirmDialog
      open={props.assignment !== undefined}
      title={
        <>
          Take <bdi>{props.assignment?.name}</bdi> off this application?
        </>
      }
      confirmLabel="Take them off"
      busyLabel="Taking them off…"
      busy={unassign.isPending}
      error={unassign.error}
      onConfirm={() => props.assignment && unassign.mutate(props.assignment)}
      onCancel={close}
      returnFocusTo={props.returnFocusTo}
    >
      They will no longer review it, and any scores they have saved are deleted. You can assign them again later.
    </ConfirmDialog>
  );
}
