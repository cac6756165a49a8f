import type { RouterOutputs } from "@smallsupports/api";
import { For, type JSX, Match, Show, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { EasyReadToggle, wordingIn } from "./application-easy-read";

export type ApplicationForm = RouterOutputs["application"]["get"];
export type FormPage = ApplicationForm["process"]["definition"]["pages"][number];
export type Question = FormPage["questions"][number];
export type AnswerValue = ApplicationForm["answers"][number]["value"];

/** What a question's box holds as the person types: numbers and dates as typed, choices as chosen. */
export type Typed = string | string[] | boolean | null;

/** One question's state in the form: what is typed, what the server has, and how saving went. */
export interface AnswerState {
  typed: Typed;
  /** The version the next save names: the answer's version when this tab last saw it (0: never saved). */
  version: number;
  /** The value the server holds, as far as this tab knows. */
  saved: AnswerValue;
  status: "idle" | "saving" | "saved" | "error";
  message: string;
  /** Whether trying the same save again might work (a dropped connection). */
  retryable: boolean;
  /** Someone else saved this answer first: nothing more is saved until the person chooses. */
  conflict: boolean;
  /** The answer saved elsewhere, once the person asks to see it. */
  theirs: { value: AnswerValue; version: number } | null;
}

/** The box's contents for a saved value. */
export function typedOf(question: Question, value: AnswerValue | undefined): Typed {
  switch (question.kind) {
    case "multiple-choice":
      return Array.isArray(value) ? value : [];
    case "single-choice":
      return typeof value === "string" ? value : null;
    case "yes-no":
      return typeof value === "boolean" ? value : null;
    case "number":
      return typeof value === "number" ? String(value) : "";
    default:
      return typeof value === "string" ? value : "";
  }
}

/** The value to save for what is typed, or why it cannot be saved yet. */
export function answerFor(question: Question, typed: Typed): { value: AnswerValue } | { problem: string } {
  if (question.kind === "number") {
    const text = String(typed ?? "")
      .trim()
      .replace(/,/g, "");
    if (text === "") return { value: null };
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { problem: "Enter a number, like 12. This answer is not saved yet." };
    return { value: Number(text) };
  }
  if (question.kind === "date") return { value: typed ? String(typed) : null };
  if (question.kind === "long-text" || question.kind === "short-text") return { value: String(typed ?? "") };
  return { value: typed };
}

/** Whether two answers are the same, as the server keeps them (text is trimmed there). */
export function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
  const tidy = (value: AnswerValue) => (typeof value === "string" ? value.trim() || null : value);
  return JSON.stringify(tidy(a)) === JSON.stringify(tidy(b));
}

