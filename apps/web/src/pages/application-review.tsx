import { cqcRatingLabels, cqcStatusLabels, standingLabels } from "@smallsupports/core/organisation-shape";
import { decidedColumn, withdrawnColumn } from "@smallsupports/core/process-shape";
import { A, useLocation, useParams } from "@solidjs/router";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createMemo, createSignal, For, type JSX, Match, Show, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { afterStageMove, queries } from "../api/queries";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { usePageTitle } from "../ui/page-title";
import { wordingIn } from "./application-easy-read";
import { answerText, isEmptyAnswer } from "./application-question";
import { type ApplicationReview, type BoardSearch, boardHref, type Stage, TimeInStage } from "./board-parts";
import { DecisionSection } from "./decision-section";
import { InformationRequests } from "./information-requests";
import { MoveStageDialog } from "./move-stage-dialog";
import { ReviewersSection } from "./reviewers-section";
import { useSiteView } from "./site-context";

const statusLabels = {
  draft: "Writing the application",
  submitted: "Sent",
  withdrawn: "Withdrawn",
  decided: "Decided",
} as const;

/**
 * The site team's view of one application: the organisation's profile, where the application is
 * and since when, and every answer, read-only, by page. The team moves it to another stage here;
 * once it is sent, its reviewers, requests for more information and the decision are here too.
 */
