import { useSearchParams } from "@solidjs/router";
import { useQueryClient } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Show, untrack } from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorCode, errorMessage, fieldErrors } from "../api/client";
import { afterReviewChange, queries } from "../api/queries";
import { type Problem, ProblemSummary } from "../ui/error-summary";
import { EasyReadToggle, easyReadPreferred, setEasyReadPreferred, wordingIn } from "./application-easy-read";
import { ReviewAnswers } from "./review-answers";
import { OneAtATime, type Screen } from "./review-one-at-a-time";
import {
  type Choice,
  type Criterion,
  CriterionField,
  createScoring,
  criterionInputId,
  type MyReview,
  pointWords,
  type ReviewDefinition,
  type Scoring,
} from "./review-scores";

const changedElsewhere =
  "Your review was changed somewhere else, perhaps in another tab, so your last change was not saved. We have loaded your review as it is saved now. Check your scores, then carry on.";

/**
 * Step 2: the application's answers and, for each criterion, a point on the site's scale (or an
 * abstention) with a comment, each saving as it is chosen; then submitting. In easy read the
 * criteria come one to a screen, with the scale in words.
 */
export function ScoringStep(props: {
  review: MyReview;
  definition: ReviewDefinition;
  keys: { siteId: string; organisationId: string; applicationId: string };
  reload: () => Promise<MyReview | undefined>;
  onSubmitted: () => void;
}) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams<{ screen?: string }>();
  // The process version an application is on never changes, so its criteria and scale are fixed here.
  const initial = untrack(() => props.review);
  const definition = untrack(() => props.definition);
  const criteria = definition.criteria;
  const scale = definition.scale;
  const indexOf = new Map(criteria.map((criterion, index) => [criterion.criterionId, index]));

  const [notice, setNotice] = createSignal<string | null>(null);
  const scoring: Scoring = createScoring({
    key: props.keys,
    initial,
    onConflict: async () => {
      setNotice(changedElsewhere);
      const fresh = await props.reload();
      if (fresh?.state === "scoring") scoring.reset(fresh);
    },
  });

  // Easy read: one criterion to a screen. The screen is in the address, so Back in the browser works.
  const firstScreen: Screen = (() => {
    const open = criteria.findIndex((criterion) => scoring.states[criterion.criterionId]?.choice === null);
    if (open === -1) return criteria.length ? "check" : "answers";
    return Object.values(scoring.states).some((state) => state.choice !== null) ? open : "answers";
  })();
  const screen = createMemo((): Screen => {
    const value = search.screen;
    if (value === "answers" || value === "check") return value;
    const number = Number(value);
    return Number.isInteger(number) && number >= 1 && number <= criteria.length ? number - 1 : firstScreen;
  });
  function goTo(next: Screen) {
    setSearch({ screen: typeof next === "number" ? String(next + 1) : next }, { scroll: false });
  }

  // Submitting.
  const [submitting, setSubmitting] = createSignal(false);
  const [problems, setProblems] = createSignal<Problem[] | null>(null);
  const [submitErrors, setSubmitErrors] = createStore<Record<string, string | undefined>>({});
  const problemAt = (criterion: Criterion, message: string): Problem => {
    const index = indexOf.get(criterion.criterionId) ?? 0;
    return {
      message: `Criterion ${index + 1}, “${wordingIn(criterion.wording, easyReadPreferred())}”: ${message}`,
      targetId: criterionInputId(criterion.criterionId),
      reveal: () => {
        if (easyReadPreferred()) goTo(index);
      },
    };
  };

  async function submit() {
    setSubmitting(true);
    setProblems(null);
    try {
      await scoring.flush();
      if (scoring.stopped()) return;
      const notSaved = criteria.filter((criterion) => scoring.states[criterion.criterionId]?.status === "error");
      if (notSaved.length) {
        setProblems(notSaved.map((criterion) => problemAt(criterion, "this score is not saved yet.")));
        return;
      }
      const result = await api.review.submit.mutate({ ...props.keys, version: scoring.version() });
      queryClient.setQueryData(
        queries.myReview(props.keys.siteId, props.keys.organisationId, props.keys.applicationId).queryKey,
        result,
      );
      setSearch({ screen: undefined }, { replace: true, scroll: false });
      props.onSubmitted();
      await afterReviewChange(queryClient, props.keys.siteId, props.keys.organisationId, props.keys.applicationId);
    } catch (error) {
      const byCriterion = fieldErrors(error);
      const missing = criteria.filter((criterion) => byCriterion[criterion.criterionId]);
      if (missing.length) {
        setSubmitErrors(byCriterion);
        setProblems(missing.map((criterion) => problemAt(criterion, byCriterion[criterion.criterionId] as string)));
      } else if (errorCode(error) === "CONFLICT") {
        setNotice(changedElsewhere);
        const fresh = await props.reload();
        if (fresh?.state === "scoring") scoring.reset(fresh);
      } else {
        setProblems([{ message: errorMessage(error) }]);
      }
    } finally {
      setSubmitting(false);
    }
  }

  function choose(criterionId: string, choice: Choice) {
    // A notice about a reload stays until the reviewer carries on.
    setNotice(null);
    setSubmitErrors(criterionId, undefined);
    scoring.choose(criterionId, choice);
  }

  const field = (criterion: Criterion, large: boolean) => {
    const state = () => scoring.states[criterion.criterionId];
    return (
      <Show when={state()}>
        {(current) => (
          <CriterionField
            criterion={criterion}
            number={(indexOf.get(criterion.criterionId) ?? 0) + 1}
            total={criteria.length}
            scale={scale}
            state={current()}
            easyRead={large || easyReadPreferred()}
            large={large}
            error={submitErrors[criterion.criterionId]}
            onChoose={(choice) => choose(criterion.criterionId, choice)}
            onType={(comment) => scoring.type(criterion.criterionId, comment)}
            onBlur={() => scoring.save(criterion.criterionId)}
            onRetry={() => scoring.save(criterion.criterionId)}
          />
        )}
      </Show>
    );
  };

  const answers = () => (
    <ReviewAnswers definition={definition} answers={props.review.answers ?? []} easyRead={easyReadPreferred()} />
  );

  return (
    <>
      <div class="card application-intro">
        <p>
          Read the answers, then score each criterion. Each score saves as you choose it, so you can stop and come back.
        </p>
        <EasyReadToggle
          pressed={easyReadPreferred()}
          onChange={setEasyReadPreferred}
          context="with one criterion at a time"
        />
      </div>
      <Show when={notice()}>
        <div class="notice notice-error" role="alert">
          <p>{notice()}</p>
        </div>
      </Show>
      <ProblemSummary problems={problems()} />

      <Show
        when={easyReadPreferred()}
        fallback={
          <>
            <section class="review-section" aria-labelledby="answers-heading">
              <h2 id="answers-heading">The answers</h2>
              {answers()}
            </section>
            <section class="review-section" aria-labelledby="scores-heading">
              <h2 id="scores-heading">Your scores</h2>
              <p>
                {`Score each criterion from 1 (${pointWords(scale, 1, false)}) to ${scale.length} (${pointWords(scale, scale.length, false)}).`}{" "}
                If you cannot score one, choose “I abstain on this one”.
              </p>
              <For each={criteria}>{(criterion) => field(criterion, false)}</For>
            </section>
            <SubmitBox scoring={scoring} criteria={criteria} submitting={submitting()} onSubmit={submit} />
          </>
        }
      >
        <OneAtATime
          screen={screen()}
          goTo={goTo}
          criteria={criteria}
          scale={scale}
          scoring={scoring}
          submitErrors={submitErrors}
          answers={answers}
          field={(criterion) => field(criterion, true)}
          submitBox={() => (
            <SubmitBox scoring={scoring} criteria={criteria} submitting={submitting()} onSubmit={submit} easyRead />
          )}
        />
      </Show>
    </>
  );
}

/** How far the reviewer has got, and the button that submits the review. */
function SubmitBox(props: {
  scoring: Scoring;
  criteria: Criterion[];
  submitting: boolean;
  onSubmit: () => void;
  easyRead?: boolean;
}) {
  const done = () =>
    props.criteria.filter((criterion) => props.scoring.states[criterion.criterionId]?.choice !== null).length;
  return (
    <section class="card highlight submit-box" aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit your review</h2>
      <p class="submit-progress">
        You have chosen a score or abstained on {done()} of {props.criteria.length} criteria.
      </p>
      <Show
        when={props.easyRead}
        fallback={
          <p>
            Once you submit, you cannot change your scores. Then you will see the other reviewers' scores as they come
            in.
          </p>
        }
      >
        <p>When you submit, you cannot change your scores any more. Then you can see what the others said.</p>
      </Show>
      <button type="button" class="button" disabled={props.submitting} onClick={() => props.onSubmit()}>
        {props.submitting ? "Submitting…" : "Submit my review"}
      </button>
    </section>
  );
}
