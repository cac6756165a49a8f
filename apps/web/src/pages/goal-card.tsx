import { type GoalStatus, goalStatuses, goalStatusLabels } from "@smallsupports/core/development-plan-shape";
import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { api, errorCode, errorMessage } from "../api/client";
import { formatDate, formatDateTime } from "../api/labels";
import { queries } from "../api/queries";
import { draftOf, type Goal, goalFieldsOf } from "./goal-dialog";

/** Why a status did not save; the plan has been loaded again when someone else got there first. */
function statusProblem(error: unknown): string {
  switch (errorCode(error)) {
    case "CONFLICT":
      return "Someone else changed this goal just now, so the status is not saved. Their change is shown now: choose the status again if you still need to.";
    case "NOT_FOUND":
      return "This goal is no longer in the plan: someone may have removed it.";
    default:
      return errorMessage(error);
  }
}

const dayOf = (date: string) => formatDate(`${date}T12:00:00Z`);
const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * One goal of a development plan: what it is, where things are and what happens next. Its status
 * changes with one choice, saved at once under the version shown; the rest changes in a dialog.
 */
export function GoalCard(props: {
  siteId: string;
  organisationId: string;
  goal: Goal;
  /** Whether the plan can change (the organisation is approved). */
  editable: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const queryClient = useQueryClient();
  const planKey = () => queries.developmentPlan(props.siteId, props.organisationId).queryKey;
  const id = (part: string) => `goal-${props.goal.goalId}-${part}`;
  const [saved, setSaved] = createSignal("");

  const setStatus = createMutation(() => ({
    mutationFn: (status: GoalStatus) =>
      api.plan.updateGoal.mutate({
        siteId: props.siteId,
        organisationId: props.organisationId,
        goalId: props.goal.goalId,
        version: props.goal.version,
        goal: { ...goalFieldsOf(draftOf(props.goal)), status },
      }),
    onMutate: () => setSaved(""),
    onSuccess: (plan, status) => {
      queryClient.setQueryData(planKey(), plan);
      setSaved(`Saved: ${goalStatusLabels[status]}.`);
    },
    onError: (error) => {
      // The select shows the status saved, not the one that failed.
      const select = document.getElementById(id("status")) as HTMLSelectElement | null;
      if (select) select.value = props.goal.status;
      if (["CONFLICT", "NOT_FOUND"].includes(errorCode(error) ?? "")) {
        queryClient.invalidateQueries({ queryKey: planKey() });
      }
    },
  }));

  const overdue = () => props.goal.status !== "done" && !!props.goal.targetDate && props.goal.targetDate < todayIso();
  const facts = () =>
    [
      ["Where we are now", props.goal.now],
      ["Where we aim to get to", props.goal.aim],
      ["What we will do", props.goal.actions],
      ["Who is doing it", props.goal.owner],
    ] as const;

  return (
    <li class="card goal">
      <div class="goal-heading">
        <h2 id={id("title")} class="goal-title">
          {props.goal.title}
        </h2>
        <Show
          when={props.editable}
          fallback={<span class="badge badge-large">{goalStatusLabels[props.goal.status]}</span>}
        >
          <div class="goal-status">
            <label class="field-label" for={id("status")}>
              Status<span class="visually-hidden"> of “{props.goal.title}”</span>
            </label>
            <select
              id={id("status")}
              class="input select"
              value={props.goal.status}
              aria-describedby={id("status-result")}
              onChange={(event) => setStatus.mutate(event.currentTarget.value as GoalStatus)}
            >
              <For each={goalStatuses}>{(status) => <option value={status}>{goalStatusLabels[status]}</option>}</For>
            </select>
          </div>
        </Show>
      </div>
      <p
        id={id("status-result")}
        class="goal-status-result"
        classList={{ "field-error": setStatus.isError }}
        role="status"
      >
        {setStatus.isPending ? "Saving…" : setStatus.isError ? statusProblem(setStatus.error) : saved()}
      </p>
      <dl class="organisation-facts goal-facts">
        <For each={facts()}>
          {([term, value]) => (
            <div class="organisation-fact">
              <dt>{term}</dt>
              <dd classList={{ muted: !value }}>{value || "Not written yet"}</dd>
            </div>
          )}
        </For>
        <div class="organisation-fact">
          <dt>Target date</dt>
          <dd classList={{ muted: !props.goal.targetDate }}>
            {props.goal.targetDate ? dayOf(props.goal.targetDate) : "No date set"}
            <Show when={overdue()}>
              <strong class="goal-overdue"> (this date has passed)</strong>
            </Show>
          </dd>
        </div>
      </dl>
      <p class="muted goal-changed">
        Last changed by <bdi>{props.goal.updatedByName}</bdi> on {formatDateTime(props.goal.updatedAt)}
      </p>
      <Show when={props.editable}>
        <div class="form-actions">
          <button id={id("edit")} type="button" class="button button-secondary" onClick={() => props.onEdit()}>
            Change<span class="visually-hidden"> “{props.goal.title}”</span>
          </button>
          <button type="button" class="button button-danger-quiet" onClick={() => props.onRemove()}>
            Remove<span class="visually-hidden"> “{props.goal.title}”</span>
          </button>
        </div>
      </Show>
    </li>
  );
}