export default function ApplicationReviewPage() {
  const site = useSiteView();
  const params = useParams<{ organisationId: string; applicationId: string }>();
  const location = useLocation<{ board?: string; from?: "panel" }>();
  const queryClient = useQueryClient();
  const review = useQuery(() => queries.reviewApplication(site.siteId, params.organisationId, params.applicationId));
  const organisation = useQuery(() => queries.organisation(site.siteId, params.organisationId));
  const summary = useQuery(() => queries.boardSummary(site.siteId));
  const [easyRead, setEasyRead] = createSignal(false);
  const [moving, setMoving] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;

  // Arriving from the board or the panel view, the link that was followed has gone: start at the application's name.
  let focusOnLoad = location.state?.board !== undefined || location.state?.from === "panel";
  createEffect(() => {
    if (focusOnLoad && review.data && heading) {
      focusOnLoad = false;
      heading.focus();
    }
  });

  const name = () =>
    organisation.data?.tradingName || organisation.data?.legalName || review.data?.application.organisationName;

  usePageTitle(() => {
    if (review.isError) return [problemTitle(review.error), "Applications", site.siteName];
    return [name() ?? "Application", "Applications", site.siteName];
  });

  const stages = () => review.data?.process.definition.stages ?? [];
  const stageName = (stageId: string) =>
    stages().find((stage) => stage.stageId === stageId)?.name.plain ?? "an earlier stage";

  /** The board column the application is in now, keeping the filters the person came with. */
  const back = createMemo(() => {
    const application = review.data?.application;
    const from = new URLSearchParams(location.state?.board ?? "");
    const column = application
      ? application.status === "withdrawn"
        ? withdrawnColumn
        : application.status === "decided"
          ? decidedColumn
          : application.stageId
      : (from.get("stage") ?? undefined);
    const search: BoardSearch = {
      stage: column,
      cqc: from.get("cqc") ?? undefined,
      days: from.get("days") ?? undefined,
    };
    const label = !application
      ? "Back to the applications"
      : application.status === "withdrawn"
        ? "Back to Withdrawn"
        : application.status === "decided"
          ? "Back to Decided"
          : `Back to ${stageName(application.stageId)}`;
    return { href: boardHref(site.siteId, search), label };
  });

  async function moved(stage: Stage) {
    setNotice(`Moved to ${stage.name.plain}.`);
    await afterStageMove(queryClient, site.siteId, params.organisationId, params.applicationId);
  }

  return (
    <div class="review">
      <A class="back-link" href={back().href} state={{ review: params.applicationId }}>
        <span aria-hidden="true">←</span>
        {back().label}
      </A>
      <Switch>
        <Match when={review.isPending}>
          <Loading label="Loading the application…" />
        </Match>
        <Match when={review.isError}>
          <h2>{problemTitle(review.error)}</h2>
          <ErrorNotice error={review.error} retry={() => review.refetch()} />
        </Match>
        <Match when={review.data}>
          {(data) => (
            <article aria-labelledby="review-heading">
              <div class="section-heading">
                <h2 id="review-heading" ref={heading} tabindex="-1" class="review-heading">
                  <bdi>{name()}</bdi>
                </h2>
                <Show when={data().application.status === "submitted"}>
                  <button
                    type="button"
                    class="button"
                    onClick={() => {
                      setNotice(null);
                      setMoving(true);
                    }}
                  >
                    Move to another stage
                  </button>
                </Show>
              </div>
              <Show when={notice()}>
                <div class="notice notice-success" role="status">
                  <p>{notice()}</p>
                </div>
              </Show>

              <ApplicationFacts
                review={data()}
                stageName={stageName}
                publishedVersion={summary.data?.publishedVersion}
              />

              {/* One decision section whether or not it is decided, so its dialog and message survive the change. */}
              <Show when={sent(data())}>
                <DecisionSection application={data().application} organisationName={name() ?? ""} />
                <ReviewersSection
                  organisationId={params.organisationId}
                  applicationId={params.applicationId}
                  organisationName={name() ?? ""}
                  underReview={data().application.status === "submitted"}
                  reviewersWanted={data().process.definition.settings.reviewersPerApplication}
                />
                <InformationRequests review={data()} organisationName={name() ?? ""} />
              </Show>

              <section aria-labelledby="profile-heading" class="card review-section">
                <h3 id="profile-heading">About the organisation</h3>
                <Switch>
                  <Match when={organisation.isPending}>
                    <Loading label="Loading the organisation…" />
                  </Match>
                  <Match when={organisation.isError}>
                    <ErrorNotice error={organisation.error} retry={() => organisation.refetch()} />
                  </Match>
                  <Match when={organisation.data}>
                    {(profile) => (
                      <dl class="review-list">
                        <Fact label="Legal name">
                          <bdi>{profile().legalName}</bdi>
                        </Fact>
                        <Fact label="Trading name">
                          <Show when={profile().tradingName} fallback={<span class="muted">None given</span>}>
                            <bdi>{profile().tradingName}</bdi>
                          </Show>
                        </Fact>
                        <Fact label="Area">{profile().area}</Fact>
                        <Fact label="Founded">{profile().foundedYear}</Fact>
                        <Fact label="People supported now">{profile().peopleSupported.toLocaleString("en-GB")}</Fact>
                        <Fact label="CQC registration">{cqcStatusLabels[profile().cqcStatus]}</Fact>
                        <Show when={profile().cqcStatus === "registered"}>
                          <Fact label="CQC rating">
                            {profile().cqcRating
                              ? cqcRatingLabels[profile().cqcRating as keyof typeof cqcRatingLabels]
                              : "Not given"}
                          </Fact>
                        </Show>
                        <Fact label="Contact">
                          <bdi>{profile().contactName}</bdi>
                        </Fact>
                        <Fact label="Where they stand">{standingLabels[profile().standing]}</Fact>
                        <Fact label="What makes them different" wide>
                          <span class="review-text">{profile().difference}</span>
                        </Fact>
                      </dl>
                    )}
                  </Match>
                </Switch>
              </section>

              <section aria-labelledby="answers-heading" class="review-section">
                <div class="section-heading">
                  <h3 id="answers-heading">Answers</h3>
                  <label class="review-toggle">
                    <input
                      type="checkbox"
                      checked={easyRead()}
                      onChange={(event) => setEasyRead(event.currentTarget.checked)}
                    />
                    <span>Read the questions in easy read</span>
                  </label>
                </div>
                <Show when={data().application.status === "draft"}>
                  <p class="notice notice-info">
                    The provider is still writing this application. These are the answers they have saved so far.
                  </p>
                </Show>
                <For each={data().process.definition.pages}>
                  {(page) => (
                    <section class="card review-page" aria-labelledby={`page-${page.pageId}`}>
                      <h4 id={`page-${page.pageId}`} class="review-page-title">
                        {wordingIn(page.title, easyRead())}
                      </h4>
                      <dl class="review-answers">
                        <For each={page.questions}>
                          {(question) => (
                            <div class="review-answer">
                              <dt>{wordingIn(question.wording, easyRead())}</dt>
                              <dd>
                                <span
                                  class={isEmptyAnswer(answerOf(data(), question.questionId)) ? "muted" : "review-text"}
                                >
                                  {answerText(question, answerOf(data(), question.questionId), easyRead())}
                                </span>
                              </dd>
                            </div>
                          )}
                        </For>
                      </dl>
                    </section>
                  )}
                </For>
              </section>

              <MoveStageDialog
                open={moving()}
                application={data().application}
                organisationName={name() ?? ""}
                stages={stages()}
                onClose={() => setMoving(false)}
                onMoved={moved}
                onConflict={() => afterStageMove(queryClient, site.siteId, params.organisationId, params.applicationId)}
              />
            </article>
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** Where the application is, since when, and on which version of the process. */
function ApplicationFacts(props: {
  review: ApplicationReview;
  stageName: (stageId: string) => string;
  publishedVersion: number | undefined;
}) {
  const application = () => props.review.application;
  return (
    <dl class="review-facts">
      <Fact label="Status">{statusLabels[application().status]}</Fact>
      <Switch
        fallback={
          <Fact label="Stage">
            <span class="review-stage">{props.stageName(application().stageId)}</span>
            <TimeInStage enteredAt={application().stageEnteredAt} />
          </Fact>
        }
      >
        <Match when={application().status === "withdrawn" && application().withdrawnAt}>
          {(withdrawnAt) => (
            <Fact label="Withdrawn">
              <time datetime={withdrawnAt()}>{formatDate(withdrawnAt())}</time>
              <span class="muted"> from {props.stageName(application().stageId)}</span>
            </Fact>
          )}
        </Match>
        <Match when={application().status === "decided" && application().decidedAt}>
          {(decidedAt) => (
            <Fact label="Decided">
              <time datetime={decidedAt()}>{formatDate(decidedAt())}</time>
              <span class="muted"> at {props.stageName(application().stageId)}</span>
            </Fact>
          )}
        </Match>
      </Switch>
      <Fact label="Sent">
        <Show when={application().submittedAt} fallback="Not sent yet">
          {(at) => <time datetime={at()}>{formatDate(at())}</time>}
        </Show>
      </Fact>
      <Fact label="Process">
        Version {props.review.process.number}
        <Show when={props.publishedVersion && props.publishedVersion > props.review.process.number}>
          <span class="muted review-note">
            The site has published version {props.publishedVersion} since; this application stays on the version it
            started on.
          </span>
        </Show>
      </Fact>
    </dl>
  );
}

function Fact(props: { label: string; wide?: boolean; children: JSX.Element }) {
  return (
    <div class="review-fact" classList={{ "review-fact-wide": props.wide }}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** Sent to the site, and so reviewed, whether or not the panel has decided yet. */
function sent(review: ApplicationReview) {
  return review.application.status === "submitted" || review.application.status === "decided";
}

function answerOf(review: ApplicationReview, questionId: string) {
  return review.answers.find((answer) => answer.questionId === questionId)?.value ?? null;
}
