import { useInfiniteQuery } from "@tanstack/solid-query";
import { For, Match, Switch } from "solid-js";
import { formatDateTime } from "../api/labels";
import { queries } from "../api/queries";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";

/** Who changed what in the site, newest first. */
export function Activity(props: { siteId: string }) {
  const activity = useInfiniteQuery(() => queries.activity(props.siteId));
  const events = () => activity.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <Switch>
        <Match when={activity.isPending}>
          <Loading label="Loading activity…" />
        </Match>
        <Match when={activity.isError}>
          <ErrorNotice error={activity.error} retry={() => activity.refetch()} />
        </Match>
        <Match when={events().length === 0}>
          <EmptyState title="Nothing has happened in this site yet." />
        </Match>
        <Match when={events().length > 0}>
          <ol class="activity-list">
            <For each={events()}>
              {(event) => (
                <li class="activity-item">
                  <p class="activity-summary">{event.summary}</p>
                  <p class="muted">
                    {event.actorName} · <time datetime={event.at}>{formatDateTime(event.at)}</time>
                  </p>
                </li>
              )}
            </For>
          </ol>
          <LoadMore query={activity} label="Show older activity" />
        </Match>
      </Switch>
    </section>
  );
}
