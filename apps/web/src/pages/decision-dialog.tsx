import { type Outcome, outcomeLabels, outcomes } from "@smallsupports/core/decision-shape";
import { createMutation } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Index, Match, Show, Switch } from "solid-js";
import { api, errorCode, fieldErrors } from "../api/client";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary, focusWhenShown, type Problem, ProblemSummary } from "../ui/error-summary";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";
import type { BoardApplication } from "./board-parts";
import "../styles/panel.css";

// The server's limits (packages/core/src/decision.ts).
const limits = { rationale: [20, 5000], condition: [3, 500], conditions: 10, whatWouldChange: [10, 3000] } as const;

const ids = {
  outcome: "decision-outcome",
  rationale: "decision-rationale",
  conditions: "decision-condition-0",
  whatWouldChange: "decision-what-would-change",
};
const conditionId = (index: number) => `decision-condition-${index}`;
const checkHeadingId = "decision-check-heading";

const outcomeHints: Record<Outcome, string> = {
  approved: "They become a Small Supports provider, join the site's cohort, and their development plan opens.",
  "walking-through":
    "For providers not yet registered with the Care Quality Commission. List the conditions they need to meet; their development plan opens.",
  "not-yet": "Not approved for now. Say what would change the answer: they can apply again when ready.",
  declined: "Not approved. The reasons tell them why.",
};

/**
 * The lead records the panel's decision: the outcome, the reasons (always), the conditions of an
 * approval to walk through, and for "not yet" what would change the answer. A decision cannot be
 * undone and the provider is told at once, so the dialog shows it back for checking before it is
 * sent. When another lead decided first, the server's message shows and `onConflict` fetches the
 * application again.
 */
