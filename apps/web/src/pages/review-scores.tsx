import type { RouterOutputs } from "@smallsupports/api";
import type { ReviewState } from "@smallsupports/core/review-shape";
import { useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorCode, errorMessage, retryCanHelp } from "../api/client";
import { queries } from "../api/queries";
import { wordingIn } from "./application-easy-read";
import "../styles/review.css";

/** The reviewer's own review. Its state and due date are named here because the API's inferred type loses them. */
export type MyReview = Omit<RouterOutputs["review"]["mine"], "state" | "dueDate"> & {
  state: ReviewState;
  dueDate: string;
};
export type ReviewDefinition = NonNullable<MyReview["process"]>["definition"];
export type Criterion = ReviewDefinition["criteria"][number];
export type ScalePoint = ReviewDefinition["scale"][number];

/** A point of the scale (1 = its first point), an abstention, or nothing chosen yet. */
export type Choice = number | "abstain" | null;

export interface CriterionState {
  choice: Choice;
  comment: string;
  /** What the server holds for this criterion, as far as this tab knows (null: nothing yet). */
  saved: { choice: Choice; comment: string } | null;
  status: "idle" | "saving" | "saved" | "error";
  message: string;
  /** Whether saving again might work (a dropped connection). */
  retryable: boolean;
}

/** How long after a choice or the last key press a criterion saves. */
const choosingPause = 400;
const typingPause = 1000;

export const criterionInputId = (criterionId: string) => `criterion-${criterionId}`;
export const commentInputId = (criterionId: string) => `comment-${criterionId}`;

function statesOf(review: MyReview): Record<string, CriterionState> {
  const criteria = review.process?.definition.criteria ?? [];
  return Object.fromEntries(
    criteria.map((criterion) => {
      const saved = review.scores[criterion.criterionId];
      const choice: Choice = saved ? (saved.score ?? "abstain") : null;
      const state: CriterionState = {
        choice,
        comment: saved?.comment ?? "",
        saved: saved ? { choice, comment: saved.comment } : null,
        status: "idle",
        message: "",
        retryable: false,
      };
      return [criterion.criterionId, state];
    }),
  );
}

/**
 * A reviewer's scores as they give them. Every criterion saves on its own as they go, but all of
 * them carry the review's one version, so saves go one at a time, each naming the version the last
 * one returned. Someone changing the review elsewhere (another tab) stops saving and calls
 * `onConflict`, which reloads the review and `reset`s the scores to it.
 */
