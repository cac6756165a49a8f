import { createEffect, createSignal, For, type JSX, Match, on, Show, Switch } from "solid-js";
import { wordingIn } from "./application-easy-read";
import { type Criterion, choiceWords, type ScalePoint, type Scoring } from "./review-scores";

/** A screen of the easy-read view: the answers, one criterion (0 = the first), or checking and submitting. */
export type Screen = "answers" | number | "check";

/**
 * The easy-read view of scoring: the answers first, then one criterion to a screen with the scale
 * in words as large choices, Back and Next, and "Criterion 3 of 9" to say how far along; then a
 * screen to check every choice and submit. Each screen starts at its heading, so keyboard and
 * screen reader users begin at the top of it.
 */
export function OneAtATime(props: {
  screen: Screen;
  goTo: (screen: Screen) => void;
  criteria: Criterion[];
  scale: ScalePoint[];
  scoring: Scoring;
  submitErrors: Record<string, string | undefined>;
  answers: () => JSX.Element;
  field: (criterion: Criterion) => JSX.Element;
  submitBox: () => JSX.Element;
}) {
  const total = () => props.criteria.length;
  // The criterion the reviewer left to read the answers again, so they can go straight back to it.
  const [lastCriterion, setLastCriterion] = createSignal<number | null>(null);
  createEffect(() => {
    if (typeof props.screen === "number") setLastCriterion(props.screen);
  });

  let heading: HTMLHeadingElement | undefined;
  createEffect(
    on(
      () => props.screen,
      () => queueMicrotask(() => heading?.focus()),
      { defer: true },
    ),
  );

  const title = () => {
    if (props.screen === "answers") return "Read the answers";
    if (props.screen === "check") return "Check your scores and submit";
    return `Criterion ${props.screen + 1} of ${total()}`;
  };

  return (
    <section class="one-at-a-time easy-read-text" aria-labelledby="screen-heading">
      <div class="screen-progress">
        {/* The heading says how far along in words ("Criterion 3 of 9"); the bar shows it at a glance. */}
        <div class="screen-progress-bar" aria-hidden="true">
          <div
            class="screen-progress-done"
            style={{
              width: `${
                props.screen === "answers"
                  ? 0
                  : props.screen === "check"
                    ? 100
                    : Math.round(((props.screen + 1) / (total() + 1)) * 100)
              }%`,
            }}
          />
        </div>
      </div>
      <h2 id="screen-heading" ref={heading} class="step-title screen-title" tabindex="-1">
        {title()}
      </h2>
      <Switch>
        <Match when={props.screen === "answers"}>
          <p>Read what the organisation wrote. Then you choose a score for each thing the panel looks for.</p>
          {props.answers()}
          <div class="form-actions step-nav">
            <button type="button" class="button" onClick={() => props.goTo(lastCriterion() ?? 0)}>
              {lastCriterion() === null ? "Start scoring" : `Back to criterion ${(lastCriterion() ?? 0) + 1}`}
            </button>
          </div>
        </Match>
        <Match when={typeof props.screen === "number" && props.criteria[props.screen as number]}>
          {(criterion) => (
            <>
              {props.field(criterion())}
              <div class="form-actions step-nav">
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() => props.goTo((props.screen as number) > 0 ? (props.screen as number) - 1 : "answers")}
                >
                  <span aria-hidden="true">←</span> Back
                </button>
                <button
                  type="button"
                  class="button"
                  onClick={() =>
                    props.goTo((props.screen as number) + 1 < total() ? (props.screen as number) + 1 : "check")
                  }
                >
                  {(props.screen as number) + 1 < total() ? "Next" : "Next: check and submit"}{" "}
                  <span aria-hidden="true">→</span>
                </button>
              </div>
              <p class="screen-answers-link">
                <button
                  type="button"
                  class="button button-secondary button-small"
                  onClick={() => props.goTo("answers")}
                >
                  Read the answers again
                </button>
              </p>
            </>
          )}
        </Match>
        <Match when={props.screen === "check"}>
          <p>Here is what you chose. You can change any of them before you submit.</p>
          <dl class="card check-answers">
            <For each={props.criteria}>
              {(criterion, index) => {
                const state = () => props.scoring.states[criterion.criterionId];
                const missing = () => state()?.choice === null || !!props.submitErrors[criterion.criterionId];
                return (
                  <div class="check-answer" classList={{ "check-answer-missing": missing() }}>
                    <dt>
                      {index() + 1}. {wordingIn(criterion.wording, true)}
                    </dt>
                    <dd>
                      <p class="answer-text" classList={{ "field-error": state()?.choice === null }}>
                        {choiceWords(state()?.choice ?? null, props.scale, true)}
                      </p>
                      <Show when={state()?.comment.trim()}>
                        <p class="answer-text muted">Your comment: {state()?.comment.trim()}</p>
                      </Show>
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => props.goTo(index())}
                      >
                        Change<span class="visually-hidden"> criterion {index() + 1}</span>
                      </button>
                    </dd>
                  </div>
                );
              }}
            </For>
          </dl>
          {props.submitBox()}
          <div class="form-actions">
            <button type="button" class="button button-secondary" onClick={() => props.goTo(total() - 1)}>
              <span aria-hidden="true">←</span> Back
            </button>
          </div>
        </Match>
      </Switch>
    </section>
  );
}
