import type { RouterOutputs } from "@smallsupports/api";
import { formatAverage } from "@smallsupports/core/review-shape";
import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Match, onMount, Show, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { queries } from "../api/queries";
import { ErrorNotice, Loading } from "../ui/page-state";
import { EasyReadToggle, easyReadPreferred, setEasyReadPreferred, wordingIn } from "./application-easy-read";
import { type Choice, choiceWords, type MyReview, pointWords, type ReviewDefinition } from "./review-scores";

type Panel = RouterOutputs["review"]["panel"];

/**
 * After submitting: a confirmation, the reviewer's own scores, and the other reviewers' scores.
 * The lead and team read those on the application's panel page; experts have no site tabs, so
 * the panel's scores are shown here, side by side with each criterion's average.
 */
export function SubmittedReview(props: {
  review: MyReview;
  definition: ReviewDefinition;
  keys: { siteId: string; organisationId: string; applicationId: string };
  siteName: string;
  /** Whether the reviewer is the site's lead or team, who have the panel page. */
  siteTeam: boolean;
  justSubmitted: boolean;
  myId: string | undefined;
}) {
  let confirmation: HTMLDivElement | undefined;
  onMount(() => {
    if (props.justSubmitted) confirmation?.focus();
  });
  const panelHref = () =>
    `/sites/${props.keys.siteId}/applications/${props.keys.organisationId}/${props.keys.applicationId}/panel`;
  const choiceOf = (criterionId: string): Choice => {
    const entry = props.review.scores[criterionId];
    return entry ? (entry.score ?? "abstain") : null;
  };

  return (
    <>
      <Show when={props.justSubmitted}>
        <div ref={confirmation} class="notice notice-success sent-confirmation" tabindex="-1">
          <h2>Your review is submitted</h2>
          <p>Thank you. Your scores are now part of the panel's record.</p>
        </div>
      </Show>
      <p>
        You submitted this review
        <Show when={props.review.submittedAt}>
          {(at) => (
            <>
              {" "}
              on <time datetime={at()}>{formatDate(at())}</time>
            </>
          )}
        </Show>
        . Your scores can no longer change.
      </p>

      <Show
        when={props.siteTeam}
        fallback={<PanelScores keys={props.keys} definition={props.definition} myId={props.myId} />}
      >
        <section class="card highlight" aria-labelledby="panel-link-heading">
          <h2 id="panel-link-heading">The panel's scores</h2>
          <p>See every reviewer's scores side by side, with the average for each criterion.</p>
          <A class="button" href={panelHref()}>
            See the panel's scores
          </A>
        </section>
      </Show>

      <section class="review-section" aria-labelledby="my-scores-heading">
        <div class="section-heading">
          <h2 id="my-scores-heading">Your scores</h2>
          <EasyReadToggle pressed={easyReadPreferred()} onChange={setEasyReadPreferred} context="for your scores" />
        </div>
        <dl class="card check-answers" classList={{ "easy-read-text": easyReadPreferred() }}>
          <For each={props.definition.criteria}>
            {(criterion, index) => (
              <div class="check-answer">
                <dt>
                  {index() + 1}. {wordingIn(criterion.wording, easyReadPreferred())}
                </dt>
                <dd>
                  <p class="answer-text">
                    {choiceWords(choiceOf(criterion.criterionId), props.definition.scale, easyReadPreferred(), true)}
                  </p>
                  <Show when={props.review.scores[criterion.criterionId]?.comment}>
                    {(comment) => <p class="answer-text muted">Your comment: {comment()}</p>}
                  </Show>
                </dd>
              </div>
            )}
          </For>
        </dl>
      </section>
    </>
  );
}

/** Every submitted review's scores, side by side, with each criterion's average and where reviewers disagree. */
function PanelScores(props: {
  keys: { siteId: string; organisationId: string; applicationId: string };
  definition: ReviewDefinition;
  myId: string | undefined;
}) {
  const panel = useQuery(() => queries.panel(props.keys.siteId, props.keys.organisationId, props.keys.applicationId));
  return (
    <section class="review-section" aria-labelledby="panel-heading">
      <h2 id="panel-heading">The panel's scores</h2>
      <Switch>
        <Match when={panel.isPending}>
          <Loading label="Loading the panel's scores…" />
        </Match>
        <Match when={panel.isError}>
          <ErrorNotice error={panel.error} retry={() => panel.refetch()} />
        </Match>
        <Match when={panel.data}>{(data) => <PanelTable panel={data()} myId={props.myId} />}</Match>
      </Switch>
    </section>
  );
}