export function createScoring(options: {
  key: { siteId: string; organisationId: string; applicationId: string };
  initial: MyReview;
  onConflict: (error: unknown) => void;
}) {
  const queryClient = useQueryClient();
  const [states, setStates] = createStore(statesOf(options.initial));
  const [version, setVersion] = createSignal(options.initial.version);
  const [stopped, setStopped] = createSignal(false);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const waiting = new Set<string>();
  let running: Promise<void> | null = null;

  function saveSoon(criterionId: string, pause: number) {
    clearTimeout(timers.get(criterionId));
    timers.set(
      criterionId,
      setTimeout(() => save(criterionId), pause),
    );
  }

  function save(criterionId: string): Promise<void> {
    clearTimeout(timers.get(criterionId));
    timers.delete(criterionId);
    waiting.add(criterionId);
    return run();
  }

  function run(): Promise<void> {
    if (!running) {
      running = (async () => {
        while (waiting.size > 0 && !stopped()) {
          const [criterionId] = waiting as Iterable<string>;
          waiting.delete(criterionId as string);
          await saveOnce(criterionId as string);
        }
      })().finally(() => {
        running = null;
        // Something asked to save while the last save was finishing: it still goes.
        if (waiting.size > 0 && !stopped()) run();
      });
    }
    return running;
  }

  async function saveOnce(criterionId: string) {
    const state = states[criterionId];
    if (!state) return;
    // A comment without a score would save as an abstention: it waits until they choose.
    if (state.choice === null) return;
    const sent = { choice: state.choice, comment: state.comment.trim() };
    if (state.saved && state.saved.choice === sent.choice && state.saved.comment === sent.comment) {
      if (state.status === "error") setStates(criterionId, { status: "saved", message: "" });
      return;
    }
    setStates(criterionId, { status: "saving", message: "" });
    try {
      const result = await api.review.saveScore.mutate({
        ...options.key,
        version: version(),
        criterionId,
        score: sent.choice === "abstain" ? null : sent.choice,
        comment: sent.comment,
      });
      setVersion(result.version);
      setStates(criterionId, { saved: sent, status: "saved", message: "", retryable: false });
      // The cached review is read again when the page opens next, so it must hold this save too.
      queryClient.setQueryData(
        queries.myReview(options.key.siteId, options.key.organisationId, options.key.applicationId).queryKey,
        (cached) => (cached ? { ...cached, version: result.version, scores: result.scores } : cached),
      );
    } catch (error) {
      // Changed elsewhere (another tab saved, or submitted, first): nothing more saves until reloaded.
      if (["CONFLICT", "PRECONDITION_FAILED"].includes(errorCode(error) ?? "")) {
        setStopped(true);
        setStates(criterionId, { status: "idle", message: "" });
        options.onConflict(error);
        return;
      }
      setStates(criterionId, {
        status: "error",
        message: `${errorMessage(error)} Your choice is not saved yet.`,
        retryable: retryCanHelp(error),
      });
    }
  }

  // Leaving the page saves what is still waiting; closing the tab before it has saved asks first.
  const warn = (event: BeforeUnloadEvent) => {
    if (timers.size > 0 || running) event.preventDefault();
  };
  window.addEventListener("beforeunload", warn);
  onCleanup(() => {
    window.removeEventListener("beforeunload", warn);
    for (const criterionId of [...timers.keys()]) save(criterionId);
  });

  return {
    states,
    version,
    /** Whether saving has stopped until the review is reloaded. */
    stopped,
    choose(criterionId: string, choice: Choice) {
      setStates(criterionId, { choice });
      saveSoon(criterionId, choosingPause);
    },
    type(criterionId: string, comment: string) {
      setStates(criterionId, { comment });
      saveSoon(criterionId, typingPause);
    },
    save,
    /** Saves everything still waiting, and resolves once nothing is on its way. */
    async flush() {
      for (const criterionId of [...timers.keys()]) save(criterionId);
      while (running) await running;
    },
    /** Starts again from the review as it is saved now. */
    reset(review: MyReview) {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      waiting.clear();
      setStates(statesOf(review));
      setVersion(review.version);
      setStopped(false);
    },
  };
}

export type Scoring = ReturnType<typeof createScoring>;

/** A point of the scale in words (1 = its first point), plain or easy read. */
export function pointWords(scale: ScalePoint[], point: number, easyRead: boolean): string {
  const found = scale[point - 1];
  return found ? wordingIn(found.wording, easyRead) : "";
}

/** The chosen point in words: "3: Clearly shown", or "You abstain on this one". */
export function choiceWords(choice: Choice, scale: ScalePoint[], easyRead: boolean, submitted = false): string {
  if (choice === null) return "Not chosen yet";
  if (choice === "abstain") return submitted ? "You abstained on this one" : "You abstain on this one";
  return `${choice}: ${pointWords(scale, choice, easyRead)}`;
}

/**
 * One criterion: its wording, the scale's points and "I abstain" as radios, a comment, and how
 * saving went (read out politely). `large` is the easy-read view: the scale in words, big targets.
 */
