import { createMutation, useInfiniteQuery } from "@tanstack/solid-query";
import { createEffect, createMemo, createSignal, For, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { roleLabels, rolePluralLabels, type SiteRole } from "../api/labels";
import { queries } from "../api/queries";
import type { Member } from "../api/types";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { ErrorNotice, Loading } from "../ui/page-state";
import { addDays, DueDateField, ukToday } from "./due-date-field";

const ids = { reviewerId: "assign-reviewer", dueDate: "assign-due-date" };

/** Who may review, in the order the list offers them: experts by experience first. */
const reviewerRoles: SiteRole[] = ["expert", "team", "lead"];

/** A review is due two weeks after it is assigned unless the lead says otherwise. */
const defaultDays = 14;

/**
 * The lead chooses a member of the site (an expert by experience, the team or a lead) to review
 * a sent application, with a due date. People already reviewing it are not offered, nor anyone
 * who belongs to a provider organisation: the server refuses both anyway, in plain words.
 */
export function AssignReviewerDialog(props: {
  open: boolean;
  siteId: string;
  organisationId: string;
  applicationId: string;
  organisationName: string;
  /** The people already reviewing this application. */
  assignedIds: string[];
  myId: string | undefined;
  onClose: () => void;
  onAssigned: (name: string) => Promise<void>;
}) {
  // Loaded before the dialog opens (it is drawn only for the lead), so it opens on the list ready to choose from.
  const members = useInfiniteQuery(() => queries.members(props.siteId));
  // The list comes a page at a time; a site's whole team is needed to choose from.
  createEffect(() => {
    if (members.hasNextPage && !members.isFetchingNextPage && !members.isError) members.fetchNextPage();
  });

  const [reviewerId, setReviewerId] = createSignal("");
  const [dueDate, setDueDate] = createSignal(addDays(ukToday(), defaultDays));

  const choices = createMemo(() => {
    const everyone = members.data?.pages.flatMap((page) => page.items) ?? [];
    const free = everyone.filter(
      (member) =>
        reviewerRoles.includes(member.role) && !member.organisationId && !props.assignedIds.includes(member.personId),
    );
    return reviewerRoles
      .map((role) => ({
        role,
        members: free.filter((member) => member.role === role).sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
      }))
      .filter((group) => group.members.length > 0);
  });
  const chosen = (): Member | undefined =>
    choices()
      .flatMap((group) => group.members)
      .find((member) => member.personId === reviewerId());

  const assign = createMutation(() => ({
    mutationFn: () =>
      api.review.assign.mutate({
        siteId: props.siteId,
        organisationId: props.organisationId,
        applicationId: props.applicationId,
        reviewerId: reviewerId(),
        dueDate: dueDate(),
      }),
    onSuccess: async () => {
      await props.onAssigned(chosen()?.name ?? "The reviewer");
      close();
    },
  }));

  function close() {
    assign.reset();
    setReviewerId("");
    setDueDate(addDays(ukToday(), defaultDays));
    props.onClose();
  }

  const errors = () => fieldErrors(assign.error);
  const loadingList = () => members.isPending || members.hasNextPage;

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && close()}
      title="Assign a reviewer"
      description={
        <>
          Choose who reviews <bdi>{props.organisationName}</bdi>'s application. We email them to say so.
        </>
      }
    >
      <Show
        when={!members.isError}
        fallback={
          <>
            <ErrorNotice error={members.error} retry={() => members.refetch()} />
            <div class="form-actions">
              <button type="button" class="button button-secondary" onClick={close}>
                Close
              </button>
            </div>
          </>
        }
      >
        <Show when={!loadingList()} fallback={<Loading label="Loading the site's members…" />}>
          <Show
            when={choices().length > 0}
            fallback={
              <>
                <p>
                  Everyone who can review is already reviewing this application. Invite more experts by experience from
                  the Team tab.
                </p>
                <div class="form-actions">
                  <button type="button" class="button button-secondary" onClick={close}>
                    Close
                  </button>
                </div>
              </>
            }
          >
            <form
              class="form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                assign.mutate();
              }}
            >
              <ErrorSummary error={assign.error} fields={ids} />
              <div class="field">
                <label class="field-label" for={ids.reviewerId}>
                  Reviewer
                </label>
                <span id={`${ids.reviewerId}-hint`} class="field-hint">
                  Experts by experience, the site team and project leads can review. People already reviewing this
                  application are not listed.
                </span>
                <Show when={errors().reviewerId}>
                  <p id={`${ids.reviewerId}-error`} class="field-error">
                    {errors().reviewerId}
                  </p>
                </Show>
                <select
                  id={ids.reviewerId}
                  class="input select"
                  value={reviewerId()}
                  onChange={(event) => setReviewerId(event.currentTarget.value)}
                  aria-describedby={
                    errors().reviewerId ? `${ids.reviewerId}-hint ${ids.reviewerId}-error` : `${ids.reviewerId}-hint`
                  }
                  aria-invalid={errors().reviewerId ? "true" : undefined}
                  required
                >
                  <option value="">Choose a person</option>
                  <For each={choices()}>
                    {(group) => (
                      <optgroup label={rolePluralLabels[group.role]}>
                        <For each={group.members}>
                          {(member) => (
                            <option value={member.personId}>
                              {member.name}
                              {member.personId === props.myId ? " (you)" : ""} – {roleLabels[member.role]}
                            </option>
                          )}
                        </For>
                      </optgroup>
                    )}
                  </For>
                </select>
              </div>
              <DueDateField id={ids.dueDate} value={dueDate()} onChange={setDueDate} error={errors().dueDate} />
              <FormActions label="Assign reviewer" busyLabel="Assigning…" busy={assign.isPending} onCancel={close} />
            </form>
          </Show>
        </Show>
      </Show>
    </Modal>
  );
}
