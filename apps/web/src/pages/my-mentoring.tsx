import { pairStateLabels } from "@smallsupports/core/cohort-shape";
import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Match, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { lastMetText } from "./mentoring-list";
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
                  <li class="card pair-item" classList={{ "pair-needs": pair.state === "needs-check-in" }}>
                    <div class="cohort-member-heading">
                      <h3>
                        <A href={`/mentoring/${pair.siteId}/${pair.pairId}`}>
                          <bdi>{pair.menteeName}</bdi>
                        </A>
                      </h3>
                      <span class={`badge pair-state pair-${pair.state ?? "ended"}`}>
                        {pair.state ? pairStateLabels[pair.state] : "Ended"}
                      </span>
                    </div>
                    <p>{siteName}</p>
                    <p class="muted">
                      Since {formatDate(`${pair.startedOn}T12:00:00Z`)} · {lastMetText(pair)}
                    </p>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}