export function CriterionField(props: {
  criterion: Criterion;
  number: number;
  total: number;
  scale: ScalePoint[];
  state: CriterionState;
  easyRead: boolean;
  large?: boolean;
  /** A message from submitting, like "Choose a score, or abstain." */
  error?: string;
  onChoose: (choice: Choice) => void;
  onType: (comment: string) => void;
  onBlur: () => void;
  onRetry: () => void;
}) {
  const id = () => props.criterion.criterionId;
  const radioId = (index: number) => (index === 0 ? criterionInputId(id()) : `${criterionInputId(id())}-${index}`);
  const errorId = () => `${criterionInputId(id())}-error`;
  const statusId = () => `${criterionInputId(id())}-status`;
  const wording = () => wordingIn(props.criterion.wording, props.easyRead);

  return (
    <div
      id={`criterion-box-${id()}`}
      class="card criterion"
      classList={{ "criterion-problem": !!props.error, "easy-read-text": props.easyRead }}
    >
      <fieldset class="field" aria-describedby={props.error ? errorId() : undefined}>
        <legend class="field-label criterion-legend">
          {/* In easy read the screen's heading already says "Criterion 3 of 9". */}
          <Show when={!props.large}>
            <span class="criterion-number">
              Criterion {props.number} of {props.total}
            </span>
          </Show>
          <span class="criterion-wording">{wording()}</span>
        </legend>
        <Show when={props.error}>
          <p id={errorId()} class="field-error">
            {props.error}
          </p>
        </Show>
        <div class="radios score-options" classList={{ "score-options-large": props.large }}>
          <For each={props.scale}>
            {(point, index) => (
              <label class="radio score-option">
                <input
                  id={radioId(index())}
                  type="radio"
                  name={`score-${id()}`}
                  value={index() + 1}
                  checked={props.state.choice === index() + 1}
                  onChange={() => props.onChoose(index() + 1)}
                />
                <Show
                  when={props.large}
                  fallback={
                    <span class="radio-label">
                      {index() + 1}: {wordingIn(point.wording, props.easyRead)}
                    </span>
                  }
                >
                  <span>
                    <span class="radio-label">{wordingIn(point.wording, true)}</span>
                    <span class="score-point">
                      {index() + 1} of {props.scale.length}
                    </span>
                  </span>
                </Show>
              </label>
            )}
          </For>
          <label class="radio score-option score-abstain">
            <input
              id={radioId(props.scale.length)}
              type="radio"
              name={`score-${id()}`}
              value="abstain"
              checked={props.state.choice === "abstain"}
              onChange={() => props.onChoose("abstain")}
            />
            <span>
              <span class="radio-label">I abstain on this one</span>
              <span class="field-hint">
                {props.easyRead
                  ? "I do not want to score this one. That is OK."
                  : "Leave this criterion out of your scores. Your other scores still count."}
              </span>
            </span>
          </label>
        </div>
      </fieldset>
      <div class="field criterion-comment">
        <label class="field-label" for={commentInputId(id())}>
          Your comment <span class="visually-hidden">on criterion {props.number}</span>
          <span class="form-question-required">(optional)</span>
        </label>
        <span id={`${commentInputId(id())}-hint`} class="field-hint">
          {props.easyRead
            ? "Say why you chose this. The panel will read it."
            : "Why you chose this score. The other reviewers and the project lead will read it."}
        </span>
        <textarea
          id={commentInputId(id())}
          class="input textarea"
          rows={props.large ? 5 : 3}
          maxLength={3000}
          value={props.state.comment}
          onInput={(event) => props.onType(event.currentTarget.value)}
          onBlur={() => props.onBlur()}
          aria-describedby={`${commentInputId(id())}-hint ${statusId()}`}
        />
      </div>
      <SaveStatus id={statusId()} state={props.state} onRetry={props.onRetry} />
    </div>
  );
}

/** "Saving…", "Saved" or what went wrong, read out politely as it changes. */
function SaveStatus(props: { id: string; state: CriterionState; onRetry: () => void }) {
  const message = () => {
    if (props.state.status === "saving") return "Saving…";
    if (props.state.status === "error") return props.state.message;
    if (props.state.choice === null && props.state.comment.trim()) {
      return "Your comment saves once you choose a score or abstain.";
    }
    return props.state.status === "saved" ? "Saved" : "";
  };
  return (
    <div class="save-state-row">
      <p
        id={props.id}
        class="save-state"
        classList={{
          "save-state-error": props.state.status === "error",
          "save-state-saved": props.state.status === "saved",
        }}
        role="status"
      >
        {message()}
      </p>
      <Show when={props.state.status === "error" && props.state.retryable}>
        <button type="button" class="button button-secondary button-small" onClick={() => props.onRetry()}>
          Try saving again
        </button>
      </Show>
    </div>
  );
}
