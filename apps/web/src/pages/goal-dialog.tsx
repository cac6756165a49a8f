import type { RouterOutputs } from "@smallsupports/api";
import { type GoalStatus, goalStatuses, goalStatusLabels } from "@smallsupports/core/development-plan-shape";
import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createEffect, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorCode, fieldErrors } from "../api/client";
import { queries } from "../api/queries";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";

export type Plan = RouterOutputs["plan"]["get"];
export type Goal = Plan["goals"][number];
type GoalDraft = Pick<Goal, "title" | "now" | "aim" | "actions" | "owner" | "status"> & { targetDate: string };

const emptyDraft: GoalDraft = {
  title: "",
  now: "",
  aim: "",
  actions: "",
  owner: "",
  targetDate: "",
  status: "not-started",
};

/** A goal as the form holds it, or an empty form for a new goal. */
export const draftOf = (goal: Goal | null): GoalDraft =>
  goal
    ? {
        title: goal.title,
        now: goal.now,
        aim: goal.aim,
        actions: goal.actions,
        owner: goal.owner,
        targetDate: goal.targetDate ?? "",
        status: goal.status,
      }
    : { ...emptyDraft };

/** A goal's fields as the API takes them: an empty target date is no date. */
export const goalFieldsOf = (draft: GoalDraft) => ({ ...draft, targetDate: draft.targetDate || null });

/** The ids of the dialog's inputs, by the API's field names, in the order the form shows them. */
const fieldIds = {
  "goal.title": "goal-title",
  "goal.now": "goal-now",
  "goal.aim": "goal-aim",
  "goal.actions": "goal-actions",
  "goal.owner": "goal-owner",
  "goal.targetDate": "goal-target-date",
  "goal.status": "goal-status-not-started",
};

/**
 * Adding a goal to a plan, or changing one (`goal` set). A change names the version the person
 * opened; if someone else saved the goal first, nothing is overwritten: they are told, their words
 * stay in the form, and they can load the goal as it is now.
 */
