import { useQuery } from "@tanstack/solid-query";
import { For, Match, Switch } from "solid-js";
import { queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { PairCard } from "./mentoring-list";
import "../styles/cohort.css";

/**
 * A national mentor's pairings in every site, on their home page: they belong to no site, so
 * this is their way to each pairing's page.
 */
export function MyMentoring() {
  const mine = useQuery(() => queries.myMentoring());
  return (
    <section aria-labelledby="my-mentoring-heading">
      <h2 id="my-mentoring-heading">Your mentoring</h2>
      <Switch>
        <Match when={mine.isPending}>
          <Loading label="Loading your mentoring…" />
        </Match>
        <Match when={mine.isError}>
          <ErrorNotice error={mine.error} retry={() => mine.refetch()} />
        </Match>
        <Match when={mine.data?.length === 0}>
          <EmptyState title="No one to mentor yet">
            <p>
              You are a national mentor. When a site's team pairs a provider with you, the pairing shows here and you
              can log your meetings.
            </p>
          </EmptyState>
        </Match>
        <Match when={mine.data}>
          {(list) => (
            <ul class="pair-list">
              <For each={list()}>
                {({ pair, siteName }) => (
                  <PairCard pair={pair} href={`/mentoring/${pair.siteId}/${pair.pairId}`}>
                    {siteName}
                  </PairCard>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}