export function isEmptyAnswer(value: AnswerValue | Typed | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** An answer as words: for checking, for an application that can no longer change, and for the site team. */
export function answerText(question: Question, value: AnswerValue | undefined, easyRead: boolean): string {
  if (isEmptyAnswer(value)) return "Not answered";
  const option = (id: string) => {
    const found = question.options.find((candidate) => candidate.optionId === id);
    return found ? wordingIn(found.wording, easyRead) : "An option no longer on the form";
  };
  switch (question.kind) {
    case "single-choice":
      return option(String(value));
    case "multiple-choice":
      return (value as string[]).map(option).join("; ");
    case "yes-no":
      return value ? "Yes" : "No";
    case "date":
      return formatDate(`${value}T12:00:00Z`);
    case "number":
      return Number(value).toLocaleString("en-GB");
    default:
      return String(value);
  }
}

export const answerInputId = (questionId: string) => `answer-${questionId}`;
export const questionBoxId = (questionId: string) => `question-${questionId}`;

const choiceKinds = ["single-choice", "multiple-choice", "yes-no"];

/**
 * One question of the form: its wording (plain or easy read), whether it must be answered, its
 * help, its box, how saving it went (read out politely) and, when a colleague saved it first,
 * the way to see their answer without losing what is in the box.
 */
export function QuestionField(props: {
  question: Question;
  number: number;
  state: AnswerState;
  easyRead: boolean;
  onEasyRead: (on: boolean) => void;
  /** A message from sending, like "Answer this question." */
  sendError?: string;
  onType: (typed: Typed) => void;
  onChoose: (typed: Typed) => void;
  onBlur: () => void;
  onShowSaved: () => void;
  onKeepMine: () => void;
  onUseSaved: () => void;
  onRetry: () => void;
}) {
  const id = () => answerInputId(props.question.questionId);
  const q = () => props.question;
  const help = () => wordingIn(q().help, props.easyRead);
  const describedBy = () =>
    [
      help() && `${id()}-help`,
      props.sendError && `${id()}-send-error`,
      props.state.status === "error" && `${id()}-status`,
    ]
      .filter(Boolean)
      .join(" ") || undefined;
  const invalid = () => (props.sendError || props.state.status === "error" ? "true" : undefined);

  const label = (): JSX.Element => (
    <>
      <span class="form-question-number">Question {props.number}</span>
      <span class="form-question-wording">{wordingIn(q().wording, props.easyRead)}</span>{" "}
      <span class="form-question-required">{q().required ? "(required)" : "(optional)"}</span>
    </>
  );
  const extras = (): JSX.Element => (
    <>
      <Show when={help()}>
        <div id={`${id()}-help`} class="field-hint">
          {help()}
        </div>
      </Show>
      <Show when={props.sendError}>
        <div id={`${id()}-send-error`} class="field-error">
          {props.sendError}
        </div>
      </Show>
    </>
  );

  return (
    <div
      id={questionBoxId(q().questionId)}
      class="form-question card"
      classList={{
        "form-question-problem": !!props.sendError || props.state.conflict,
        "easy-read-text": props.easyRead,
      }}
    >
      <div class="form-question-tools">
        <EasyReadToggle
          pressed={props.easyRead}
          onChange={props.onEasyRead}
          context={`for question ${props.number}`}
          small
        />
      </div>
      <Show
        when={choiceKinds.includes(q().kind)}
        fallback={
          <div class="field">
            <label class="field-label form-question-label" for={id()}>
              {label()}
            </label>
            {extras()}
            <Switch>
              <Match when={q().kind === "long-text"}>
                <textarea
                  id={id()}
                  class="input textarea"
                  rows={8}
                  maxLength={10_000}
                  value={String(props.state.typed ?? "")}
                  onInput={(event) => props.onType(event.currentTarget.value)}
                  onBlur={() => props.onBlur()}
                  aria-describedby={describedBy()}
                  aria-invalid={invalid()}
                  required={q().required}
                />
              </Match>
              <Match when={q().kind === "short-text"}>
                <input
                  id={id()}
                  class="input"
                  type="text"
                  maxLength={300}
                  autocomplete="off"
                  value={String(props.state.typed ?? "")}
                  onInput={(event) => props.onType(event.currentTarget.value)}
                  onBlur={() => props.onBlur()}
                  aria-describedby={describedBy()}
                  aria-invalid={invalid()}
                  required={q().required}
                />
              </Match>
              <Match when={q().kind === "number"}>
                <input
                  id={id()}
                  class="input input-short"
                  type="text"
                  inputmode="decimal"
                  autocomplete="off"
                  value={String(props.state.typed ?? "")}
                  onInput={(event) => props.onType(event.currentTarget.value)}
                  onBlur={() => props.onBlur()}
                  aria-describedby={describedBy()}
                  aria-invalid={invalid()}
                  required={q().required}
                />
              </Match>
              <Match when={q().kind === "date"}>
                <input
                  id={id()}
                  class="input input-date"
                  type="date"
                  value={String(props.state.typed ?? "")}
                  onInput={(event) => props.onType(event.currentTarget.value)}
                  onBlur={() => props.onBlur()}
                  aria-describedby={describedBy()}
                  aria-invalid={invalid()}
                  required={q().required}
                />
              </Match>
            </Switch>
          </div>
        }
      >
        <fieldset class="field" aria-describedby={describedBy()}>
          <legend class="field-label form-question-label">{label()}</legend>
          {extras()}
          <div class="radios">
            <Switch>
              <Match when={q().kind === "yes-no"}>
                <For each={[true, false]}>
                  {(answer, index) => (
                    <label class="radio">
                      <input
                        id={index() === 0 ? id() : `${id()}-no`}
                        type="radio"
                        name={id()}
                        checked={props.state.typed === answer}
                        onChange={() => props.onChoose(answer)}
                      />
                      <span class="radio-label">{answer ? "Yes" : "No"}</span>
                    </label>
                  )}
                </For>
              </Match>
              <Match when={q().kind === "single-choice"}>
                <For each={q().options}>
                  {(option, index) => (
                    <label class="radio">
                      <input
                        id={index() === 0 ? id() : `${id()}-${option.optionId}`}
                        type="radio"
                        name={id()}
                        value={option.optionId}
                        checked={props.state.typed === option.optionId}
                        onChange={() => props.onChoose(option.optionId)}
                      />
                      <span class="radio-label">{wordingIn(option.wording, props.easyRead)}</span>
                    </label>
                  )}
                </For>
              </Match>
              <Match when={q().kind === "multiple-choice"}>
                <For each={q().options}>
                  {(option, index) => {
                    const chosen = () => (props.state.typed as string[]).includes(option.optionId);
                    return (
                      <label class="radio checkbox">
                        <input
                          id={index() === 0 ? id() : `${id()}-${option.optionId}`}
                          type="checkbox"
                          name={id()}
                          value={option.optionId}
                          checked={chosen()}
                          onChange={(event) => {
                            const others = (props.state.typed as string[]).filter((o) => o !== option.optionId);
                            props.onChoose(event.currentTarget.checked ? [...others, option.optionId] : others);
                          }}
                        />
                        <span class="radio-label">{wordingIn(option.wording, props.easyRead)}</span>
                      </label>
                    );
                  }}
                </For>
              </Match>
            </Switch>
          </div>
        </fieldset>
      </Show>
      <SaveState id={`${id()}-status`} state={props.state} onRetry={props.onRetry} />
      <Show when={props.state.conflict}>
        <div class="notice notice-error answer-conflict">
          <Show
            when={props.state.theirs}
            fallback={
              <button type="button" class="button button-secondary" onClick={() => props.onShowSaved()}>
                Show the saved answer
              </button>
            }
          >
            {(theirs) => (
              <>
                <p>
                  <strong>The answer saved now is:</strong>
                </p>
                <blockquote class="their-answer">{answerText(q(), theirs().value, props.easyRead)}</blockquote>
                <p>What you typed is still in the box. Which answer do you want to keep?</p>
                <div class="form-actions">
                  <button type="button" class="button" onClick={() => props.onKeepMine()}>
                    Keep my answer
                  </button>
                  <button type="button" class="button button-secondary" onClick={() => props.onUseSaved()}>
                    Use the saved answer
                  </button>
                </div>
              </>
            )}
          </Show>
        </div>
      </Show>
    </div>
  );
}

/** "Saving…", "Saved" or what went wrong, read out politely as it changes. */
function SaveState(props: { id: string; state: AnswerState; onRetry: () => void }) {
  const message = () => {
    switch (props.state.status) {
      case "saving":
        return "Saving…";
      case "saved":
        return "Saved";
      case "error":
        return props.state.message;
      default:
        return "";
    }
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
