import { Show } from "solid-js";

/** "Show more" for a list that loads a page at a time. */
export function LoadMore(props: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
}) {
  return (
    <Show when={props.query.hasNextPage}>
      <button
        type="button"
        class="button button-secondary"
        disabled={props.query.isFetchingNextPage}
        onClick={() => props.query.fetchNextPage()}
      >
        {props.query.isFetchingNextPage ? "Loading…" : props.label}
      </button>
    </Show>
  );
}