export function DecisionDialog(props: {
  open: boolean;
  application: BoardApplication;
  organisationName: string;
  onClose: () => void;
  onDecided: (outcome: Outcome) => Promise<void>;
  onConflict: () => Promise<unknown>;
  returnFocusTo?: FocusFallback;
}) {
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const [rationale, setRationale] = createSignal("");
  const [conditions, setConditions] = createSignal<string[]>([""]);
  const [whatWouldChange, setWhatWouldChange] = createSignal("");
  const [step, setStep] = createSignal<"write" | "check">("write");
  // Problems found before sending: the same rules the server keeps, so the check step shows only a decision it will take.
  const [problems, setProblems] = createSignal<Problem[] | null>(null);

  // Approval to walk through is for providers still working towards CQC registration.
  const offered = () =>
    outcomes.filter((choice) => choice !== "walking-through" || props.application.cqcStatus !== "registered");
  const filledConditions = () =>
    conditions()
      .map((text) => text.trim())
      .filter(Boolean);

  const decide = createMutation(() => ({
    mutationFn: (chosen: Outcome) =>
      api.decision.decide.mutate({
        siteId: props.application.siteId,
        organisationId: props.application.organisationId,
        applicationId: props.application.applicationId,
        version: props.application.version,
        outcome: chosen,
        rationale: rationale(),
        conditions: chosen === "walking-through" ? filledConditions() : [],
        whatWouldChange: chosen === "not-yet" ? whatWouldChange() : undefined,
      }),
    onSuccess: async (_decision, chosen) => {
      await props.onDecided(chosen);
      close();
    },
    onError: async (error) => {
      setStep("write");
      if (errorCode(error) === "CONFLICT") await props.onConflict();
    },
  }));

  function close() {
    decide.reset();
    setOutcome(null);
    setRationale("");
    setConditions([""]);
    setWhatWouldChange("");
    setProblems(null);
    setStep("write");
    props.onClose();
  }

  /** The problems with the decision as written, keyed by field, each linked to its control. */
  const found = createMemo(() => {
    const errors: Record<string, Problem> = {};
    const chosen = outcome();
    if (!chosen) errors.outcome = { message: "Choose the panel's decision.", targetId: ids.outcome };
    if (rationale().trim().length < limits.rationale[0]) {
      errors.rationale = {
        message: `Write the reasons for the decision in at least ${limits.rationale[0]} characters.`,
        targetId: ids.rationale,
      };
    }
    if (chosen === "walking-through") {
      const short = conditions().findIndex((text) => text.trim() && text.trim().length < limits.condition[0]);
      if (filledConditions().length === 0) {
        errors.conditions = {
          message: "List at least one condition the provider needs to meet.",
          targetId: conditionId(0),
        };
      } else if (short >= 0) {
        errors.conditions = {
          message: `Write each condition in at least ${limits.condition[0]} characters.`,
          targetId: conditionId(short),
        };
      }
    }
    if (chosen === "not-yet" && whatWouldChange().trim().length < limits.whatWouldChange[0]) {
      errors.whatWouldChange = {
        message: "Say what would change the answer, so the provider knows what to work on.",
        targetId: ids.whatWouldChange,
      };
    }
    return errors;
  });

  /** A field's problem: found here once the lead tried to go on, or refused by the server. */
  function errorFor(field: keyof typeof ids): string | undefined {
    if (problems()) return found()[field]?.message;
    const server = fieldErrors(decide.error);
    return server[field] ?? Object.entries(server).find(([name]) => name.startsWith(`${field}.`))?.[1];
  }

  function goOn() {
    decide.reset();
    const list = Object.values(found());
    if (list.length > 0) {
      setProblems(list);
      return;
    }
    setProblems(null);
    setStep("check");
    focusWhenShown(checkHeadingId);
  }

  /** Back to the form, on the decision chosen: the check step and its buttons have gone. */
  function backToWriting() {
    setStep("write");
    const chosen = outcome();
    focusWhenShown(chosen && chosen !== offered()[0] ? `${ids.outcome}-${chosen}` : ids.outcome);
  }

  function removeCondition(index: number) {
    setConditions((before) => before.filter((_, at) => at !== index));
    // The row has gone: carry on from the row before it, or the first.
    focusWhenShown(conditionId(Math.max(0, index - 1)));
  }

  function addCondition() {
    setConditions((before) => [...before, ""]);
    focusWhenShown(conditionId(conditions().length - 1));
  }

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && close()}
      title="Record the decision"
      description={
        <>
          On <bdi>{props.organisationName}</bdi>'s application. We email the provider as soon as it is sent, and they
          read it as a letter in plain words and easy read.
        </>
      }
      returnFocusTo={props.returnFocusTo}
    >
      <Show
        when={step() === "check"}
        fallback={
          <form
            class="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              goOn();
            }}
          >
            <ProblemSummary problems={problems()} />
            <ErrorSummary error={problems() ? null : decide.error} fields={ids} />
            <fieldset class="field" aria-describedby={errorFor("outcome") ? `${ids.outcome}-error` : undefined}>
              <legend class="field-label">The panel's decision</legend>
              <Show when={props.application.cqcStatus === "registered"}>
                <span class="field-hint">
                  Approval to walk through is for providers not yet registered with the Care Quality Commission. This
                  one is registered, so it is not offered.
                </span>
              </Show>
              <Show when={errorFor("outcome")}>
                <p id={`${ids.outcome}-error`} class="field-error">
                  {errorFor("outcome")}
                </p>
              </Show>
              <div class="radios">
                <For each={offered()}>
                  {(choice, index) => (
                    <label class="radio">
                      <input
                        id={index() === 0 ? ids.outcome : `${ids.outcome}-${choice}`}
                        type="radio"
                        name="decision-outcome"
                        value={choice}
                        checked={outcome() === choice}
                        onChange={() => setOutcome(choice)}
                      />
                      <span>
                        <span class="radio-label">{outcomeLabels[choice]}</span>
                        <span class="field-hint">{outcomeHints[choice]}</span>
                      </span>
                    </label>
                  )}
                </For>
              </div>
            </fieldset>
            <TextField
              id={ids.rationale}
              label="The reasons for the decision"
              name="rationale"
              value={rationale()}
              onChange={setRationale}
              hint="The provider reads these in their letter. Write to them, in plain words."
              maxLength={limits.rationale[1]}
              error={errorFor("rationale")}
              multiline
              required
            />
            <Switch>
              <Match when={outcome() === "walking-through"}>
                <fieldset
                  class="field decision-conditions-field"
                  aria-describedby={errorFor("conditions") ? "decision-conditions-error" : "decision-conditions-hint"}
                >
                  <legend class="field-label">Conditions to meet</legend>
                  <span id="decision-conditions-hint" class="field-hint">
                    What the provider needs to do while they walk through with you, one condition in each box. They
                    become goals in the development plan.
                  </span>
                  <Show when={errorFor("conditions")}>
                    <p id="decision-conditions-error" class="field-error">
                      {errorFor("conditions")}
                    </p>
                  </Show>
                  <ol class="decision-condition-rows">
                    <Index each={conditions()}>
                      {(text, index) => (
                        <li class="decision-condition-row">
                          <TextField
                            id={conditionId(index)}
                            label={`Condition ${index + 1}`}
                            name={`condition-${index}`}
                            value={text()}
                            onChange={(value) =>
                              setConditions((before) => before.map((old, at) => (at === index ? value : old)))
                            }
                            maxLength={limits.condition[1]}
                          />
                          <Show when={conditions().length > 1}>
                            <button
                              type="button"
                              class="button button-danger-quiet button-small"
                              aria-label={`Remove condition ${index + 1}`}
                              onClick={() => removeCondition(index)}
                            >
                              Remove
                            </button>
                          </Show>
                        </li>
                      )}
                    </Index>
                  </ol>
                  <Show when={conditions().length < limits.conditions}>
                    <div>
                      <button type="button" class="button button-secondary button-small" onClick={addCondition}>
                        Add a condition
                      </button>
                    </div>
                  </Show>
                </fieldset>
              </Match>
              <Match when={outcome() === "not-yet"}>
                <TextField
                  id={ids.whatWouldChange}
                  label="What would change the answer"
                  name="whatWouldChange"
                  value={whatWouldChange()}
                  onChange={setWhatWouldChange}
                  hint="What the provider could work on before they apply again."
                  maxLength={limits.whatWouldChange[1]}
                  error={errorFor("whatWouldChange")}
                  multiline
                  required
                />
              </Match>
            </Switch>
            <div class="form-actions">
              <button type="submit" class="button">
                Check the decision
              </button>
              <button type="button" class="button button-secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        }
      >
        <div class="decision-check">
          <h3 id={checkHeadingId} tabindex="-1" class="panel-focus-heading">
            Check the decision before you send it
          </h3>
          <p class="notice notice-info">
            <strong>It cannot be undone.</strong> Once it is sent the provider is told at once, and the decision cannot
            be changed.
          </p>
          <dl class="review-list">
            <div class="review-fact">
              <dt>Decision</dt>
              <dd>
                <strong>{outcomeLabels[outcome() as Outcome]}</strong>
              </dd>
            </div>
            <div class="review-fact">
              <dt>Reasons</dt>
              <dd class="review-text">{rationale().trim()}</dd>
            </div>
            <Show when={outcome() === "walking-through"}>
              <div class="review-fact">
                <dt>Conditions to meet</dt>
                <dd>
                  <ul class="decision-conditions">
                    <For each={filledConditions()}>{(text) => <li class="review-text">{text}</li>}</For>
                  </ul>
                </dd>
              </div>
            </Show>
            <Show when={outcome() === "not-yet"}>
              <div class="review-fact">
                <dt>What would change the answer</dt>
                <dd class="review-text">{whatWouldChange().trim()}</dd>
              </div>
            </Show>
          </dl>
          <div class="form-actions">
            <button
              type="button"
              class="button"
              disabled={decide.isPending}
              onClick={() => {
                const chosen = outcome();
                if (chosen) decide.mutate(chosen);
              }}
            >
              {decide.isPending ? "Sending…" : "Send the decision"}
            </button>
            <button type="button" class="button button-secondary" onClick={backToWriting}>
              Go back and change it
            </button>
          </div>
        </div>
      </Show>
    </Modal>
  );
}
