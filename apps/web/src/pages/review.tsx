import { cqcStatusLabels } from "@smallsupports/core/organisation-shape";
import { may } from "@smallsupports/core/permissions";
import { A, useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createEffect, createSignal, type JSX, Match, on, Show, Switch } from "solid-js";
import { queries } from "../api/queries";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { DeclareStep } from "./review-declare";
import { DueDate } from "./review-due";
import type { MyReview } from "./review-scores";
import { ScoringStep } from "./review-scoring";
import { SubmittedReview } from "./review-submitted";
import "../styles/review.css";

const headings: Record<MyReview["state"], string> = {
  declare: "Conflict of interest",
  scoring: "Score the application",
  recused: "You have stepped back from this review",
  submitted: "Your review",
};

/**
 * A reviewer's own review of one application. First they say whether they have a conflict of
 * interest (a conflict takes them off it, and they see nothing more); then they read the answers
 * and score each criterion, saving as they go, and submit; then they see the panel's scores.
 */
export default function ReviewPage() {
  const params = useParams<{ siteId: string; organisationId: string; applicationId: string }>();
  const keys = {
    get siteId() {
      return params.siteId;
    },
    get organisationId() {
      return params.organisationId;
    },
    get applicationId() {
      return params.applicationId;
    },
  };
  const me = useQuery(() => queries.me());
  const review = useQuery(() => queries.myReview(params.siteId, params.organisationId, params.applicationId));
  const mine = () => review.data as MyReview | undefined;
  const site = () => me.data?.sites.find((candidate) => candidate.siteId === params.siteId);
  const siteName = () => site()?.siteName ?? "the site";
  // Set once the reviewer submits here, so the submitted view starts with the confirmation.
  const [justSubmitted, setJustSubmitted] = createSignal(false);

  usePageTitle(() => {
    if (review.isPending || me.isPending) return loadingTitle;
    if (review.isError) return problemTitle(review.error);
    return [headings[mine()?.state ?? "declare"], "Review", siteName()];
  });

  // Moving on a step changes what the page is for: start again at its heading. Submitting starts
  // at the confirmation instead.
  let page: HTMLDivElement | undefined;
  createEffect(
    on(
      () => mine()?.state,
      (state, before) => {
        if (before === undefined || state === before || (state === "submitted" && justSubmitted())) return;
        queueMicrotask(() => page?.querySelector<HTMLElement>("h1")?.focus());
      },
      { defer: true },
    ),
  );

  return (
    <div ref={page} class="page narrow my-review">
      <A class="back-link" href="/">
        <span aria-hidden="true">←</span>
        Back to my sites
      </A>
      <Switch>
        <Match when={review.isPending || me.isPending}>
          <Loading label="Loading your review…" />
        </Match>
        <Match when={review.isError}>
          <PageHeading>{problemTitle(review.error)}</PageHeading>
          <ErrorNotice error={review.error} retry={() => review.refetch()} />
        </Match>
        <Match when={mine()}>
          {(data) => (
            <>
              <Show when={data().state === "declare" || data().state === "scoring"}>
                <p class="step-label">{data().state === "declare" ? "Step 1 of 2" : "Step 2 of 2"}</p>
              </Show>
              <PageHeading>{headings[data().state]}</PageHeading>
              <Switch>
                <Match when={data().state === "declare"}>
                  <ReviewFacts review={data()} siteName={siteName()} />
                  <DeclareStep review={data()} siteName={siteName()} keys={keys} />
                </Match>
                <Match when={data().state === "recused"}>
                  <div class="card">
                    <p>
                      You told us you have a conflict of interest with this application, so you are not reviewing it.
                    </p>
                    <p>Thank you for telling us. It keeps the panel fair for everyone.</p>
                    <A class="button" href="/">
                      Go to my sites
                    </A>
                  </div>
                </Match>
                <Match when={data().state === "scoring" && data().process}>
                  {(process) => (
                    <>
                      <ReviewFacts review={data()} siteName={siteName()} />
                      <ScoringStep
                        review={data()}
                        definition={process().definition}
                        keys={keys}
                        reload={async () => (await review.refetch()).data as MyReview | undefined}
                        onSubmitted={() => setJustSubmitted(true)}
                      />
                    </>
                  )}
                </Match>
                <Match when={data().state === "submitted" && data().process}>
                  {(process) => (
                    <>
                      <ReviewFacts review={data()} siteName={siteName()} />
                      <SubmittedReview
                        review={data()}
                        definition={process().definition}
                        keys={keys}
                        siteName={siteName()}
                        siteTeam={may(site()?.role, "seeTeam")}
                        justSubmitted={justSubmitted()}
                        myId={me.data?.person.personId}
                      />
                    </>
                  )}
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

/**
 * Which application this is: the site, when the review is due, and who it is from. Under blind
 * review the organisation is named only at the conflict step, and its facts are never shown.
 */
function ReviewFacts(props: { review: MyReview; siteName: string }) {
  const organisation = () => props.review.organisation;
  return (
    <>
      <dl class="review-facts">
        <Fact label="Site">{props.siteName}</Fact>
        <Show when={props.review.state !== "declare" && props.review.organisationName}>
          {(name) => (
            <Fact label="From">
              <bdi>{name()}</bdi>
            </Fact>
          )}
        </Show>
        <Show
          when={props.review.state === "submitted"}
          fallback={
            <Fact label="Your review">
              <DueDate dueDate={props.review.dueDate} />
            </Fact>
          }
        >
          <Fact label="Your review">Submitted</Fact>
        </Show>
      </dl>
      <Show when={props.review.state !== "declare" && (props.review.blind || props.review.organisationName === null)}>
        <p class="notice notice-info blind-notice">
          <strong>Blind review: the organisation's name is hidden.</strong> You score the answers only, so that every
          organisation is judged on what it wrote.
        </p>
      </Show>
      <Show when={props.review.state === "scoring" && organisation()}>
        {(facts) => (
          <details class="card review-organisation">
            <summary>About the organisation</summary>
            <dl class="review-list">
              <Fact label="Area">{facts().area}</Fact>
              <Fact label="Founded">{facts().foundedYear}</Fact>
              <Fact label="People supported now">{facts().peopleSupported.toLocaleString("en-GB")}</Fact>
              <Fact label="CQC registration">
                {cqcStatusLabels[facts().cqcStatus as keyof typeof cqcStatusLabels] ?? facts().cqcStatus}
              </Fact>
            </dl>
          </details>
        )}
      </Show>
    </>
  );
}

function Fact(props: { label: string; children: JSX.Element }) {
  return (
    <div class="review-fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
