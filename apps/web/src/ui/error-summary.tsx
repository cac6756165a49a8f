import { createEffect, createUniqueId, For, on, Show } from "solid-js";
import { errorMessage, fieldErrors } from "../api/client";

/**
 * "There is a problem" at the top of a form whose save failed (the GOV.UK error summary). It
 * takes focus when it appears, so the problem is read out at once, and lists each problem as a
 * link that moves focus to its field. Field problems also show beside their fields; a problem
 * with no field (someone else changed the record first) shows only here.
 *
 * `fields` maps the API's field names to the ids of their inputs, in the order the form shows
 * them: `{ name: "invite-name", email: "invite-email" }`.
 */
export function ErrorSummary(props: { error: unknown; fields: Record<string, string> }) {
  const headingId = createUniqueId();
  let summary: HTMLDivElement | undefined;

  const problems = () => {
    const byField = fieldErrors(props.error);
    const linked = Object.entries(props.fields).flatMap(([field, inputId]) => {
      const message = byField[field];
      return message ? [{ message, inputId }] : [];
    });
    const unlinked = Object.entries(byField)
      .filter(([field]) => !(field in props.fields))
      .map(([, message]) => ({ message, inputId: undefined }));
    const problems = [...linked, ...unlinked];
    return problems.length ? problems : [{ message: errorMessage(props.error), inputId: undefined }];
  };

  // Every failed try is a new error, so a second failure is read out again.
  createEffect(
    on(
      () => props.error,
      (error) => error && summary?.focus(),
    ),
  );

  return (
    <Show when={props.error}>
      {/* biome-ignore lint/a11y/useSemanticElements: a named group of links, not a set of form controls. */}
      <div ref={summary} class="error-summary" role="group" tabindex="-1" aria-labelledby={headingId}>
        <h2 id={headingId} class="error-summary-title">
          There is a problem
        </h2>
        <ul class="error-summary-list">
          <For each={problems()}>
            {(problem) => (
              <li>
                <Show when={problem.inputId} fallback={problem.message}>
                  {(inputId) => (
                    <a
                      href={`#${inputId()}`}
                      onClick={(event) => {
                        // Focus, not the browser's jump to the fragment: the field is ready to type in
                        // and the address does not change.
                        event.preventDefault();
                        document.getElementById(inputId())?.focus();
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
