import { useInfiniteQuery } from "@tanstack/solid-query";
import { For, Match, Switch } from "solid-js";
import { formatDateTime } from "../api/labels";
import { queries } from "../api/queries";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { useSiteView } from "./site-context";

/** The site's Activity tab: who changed what, newest first. */
export default function Activity() {
  const site = useSiteView();
  const activity = useInfiniteQuery(() => queries.activity(site.siteId));
  const events = () => activity.data?.pages.flatMap((page) => page.items) ?? [];
  let list: HTMLOListElement | undefined;

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <Switch>
        <Match when={activity.isPending}>
          <Loading label="Loading activity…" />
        </Match>
        <Match when={activity.isError && events().length === 0}>
          <ErrorNotice error={activity.error} retry={() => activity.refetch()} />
        </Match>
        <Match when={events().length === 0}>
          <EmptyState title="Nothing has happened in this site yet." />
        </Match>
        <Match when={events().length > 0}>
          <ol class="activity-list" ref={list}>
            <For each={events()}>
              {(event) => (
                <li class="activity-item" tabindex="-1">
                  <p class="activity-summary">{event.summary}</p>
                  <p class="muted">
                    <bdi>{event.actorName}</bdi> · <time datetime={event.at}>{formatDateTime(event.at)}</time>
                  </p>
                </li>
              )}
            </For>
          </ol>
          <LoadMore query={activity} label="Show older activity" list={() => list} />
        </Match>
      </Switch>
    </section>
  );
}
