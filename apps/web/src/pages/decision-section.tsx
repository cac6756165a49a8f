import { approvingOutcomes, type Outcome, outcomeLabels } from "@smallsupports/core/decision-shape";
import { may } from "@smallsupports/core/permissions";
import { A } from "@solidjs/router";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { afterApplicationOutcome, afterReviewChange, queries } from "../api/queries";
import { ErrorNotice, Loading } from "../ui/page-state";
import type { BoardApplication } from "./board-parts";
import { DecisionDialog } from "./decision-dialog";
import { useSiteView } from "./site-context";
import "../styles/panel.css";

/**
 * The panel's decision on a sent application. Before it is made, the lead records it from here
 * (once no request for more information is waiting); after, anyone in the site team reads the
 * outcome and its reasons, with links to the provider's letter and development plan.
 */
export function DecisionSection(props: { application: BoardApplication; organisationName: string }) {
  const site = useSiteView();
  const queryClient = useQueryClient();
  const key = () => [site.siteId, props.application.organisationId, props.application.applicationId] as const;
  const decided = () => props.application.status === "decided";
  const decision = useQuery(() => ({ ...queries.decision(...key()), enabled: decided() }));
  const [deciding, setDeciding] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;

  const lead = () => may(site.myRole, "leadPanel");
  const waiting = () => props.application.openRequestId !== null;
  const letterHref = () =>
    `/organisations/${site.siteId}/${props.application.organisationId}/applications/${props.application.applicationId}/decision`;
  const planHref = () => `/organisations/${site.siteId}/${props.application.organisationId}/plan`;

  async function refresh() {
    await Promise.all([afterApplicationOutcome(queryClient, ...key()), afterReviewChange(queryClient, ...key())]);
  }

  return (
    <section aria-labelledby="decision-heading" class="card review-section">
      <h3 id="decision-heading" ref={heading} tabindex="-1" class="panel-focus-heading">
        Decision
      </h3>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <Switch>
        <Match when={!decided()}>
          <Show when={lead()} fallback={<p>No decision yet. The project lead records the panel's decision here.</p>}>
            <Show
              when={!waiting()}
              fallback={
                <p>
                  You can record the decision once the provider has sent back their answers to your request for more
                  information.
                </p>
              }
            >
              <p>
                Record the decision once the panel has met. Record the panel's agreed view and feedback on the panel
                view first: the provider's letter carries the feedback.
              </p>
              <button
                type="button"
                class="button"
                onClick={() => {
                  setNotice(null);
                  setDeciding(true);
                }}
              >
                Record the decision
              </button>
            </Show>
          </Show>
        </Match>
        <Match when={decision.isPending}>
          <Loading label="Loading the decision…" />
        </Match>
        <Match when={decision.isError}>
          <ErrorNotice error={decision.error} retry={() => decision.refetch()} />
        </Match>
        <Match when={decision.data}>
          {(data) => (
            <>
              <p class="decision-outcome">
                <span class="badge badge-large">{outcomeLabels[data().outcome]}</span>
                <span class="muted">
                  Decided on <time datetime={data().decidedAt}>{formatDate(data().decidedAt)}</time> by{" "}
                  <bdi>{data().decidedByName}</bdi>
                </span>
              </p>
              <dl class="review-list">
                <div class="review-fact">
                  <dt>Reasons</dt>
                  <dd class="review-text">{data().rationale}</dd>
                </div>
                <Show when={data().conditions.length > 0}>
                  <div class="review-fact">
                    <dt>Conditions to meet</dt>
                    <dd>
                      <ul class="decision-conditions">
                        <For each={data().conditions}>{(condition) => <li class="review-text">{condition}</li>}</For>
                      </ul>
                    </dd>
                  </div>
                </Show>
                <Show when={data().whatWouldChange}>
                  {(words) => (
                    <div class="review-fact">
                      <dt>What would change the answer</dt>
                      <dd class="review-text">{words()}</dd>
                    </div>
                  )}
                </Show>
                <Show when={data().feedback}>
                  {(feedback) => (
                    <div class="review-fact">
                      <dt>The panel's feedback</dt>
                      <dd class="review-text">{feedback()}</dd>
                    </div>
                  )}
                </Show>
              </dl>
              <ul class="decision-links">
                <li>
                  <A href={letterHref()}>Read the decision letter</A>
                </li>
                <Show when={approvingOutcomes.includes(data().outcome)}>
                  <li>
                    <A href={planHref()}>Open the development plan</A>
                  </li>
                </Show>
              </ul>
            </>
          )}
        </Match>
      </Switch>

      <Show when={lead()}>
        <DecisionDialog
          open={deciding()}
          application={props.application}
          organisationName={props.organisationName}
          onClose={() => setDeciding(false)}
          onDecided={async (outcome: Outcome) => {
            setNotice(`The decision has been sent: ${outcomeLabels[outcome]}. We have emailed the provider.`);
            await refresh();
          }}
          onConflict={refresh}
          returnFocusTo={() => heading}
        />
      </Show>
    </section>
  );
}
