import { A } from "@solidjs/router";
import { createEffect, createMemo, createUniqueId, For, on, Show } from "solid-js";
import { errorMessage, fieldErrors } from "../api/client";

/**
 * The summary of a failed save. Field problems also show beside their fields; a problem with no
 * field (someone else changed the record first) shows only here.
 *
 * `fields` maps the API's field names to the ids of their inputs, in the order the form shows
 * them: `{ name: "invite-name", email: "invite-email" }`.
 */
export function ErrorSummary(props: { error: unknown; fields: Record<string, string> }) {
  // A new list for every failed try, so a second failure is read out again.
  const problems = createMemo((): Problem[] | null => {
    if (!props.error) return null;
    const byField = fieldErrors(props.error);
    const linked = Object.entries(props.fields).flatMap(([field, targetId]) => {
      const message = byField[field];
      return message ? [{ message, targetId }] : [];
    });
    const unlinked = Object.entries(byField)
      .filter(([field]) => !(field in props.fields))
      .map(([, message]) => ({ message }));
    const all = [...linked, ...unlinked];
    return all.length ? all : [{ message: errorMessage(props.error) }];
  });
  return <ProblemSummary problems={problems()} />;
}

/**
 * Moves focus to an element as soon as it is on screen: a field on another page of a long form
 * appears only once the switch to that page has drawn.
 */
export function focusWhenShown(id: string, framesLeft = 30) {
  const element = document.getElementById(id);
  if (element) element.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusWhenShown(id, framesLeft - 1));
}

/** One problem: where it is (a field on another page, or a page to go to), if anywhere. */
export interface Problem {
  message: string;
  /** The field's id: the link moves focus there. */
  targetId?: string;
  /** Runs first, to show the field (switching to its page of a long form). */
  reveal?: () => void;
  /** A page elsewhere that solves it (signing in, say). */
  href?: string;
  linkText?: string;
}

/**
 * "There is a problem" at the top of a form (the GOV.UK error summary), for any list of problems:
 * a tRPC error's (see ErrorSummary), one that is not a tRPC error (signing up), or one whose
 * fields may be on another page of a long form. It takes focus each time a new list arrives, so
 * every failed try is read out at once, and each problem with a field is a link that moves focus
 * to it.
 */
export function ProblemSummary(props: { problems: Problem[] | null }) {
  const headingId = createUniqueId();
  let summary: HTMLDivElement | undefined;
  createEffect(
    on(
      () => props.problems,
      (problems) => problems?.length && summary?.focus(),
    ),
  );
  return (
    <Show when={props.problems?.length}>
      {/* biome-ignore lint/a11y/useSemanticElements: a named group of links, not a set of form controls. */}
      <div ref={summary} class="error-summary" role="group" tabindex="-1" aria-labelledby={headingId}>
        <h2 id={headingId} class="error-summary-title">
          There is a problem
        </h2>
        <ul class="error-summary-list">
          <For each={props.problems}>
            {(problem) => (
              <li>
                <Show
                  when={problem.targetId}
                  fallback={
                    <>
                      {problem.message}
                      <Show when={problem.href}>
                        {(href) => (
                          <>
                            {" "}
                            <A href={href()}>{problem.linkText}</A>
                          </>
                        )}
                      </Show>
                    </>
                  }
                >
                  {(targetId) => (
                    <a
                      href={`#${targetId()}`}
                      onClick={(event) => {
                        // Focus, not the browser's jump: the field is ready to answer, the address stays.
                        event.preventDefault();
                        problem.reveal?.();
                        focusWhenShown(targetId());
                      }}
                    >
                      {problem.message}
                    </a>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
