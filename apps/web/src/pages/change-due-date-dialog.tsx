import type { RouterOutputs } from "@smallsupports/api";
import { createMutation } from "@tanstack/solid-query";
import { createEffect, createSignal, on } from "solid-js";
import { api, errorCode, fieldErrors } from "../api/client";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { DueDateField } from "./due-date-field";
import { dayWords } from "./review-due";

export type Assignment = RouterOutputs["review"]["assignments"][number];

const ids = { dueDate: "change-due-date" };

/**
 * The lead moves a review's due date; its reminders start again from the new date. When someone
 * changed the review first, the server's message shows and `onConflict` fetches the list again,
 * so the next try names the review's new version.
 */
export function ChangeDueDateDialog(props: {
  assignment: Assignment | undefined;
  siteId: string;
  organisationId: string;
  applicationId: string;
  onClose: () => void;
  onChanged: (message: string) => Promise<void>;
  onConflict: () => Promise<unknown>;
  returnFocusTo?: FocusFallback;
}) {
  const [dueDate, setDueDate] = createSignal("");
  createEffect(
    on(
      () => props.assignment?.reviewerId,
      () => setDueDate(props.assignment?.dueDate ?? ""),
    ),
  );

  const reschedule = createMutation(() => ({
    mutationFn: (assignment: Assignment) =>
      api.review.reschedule.mutate({
        siteId: props.siteId,
        organisationId: props.organisationId,
        applicationId: props.applicationId,
        reviewerId: assignment.reviewerId,
        dueDate: dueDate(),
        version: assignment.version,
      }),
    onSuccess: async (_list, assignment) => {
      await props.onChanged(`${assignment.name}'s review is now due on ${dayWords(dueDate())}.`);
      close();
    },
    onError: async (error) => {
      if (errorCode(error) === "CONFLICT") await props.onConflict();
    },
  }));

  function close() {
    reschedule.reset();
    props.onClose();
  }

  return (
    <Modal
      open={props.assignment !== undefined}
      onOpenChange={(open) => !open && close()}
      title={
        <>
          Change when <bdi>{props.assignment?.name}</bdi>'s review is due
        </>
      }
      description={props.assignment ? <>It is due on {dayWords(props.assignment.dueDate)} now.</> : undefined}
      returnFocusTo={props.returnFocusTo}
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (props.assignment) reschedule.mutate(props.assignment);
        }}
      >
        <ErrorSummary error={reschedule.error} fields={ids} />
        <DueDateField
          id={ids.dueDate}
          value={dueDate()}
          onChange={setDueDate}
          error={fieldErrors(reschedule.error).dueDate}
        />
        <FormActions label="Save due date" busyLabel="Saving…" busy={reschedule.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}
