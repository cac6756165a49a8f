import { createEffect, on, Show } from "solid-js";
import { errorMessage } from "../api/client";

/**
 * "Show more" for a list that loads a page at a time. Once the page has loaded, focus moves to
 * the first new item, so a keyboard or screen reader user carries on reading from there and is
 * not dropped when the button goes because there is nothing more. `list` is the element whose
 * children are the items (ul, ol or tbody); give each item `tabindex="-1"` so it can take focus.
 * New items are found by comparison, so a list sorted across pages works too.
 */
export function LoadMore(props: {
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError: boolean;
    error: unknown;
    fetchNextPage: () => unknown;
  };
  label: string;
  list: () => HTMLElement | undefined;
}) {
  let shownBefore: Set<Element> | null = null;

  function more() {
    shownBefore = new Set(props.list()?.children ?? []);
    props.query.fetchNextPage();
  }

  // An effect runs after the list has drawn the new page.
  createEffect(
    on(
      () => props.query.isFetchingNextPage,
      (fetching) => {
        if (fetching || !shownBefore) return;
        const before = shownBefore;
        shownBefore = null;
        const added = [...(props.list()?.children ?? [])].find((item) => !before.has(item));
        if (added instanceof HTMLElement) added.focus();
      },
      { defer: true },
    ),
  );

  return (
    <>
      <Show when={props.query.isFetchNextPageError}>
        <div class="notice notice-error" role="alert">
          <p>{errorMessage(props.query.error)}</p>
        </div>
      </Show>
      <Show when={props.query.hasNextPage}>
        <button type="button" class="button button-secondary" disabled={props.query.isFetchingNextPage} onClick={more}>
          {props.query.isFetchingNextPage ? "Loading…" : props.label}
        </button>
      </Show>
    </>
  );
}