function PanelTable(props: { panel: Panel; myId: string | undefined }) {
  const easyRead = easyReadPreferred;
  const criterionOf = (criterionId: string) =>
    props.panel.criteriaWording.find((criterion) => criterion.criterionId === criterionId);
  const reviewerName = (reviewer: Panel["reviewers"][number]) =>
    reviewer.reviewerId === props.myId ? "You" : reviewer.name;
  const scale = () => props.panel.scale;
  const scoreWords = (score: number | null) => (score === null ? "Abstained" : String(score));
  const waiting = () => props.panel.waiting.length;

  return (
    <>
      <p>
        {`Scores go from 1 (${pointWords(scale(), 1, easyRead())}) to ${scale().length} (${pointWords(scale(), scale().length, easyRead())}).`}{" "}
        An abstention does not count in the average.
      </p>
      <Show when={waiting() > 0}>
        <p class="notice notice-info">
          {waiting() === 1 ? "1 review is" : `${waiting()} reviews are`} still to come. Their scores show here once they
          are submitted.
        </p>
      </Show>
      <Show when={props.panel.recusals.length > 0}>
        <p class="muted">
          {props.panel.recusals.length === 1
            ? "1 reviewer stepped back because of a conflict of interest."
            : `${props.panel.recusals.length} reviewers stepped back because of a conflict of interest.`}
        </p>
      </Show>
      <div class="table-wrap">
        <table class="table responsive-table panel-scores">
          <caption class="visually-hidden">Each reviewer's score for each criterion, and the average</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <For each={props.panel.reviewers}>
                {(reviewer) => (
                  <th scope="col" class="number">
                    <bdi>{reviewerName(reviewer)}</bdi>
                  </th>
                )}
              </For>
              <th scope="col" class="number">
                Average
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.panel.criteria}>
              {(summary, index) => (
                <tr classList={{ "panel-disagree": summary.disagreement }}>
                  <th scope="row">
                    {index() + 1}.{" "}
                    {criterionOf(summary.criterionId)
                      ? wordingIn(
                          (criterionOf(summary.criterionId) as Panel["criteriaWording"][number]).wording,
                          easyRead(),
                        )
                      : "A criterion no longer in the process"}
                    <Show when={summary.disagreement}>
                      <span class="panel-disagree-note">Reviewers disagree here</span>
                    </Show>
                  </th>
                  <For each={summary.scores}>
                    {(score, column) => (
                      <td
                        class="number"
                        data-label={reviewerName(props.panel.reviewers[column()] as Panel["reviewers"][number])}
                      >
                        {scoreWords(score)}
                      </td>
                    )}
                  </For>
                  <td class="number panel-average" data-label="Average">
                    {formatAverage(summary.average)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.panel.reviewers.some((reviewer) => Object.values(reviewer.comments).some((c) => c.trim()))}>
        <h3>What reviewers said</h3>
        <For each={props.panel.criteria}>
          {(summary, index) => {
            const said = () =>
              props.panel.reviewers.filter((reviewer) => reviewer.comments[summary.criterionId]?.trim());
            return (
              <Show when={said().length > 0}>
                <section class="card panel-comments" aria-labelledby={`comments-${summary.criterionId}`}>
                  <h4 id={`comments-${summary.criterionId}`} class="review-page-title">
                    {index() + 1}.{" "}
                    {wordingIn(
                      criterionOf(summary.criterionId)?.wording ?? { plain: "A criterion", easyRead: "A criterion" },
                      easyRead(),
                    )}
                  </h4>
                  <ul class="panel-comment-list">
                    <For each={said()}>
                      {(reviewer) => (
                        <li>
                          <strong>
                            <bdi>{reviewerName(reviewer)}</bdi>:
                          </strong>{" "}
                          <span class="review-text">{reviewer.comments[summary.criterionId]}</span>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </Show>
            );
          }}
        </For>
      </Show>
      <Show when={props.panel.record}>
        {(record) => (
          <section class="card highlight" aria-labelledby="agreed-heading">
            <h3 id="agreed-heading">The panel's agreed view</h3>
            <p class="review-text">{record().agreedView}</p>
          </section>
        )}
      </Show>
    </>
  );
}
