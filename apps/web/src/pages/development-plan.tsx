import { type GoalStatus, goalStatuses, goalStatusLabels } from "@smallsupports/core/development-plan-shape";
import { A, useParams } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorCode } from "../api/client";
import { queries } from "../api/queries";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyState, ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { GoalCard } from "./goal-card";
import { type Goal, GoalDialog, type Plan } from "./goal-dialog";
import "../styles/plan.css";

/**
 * An approved organisation's development plan: its goals, each with where it is now, where it aims
 * to get to, what it will do, who does it, by when and how far it has got. The organisation's own
 * people and the site team both keep it up to date.
 */
export default function DevelopmentPlanPage() {
  const params = useParams<{ siteId: string; organisationId: string }>();
  const me = useQuery(() => queries.me());
  // Goals keep their place on screen as the plan reloads, so a status just chosen keeps its focus.
  const plan = useQuery(() => ({
    ...queries.developmentPlan(params.siteId, params.organisationId),
    reconcile: "goalId",
  }));
  const membership = () => me.data?.sites.find((site) => site.siteId === params.siteId);
  const isProvider = () => membership()?.role === "provider";
  const back = () =>
    isProvider()
      ? {
          href: `/organisations/${params.siteId}/${params.organisationId}`,
          label: `Back to ${plan.data?.organisationName ?? "your organisation"}`,
        }
      : { href: `/sites/${params.siteId}/applications`, label: "Back to applications" };

  usePageTitle(() => {
    if (plan.isPending || me.isPending) return loadingTitle;
    if (plan.isError) return problemTitle(plan.error);
    return ["Development plan", plan.data?.organisationName ?? "", membership()?.siteName ?? ""].filter(Boolean);
  });

  return (
    <div class="page narrow plan-page">
      <p>
        <A href={back().href}>{back().label}</A>
      </p>
      <Switch>
        <Match when={plan.isPending || me.isPending}>
          <Loading label="Loading the development plan…" />
        </Match>
        <Match when={plan.isError}>
          <PageHeading>{problemTitle(plan.error)}</PageHeading>
          <Show
            when={errorCode(plan.error) === "NOT_FOUND"}
            fallback={<ErrorNotice error={plan.error} retry={() => plan.refetch()} />}
          >
            <p>We could not find that organisation. You can only see the plans of organisations you work with.</p>
            <A class="button" href="/">
              Go to my sites
            </A>
          </Show>
        </Match>
        <Match when={plan.data}>
          {(data) => (
            <PlanView
              plan={data()}
              siteId={params.siteId}
              organisationId={params.organisationId}
              siteName={membership()?.siteName ?? "the site"}
              isProvider={isProvider()}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** "3 goals: 1 done, 2 in progress", in words, so progress never rests on colour. */
function progressText(goals: Goal[]): string {
  const count = (status: GoalStatus) => goals.filter((goal) => goal.status === status).length;
  const parts = goalStatuses
    .filter((status) => count(status) > 0)
    .map((status) => `${count(status)} ${goalStatusLabels[status].toLowerCase()}`);
  return `${goals.length === 1 ? "1 goal" : `${goals.length} goals`}: ${parts.join(", ")}.`;
}

function PlanView(props: {
  plan: Plan;
  siteId: string;
  organisationId: string;
  siteName: string;
  isProvider: boolean;
}) {
  const queryClient = useQueryClient();
  const planKey = () => queries.developmentPlan(props.siteId, props.organisationId).queryKey;
  const [notice, setNotice] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal<{ goal: Goal | null } | null>(null);
  const [removing, setRemoving] = createSignal<Goal | null>(null);
  let heading: HTMLHeadingElement | undefined;

  const remove = createMutation(() => ({
    mutationFn: (goal: Goal) =>
      api.plan.removeGoal.mutate({
        siteId: props.siteId,
        organisationId: props.organisationId,
        goalId: goal.goalId,
        version: goal.version,
      }),
    onSuccess: (plan, goal) => {
      queryClient.setQueryData(planKey(), plan);
      setNotice(`“${goal.title}” is taken out of the plan.`);
      closeRemove();
    },
    onError: (error) => {
      // Changed or removed meanwhile: show the plan as it is now, so a second try is about the latest.
      if (["CONFLICT", "NOT_FOUND"].includes(errorCode(error) ?? "")) {
        queryClient.invalidateQueries({ queryKey: planKey() });
      }
    },
  }));

  function closeRemove() {
    remove.reset();
    setRemoving(null);
  }

  const who = () => (props.isProvider ? "you" : `${props.plan.organisationName}'s people`);

  return (
    <>
      <div class="page-heading">
        <div>
          <PageHeading>Development plan</PageHeading>
          <p class="muted">
            For <bdi>{props.plan.organisationName}</bdi> in {props.siteName}
          </p>
        </div>
      </div>

      <Show
        when={props.plan.open}
        fallback={
          <div class="notice notice-info">
            <p>
              {props.isProvider
                ? "Your development plan opens when the panel approves your organisation."
                : "This organisation's development plan opens when the panel approves it."}{" "}
              Then {props.isProvider ? "you" : "its people"} and the site team can write goals here together.
            </p>
          </div>
        }
      >
        <p>
          The plan says where {props.isProvider ? "you are" : "the organisation is"} now, where{" "}
          {props.isProvider ? "you aim" : "it aims"} to get to, and what happens next. Both {who()} and {props.siteName}
          's team can change it. Changes save for everyone.
        </p>
      </Show>

      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>

      {/* A plan that has not opened has nothing to show but why. */}
      <Show when={props.plan.open || props.plan.goals.length > 0}>
        <div class="section-heading plan-goals-heading">
          <h2 ref={heading} tabindex="-1" class="focus-target">
            Goals
          </h2>
          <Show when={props.plan.open && props.plan.goals.length > 0}>
            <button type="button" class="button" onClick={() => setEditing({ goal: null })}>
              Add a goal
            </button>
          </Show>
        </div>
        <Show when={props.plan.goals.length > 0}>
          <p class="plan-progress">{progressText(props.plan.goals)}</p>
        </Show>

        <Show
          when={props.plan.goals.length > 0}
          fallback={
            <EmptyState title="No goals yet">
              <p>Add a goal: something {props.isProvider ? "you want" : "the organisation wants"} to get better at.</p>
              <button type="button" class="button" onClick={() => setEditing({ goal: null })}>
                Add the first goal
              </button>
            </EmptyState>
          }
        >
          <ul class="goal-list">
            <For each={props.plan.goals}>
              {(goal) => (
                <GoalCard
                  siteId={props.siteId}
                  organisationId={props.organisationId}
                  goal={goal}
                  editable={props.plan.open}
                  onEdit={() => {
                    setNotice(null);
                    setEditing({ goal });
                  }}
                  onRemove={() => {
                    setNotice(null);
                    setRemoving(goal);
                  }}
                />
              )}
            </For>
          </ul>
        </Show>
      </Show>

      <GoalDialog
        siteId={props.siteId}
        organisationId={props.organisationId}
        goal={editing()?.goal ?? null}
        open={editing() !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={setNotice}
        returnFocusTo={() => heading}
      />
      <ConfirmDialog
        open={removing() !== null}
        title="Take this goal out of the plan?"
        confirmLabel="Remove goal"
        busyLabel="Removing…"
        cancelLabel="Keep the goal"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          const goal = removing();
          if (goal) remove.mutate(goal);
        }}
        onCancel={closeRemove}
        returnFocusTo={() => heading}
      >
        “{removing()?.title}” will be taken out of the plan for everyone. You cannot undo this.
      </ConfirmDialog>
    </>
  );
}
