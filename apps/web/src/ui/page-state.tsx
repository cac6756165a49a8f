import { A } from "@solidjs/router";
import { type JSX, Show } from "solid-js";
import { errorCode, errorMessage, retryCanHelp } from "../api/client";

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? "Loading…"}
    </p>
  );
}

/** A heading (and page title) for a page that could not load, saying what kind of problem it is. */
export function problemTitle(error: unknown): string {
  switch (errorCode(error)) {
    case "NOT_FOUND":
      return "Not found";
    case "FORBIDDEN":
      return "You cannot open this page";
    default:
      return "Sorry, there is a problem";
  }
}

/**
 * Why something could not load, with a way on: "Try again" only when trying again can help (a
 * dropped connection, a fault on our side); otherwise a link to the person's own sites, since
 * asking again would give the same answer.
 */
export function ErrorNotice(props: { error: unknown; retry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{errorMessage(props.error)}</p>
      <Show
        when={props.retry && retryCanHelp(props.error)}
        fallback={
          <A class="button button-secondary" href="/">
            Go to my sites
          </A>
        }
      >
        <button type="button" class="button button-secondary" onClick={() => props.retry?.()}>
          Try again
        </button>
      </Show>
    </div>
  );
}

export function EmptyState(props: { title: string; children?: JSX.Element }) {
  return (
    <div class="empty">
      <p class="empty-title">{props.title}</p>
      {props.children}
    </div>
  );
}
