import { may } from "@smallsupports/core/permissions";
import { reviewStateLabels } from "@smallsupports/core/review-shape";
import { A, useLocation, useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createEffect, For, Match, Show, Switch } from "solid-js";
import { errorCode, errorMessage } from "../api/client";
import { queries } from "../api/queries";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { usePageTitle } from "../ui/page-title";
import { PanelComments } from "./panel-comments";
import { PanelRecord } from "./panel-record";
import { PanelScores } from "./panel-scores";
import { DueDate } from "./review-due";
import { useSiteView } from "./site-context";
import "../styles/panel.css";

/**
 * The panel view of one application, for the lead and team: every submitted review's scores side
 * by side with their averages and where reviewers disagree most, what each reviewer wrote, who was
 * recused and why, and who is still to send their review. The lead records the panel's agreed view
 * and feedback here. Someone still reviewing it, or recused, is told why they cannot see it yet.
 */
export default function PanelPage() {
  const site = useSiteView();
  const params = useParams<{ organisationId: string; applicationId: string }>();
  const location = useLocation<{ from?: string }>();
  const panel = useQuery(() => queries.panel(site.siteId, params.organisationId, params.applicationId));
  const review = useQuery(() => queries.reviewApplication(site.siteId, params.organisationId, params.applicationId));
  let heading: HTMLHeadingElement | undefined;

  const name = () => review.data?.application.organisationName;
  const applicationHref = () => `/sites/${site.siteId}/applications/${params.organisationId}/${params.applicationId}`;
  // Someone still reviewing it, or recused, is refused: the server says why in words to show them.
  const refused = () => errorCode(panel.error) === "FORBIDDEN";

  // Arriving from the application, the link that was followed has gone: start at this page's heading.
  let focusOnLoad = location.state?.from === "application";
  createEffect(() => {
    if (focusOnLoad && !panel.isPending && heading) {
      focusOnLoad = false;
      heading.focus();
    }
  });

  usePageTitle(() => {
    const where = ["Applications", site.siteName];
    if (panel.isError && !refused()) return [problemTitle(panel.error), ...where];
    return [name() ? `Panel view: ${name()}` : "Panel view", ...where];
  });

  const expected = () => (panel.data ? panel.data.reviewers.length + panel.data.waiting.length : 0);

  return (
    <div class="review panel-page">
      <A class="back-link" href={applicationHref()} state={{ from: "panel" }}>
        <span aria-hidden="true">←</span>
        Back to the application
      </A>
      <h2 id="panel-heading" ref={heading} tabindex="-1" class="review-heading">
        Panel view
        <Show when={name()}>
          {(organisation) => (
            <>
              : <bdi>{organisation()}</bdi>
            </>
          )}
        </Show>
      </h2>
      <Switch>
        <Match when={panel.isPending}>
          <Loading label="Loading the panel…" />
        </Match>
        <Match when={refused()}>
          <div class="notice notice-info" role="alert">
            <p>{errorMessage(panel.error)}</p>
          </div>
          <A class="button button-secondary" href={applicationHref()} state={{ from: "panel" }}>
            Back to the application
          </A>
        </Match>
        <Match when={panel.isError}>
          <ErrorNotice error={panel.error} retry={() => panel.refetch()} />
        </Match>
        <Match when={panel.data}>
          {(data) => (
            <>
              <p class="panel-progress">
                <strong>
                  {expected() === 0
                    ? "Nobody is reviewing this application yet."
                    : `${data().reviewers.length} of ${expected()} ${expected() === 1 ? "review" : "reviews"} in.`}
                </strong>
              </p>

              <section aria-labelledby="panel-scores-heading" class="review-section">
                <h3 id="panel-scores-heading">Scores</h3>
                <Show
                  when={data().reviewers.length > 0}
                  fallback={<p>No reviews have been submitted yet. Their scores appear here as they are sent.</p>}
                >
                  <PanelScores panel={data()} />
                </Show>
              </section>

              <Show when={data().reviewers.length > 0}>
                <PanelComments panel={data()} />
              </Show>

              <Show when={data().waiting.length > 0}>
                <section aria-labelledby="panel-waiting-heading" class="card review-section">
                  <h3 id="panel-waiting-heading">Still to send their review</h3>
                  <ul class="panel-people">
                    <For each={data().waiting}>
                      {(reviewer) => (
                        <li>
                          <span class="reviewer-name">
                            <bdi>{reviewer.name}</bdi>
                          </span>
                          <span>{reviewStateLabels[reviewer.state]}</span>
                          <DueDate dueDate={reviewer.dueDate} />
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </Show>

              <Show when={data().recusals.length > 0}>
                <section aria-labelledby="panel-recusals-heading" class="card review-section">
                  <h3 id="panel-recusals-heading">Recused: a conflict of interest</h3>
                  <p class="muted">
                    They do not review this application, and nothing of theirs counts in the averages.
                  </p>
                  <ul class="panel-people">
                    <For each={data().recusals}>
                      {(recusal) => (
                        <li>
                          <span class="reviewer-name">
                            <bdi>{recusal.name}</bdi>
                          </span>
                          <span>
                            Their reason: <span class="review-text">{recusal.reason || "None given"}</span>
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </Show>

              <PanelRecord
                panel={data()}
                siteId={site.siteId}
                organisationId={params.organisationId}
                applicationId={params.applicationId}
                mayRecord={may(site.myRole, "leadPanel") && review.data?.application.status === "submitted"}
              />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