export function GoalDialog(props: {
  siteId: string;
  organisationId: string;
  goal: Goal | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (message: string) => void;
  returnFocusTo?: FocusFallback;
}) {
  const queryClient = useQueryClient();
  const planKey = () => queries.developmentPlan(props.siteId, props.organisationId).queryKey;
  const [draft, setDraft] = createStore<GoalDraft>({ ...emptyDraft });
  // The version the form's words were loaded from: the save is refused if the goal has moved on since.
  let loadedVersion = 0;

  function load(goal: Goal | null) {
    setDraft(draftOf(goal));
    loadedVersion = goal?.version ?? 0;
  }
  createEffect(
    on(
      () => props.open,
      (open) => open && load(props.goal),
    ),
  );

  const save = createMutation(() => ({
    mutationFn: () => {
      const key = { siteId: props.siteId, organisationId: props.organisationId, goal: goalFieldsOf(draft) };
      return props.goal
        ? api.plan.updateGoal.mutate({ ...key, goalId: props.goal.goalId, version: loadedVersion })
        : api.plan.addGoal.mutate(key);
    },
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(), plan);
      props.onSaved(props.goal ? `“${draft.title.trim()}” is saved.` : `“${draft.title.trim()}” is added to the plan.`);
      close();
    },
    onError: (error) => {
      // Someone else changed or removed it: load the plan as it is now, for the next look.
      if (["CONFLICT", "NOT_FOUND"].includes(errorCode(error) ?? "")) {
        queryClient.invalidateQueries({ queryKey: planKey() });
      }
    },
  }));

  function close() {
    save.reset();
    props.onOpenChange(false);
  }

  const errors = () => fieldErrors(save.error);
  const conflict = () => errorCode(save.error) === "CONFLICT";

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={props.goal ? "Change this goal" : "Add a goal"}
      description="Write in everyday words. Only the goal itself must be filled in."
      returnFocusTo={props.returnFocusTo}
    >
      <form
        class="form goal-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ErrorSummary error={save.error} fields={fieldIds} />
        <Show when={conflict() && props.goal}>
          {(goal) => (
            <div class="notice notice-info">
              <p>
                Your changes are still in the form. To see the goal as it is saved now, load it again (this replaces
                your changes).
              </p>
              <button
                type="button"
                class="button button-secondary"
                onClick={async () => {
                  await queryClient.invalidateQueries({ queryKey: planKey() });
                  const plan = queryClient.getQueryData<Plan>(planKey());
                  const latest = plan?.goals.find((candidate) => candidate.goalId === goal().goalId) ?? null;
                  if (latest) load(latest);
                  save.reset();
                  document.getElementById(fieldIds["goal.title"])?.focus();
                }}
              >
                Load the goal as it is now
              </button>
            </div>
          )}
        </Show>
        <TextField
          id={fieldIds["goal.title"]}
          name="title"
          label="The goal"
          hint="A few words, like “Recruit staff around each person”."
          maxLength={200}
          required
          value={draft.title}
          onChange={(title) => setDraft({ title })}
          error={errors()["goal.title"]}
        />
        <TextField
          id={fieldIds["goal.now"]}
          name="now"
          label="Where we are now"
          maxLength={2000}
          multiline
          value={draft.now}
          onChange={(now) => setDraft({ now })}
          error={errors()["goal.now"]}
        />
        <TextField
          id={fieldIds["goal.aim"]}
          name="aim"
          label="Where we aim to get to"
          maxLength={2000}
          multiline
          value={draft.aim}
          onChange={(aim) => setDraft({ aim })}
          error={errors()["goal.aim"]}
        />
        <TextField
          id={fieldIds["goal.actions"]}
          name="actions"
          label="What we will do"
          hint="The steps, one to a line if you like."
          maxLength={3000}
          multiline
          value={draft.actions}
          onChange={(actions) => setDraft({ actions })}
          error={errors()["goal.actions"]}
        />
        <TextField
          id={fieldIds["goal.owner"]}
          name="owner"
          label="Who is doing it"
          hint="A name or a job, like “Manager”."
          maxLength={120}
          value={draft.owner}
          onChange={(owner) => setDraft({ owner })}
          error={errors()["goal.owner"]}
        />
        <div class="field">
          <label class="field-label" for={fieldIds["goal.targetDate"]}>
            Target date (optional)
          </label>
          <Show when={errors()["goal.targetDate"]}>
            <p id={`${fieldIds["goal.targetDate"]}-error`} class="field-error">
              {errors()["goal.targetDate"]}
            </p>
          </Show>
          <input
            id={fieldIds["goal.targetDate"]}
            class="input input-date"
            type="date"
            value={draft.targetDate}
            onInput={(event) => setDraft({ targetDate: event.currentTarget.value })}
            aria-describedby={errors()["goal.targetDate"] ? `${fieldIds["goal.targetDate"]}-error` : undefined}
            aria-invalid={errors()["goal.targetDate"] ? "true" : undefined}
          />
        </div>
        <fieldset class="field" aria-describedby={errors()["goal.status"] ? "goal-status-error" : undefined}>
          <legend class="field-label">Status</legend>
          <Show when={errors()["goal.status"]}>
            <p id="goal-status-error" class="field-error">
              {errors()["goal.status"]}
            </p>
          </Show>
          <div class="radios">
            <For each={goalStatuses}>
              {(status: GoalStatus) => (
                <label class="radio">
                  <input
                    id={`goal-status-${status}`}
                    type="radio"
                    name="goal-status"
                    value={status}
                    checked={draft.status === status}
                    onChange={() => setDraft({ status })}
                  />
                  <span class="radio-label">{goalStatusLabels[status]}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <FormActions
          label={props.goal ? "Save goal" : "Add goal"}
          busyLabel="Saving…"
          busy={save.isPending}
          onCancel={close}
        />
      </form>
    </Modal>
  );
}
