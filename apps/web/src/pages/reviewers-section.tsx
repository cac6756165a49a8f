import { may } from "@smallsupports/core/permissions";
import { reviewStateLabels } from "@smallsupports/core/review-shape";
import { A } from "@solidjs/router";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { formatDate, roleLabels } from "../api/labels";
import { afterReviewChange, queries } from "../api/queries";
import { ErrorNotice, Loading } from "../ui/page-state";
import { AssignReviewerDialog } from "./assign-reviewer-dialog";
import { type Assignment, ChangeDueDateDialog } from "./change-due-date-dialog";
import { DueDate } from "./review-due";
import { useSiteView } from "./site-context";
import { UnassignReviewerDialog } from "./unassign-reviewer-dialog";
import "../styles/panel.css";

/** A review still to come: the reviewer has not declared, or is scoring. */
const isOpen = (assignment: Assignment) => assignment.state === "declare" || assignment.state === "scoring";

/** "2 of 3 reviews in": recused reviewers are not expected to send one. */
function reviewsInWords(assignments: readonly Assignment[]): string {
  const expected = assignments.filter((assignment) => assignment.state !== "recused").length;
  const submitted = assignments.filter((assignment) => assignment.state === "submitted").length;
  if (expected === 0) return "No reviews expected yet";
  return `${submitted} of ${expected} ${expected === 1 ? "review" : "reviews"} in`;
}

/**
 * Who reviews an application and where each review stands (never their scores), with a link to
 * the panel view. The lead assigns reviewers to a sent application, changes when a review is due
 * and takes a reviewer off; the team reads the list.
 */
export function ReviewersSection(props: {
  organisationId: string;
  applicationId: string;
  organisationName: string;
  /** Only a sent application can have reviewers assigned or changed; a decided one keeps its list. */
  underReview: boolean;
  /** How many reviewers the site's process asks for on each application. */
  reviewersWanted: number;
}) {
  const site = useSiteView();
  const queryClient = useQueryClient();
  const assignments = useQuery(() => queries.reviewAssignments(site.siteId, props.organisationId, props.applicationId));
  const [assigning, setAssigning] = createSignal(false);
  // By id, so a dialog reads the review as fetched now (its newest version) after a conflict.
  const [changingId, setChangingId] = createSignal<string | null>(null);
  const [removingId, setRemovingId] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;

  const lead = () => may(site.myRole, "leadPanel") && props.underReview;
  const list = () => assignments.data ?? [];
  const find = (id: string | null) => list().find((assignment) => assignment.reviewerId === id);
  const stillWanted = () =>
    Math.max(0, props.reviewersWanted - list().filter((assignment) => assignment.state !== "recused").length);
  const refresh = () => afterReviewChange(queryClient, site.siteId, props.organisationId, props.applicationId);

  async function done(message: string) {
    setNotice(message);
    await refresh();
  }

  return (
    <section aria-labelledby="reviewers-heading" class="card review-section">
      <div class="section-heading">
        <h3 id="reviewers-heading" ref={heading} tabindex="-1" class="panel-focus-heading">
          Reviewers
        </h3>
        <Show when={lead()}>
          <button
            type="button"
            class="button"
            onClick={() => {
              setNotice(null);
              setAssigning(true);
            }}
          >
            Assign a reviewer
          </button>
        </Show>
      </div>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <Switch>
        <Match when={assignments.isPending}>
          <Loading label="Loading the reviewers…" />
        </Match>
        <Match when={assignments.isError}>
          <ErrorNotice error={assignments.error} retry={() => assignments.refetch()} />
        </Match>
        <Match when={assignments.data}>
          <p class="panel-progress">
            <strong>{reviewsInWords(list())}.</strong>{" "}
            <A
              href={`/sites/${site.siteId}/applications/${props.organisationId}/${props.applicationId}/panel`}
              state={{ from: "application" }}
            >
              Panel view
            </A>
          </p>
          <Show when={props.underReview && stillWanted() > 0}>
            <p class="muted">
              The site's process asks for {props.reviewersWanted}{" "}
              {props.reviewersWanted === 1 ? "reviewer" : "reviewers"} on each application.{" "}
              {stillWanted() === 1 ? "1 more is" : `${stillWanted()} more are`} needed.
            </p>
          </Show>
          <Show
            when={list().length > 0}
            fallback={
              <p>
                {lead()
                  ? "Nobody is reviewing this application yet. Assign the first reviewer."
                  : "Nobody is reviewing this application yet."}
              </p>
            }
          >
            <ul class="reviewer-list">
              <For each={list()}>
                {(assignment) => (
                  <li class="reviewer">
                    <div class="reviewer-who">
                      <span class="reviewer-name">
                        <bdi>{assignment.name}</bdi>
                        {assignment.reviewerId === site.myId ? " (you)" : ""}
                      </span>
                      <span class="muted">{roleLabels[assignment.role]}</span>
                    </div>
                    <div class="reviewer-state">
                      <span class="reviewer-state-label">{reviewStateLabels[assignment.state]}</span>
                      <Switch>
                        <Match when={assignment.state === "submitted" && assignment.submittedAt}>
                          {(at) => (
                            <span class="muted">
                              on <time datetime={at()}>{formatDate(at())}</time>
                            </span>
                          )}
                        </Match>
                        <Match when={assignment.state === "recused"}>
                          <span class="reviewer-reason">
                            Their reason: <span class="review-text">{assignment.conflictReason || "None given"}</span>
                          </span>
                        </Match>
                        <Match when={isOpen(assignment)}>
                          <DueDate dueDate={assignment.dueDate} />
                        </Match>
                      </Switch>
                    </div>
                    <Show when={lead() && isOpen(assignment)}>
                      <div class="reviewer-actions">
                        {/* Ids let focus come back here after the list redraws the row. */}
                        <button
                          id={`due-date-${assignment.reviewerId}`}
                          type="button"
                          class="button button-secondary button-small"
                          aria-label={`Change due date for ${assignment.name}`}
                          onClick={() => {
                            setNotice(null);
                            setChangingId(assignment.reviewerId);
                          }}
                        >
                          Change due date
                        </button>
                        <button
                          id={`take-off-${assignment.reviewerId}`}
                          type="button"
                          class="button button-danger-quiet button-small"
                          aria-label={`Take off ${assignment.name}`}
                          onClick={() => {
                            setNotice(null);
                            setRemovingId(assignment.reviewerId);
                          }}
                        >
                          Take off
                        </button>
                      </div>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Match>
      </Switch>

      <Show when={lead()}>
        <AssignReviewerDialog
          open={assigning()}
          siteId={site.siteId}
          organisationId={props.organisationId}
          applicationId={props.applicationId}
          organisationName={props.organisationName}
          assignedIds={list().map((assignment) => assignment.reviewerId)}
          myId={site.myId}
          onClose={() => setAssigning(false)}
          onAssigned={(name) => done(`${name} is now reviewing this application. We have emailed them.`)}
        />
        <ChangeDueDateDialog
          assignment={find(changingId())}
          siteId={site.siteId}
          organisationId={props.organisationId}
          applicationId={props.applicationId}
          onClose={() => setChangingId(null)}
          onChanged={done}
          onConflict={refresh}
          returnFocusTo={() => heading}
        />
        <UnassignReviewerDialog
          assignment={find(removingId())}
          siteId={site.siteId}
          organisationId={props.organisationId}
          applicationId={props.applicationId}
          onClose={() => setRemovingId(null)}
          onRemoved={done}
          onConflict={refresh}
          returnFocusTo={() => heading}
        />
      </Show>
    </section>
  );
}
