import type { RouterOutputs } from "@smallsupports/api";
import { pairStateLabels } from "@smallsupports/core/cohort-shape";
import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, type JSX, Match, Show, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";

export type Pairing = RouterOutputs["mentoring"]["list"][number];

/** "Last met 3 December 2026", or that the pair has not met yet. */
export const lastMetText = (pair: Pick<Pairing, "lastMeetingOn" | "meetings">) =>
  pair.lastMeetingOn
    ? `${pair.meetings === 1 ? "1 meeting" : `${pair.meetings} meetings`}, last on ${formatDate(`${pair.lastMeetingOn}T12:00:00Z`)}`
    : "Not met yet";

/**
 * Mentoring pairings, those that need a check-in first. The team sees every one and can pair an
 * organisation; a provider sees only the pairings they or their organisation are in.
 */
export function MentoringList(props: { siteId: string; isTeam: boolean }) {
  const pairs = useQuery(() => queries.mentoringPairs(props.siteId));
  const needing = () => (pairs.data ?? []).filter((pair) => pair.state === "needs-check-in").length;
  return (
    <Switch>
      <Match when={pairs.isPending}>
        <Loading label="Loading mentoring…" />
      </Match>
      <Match when={pairs.isError}>
        <ErrorNotice error={pairs.error} retry={() => pairs.refetch()} />
      </Match>
      <Match when={pairs.data?.length === 0}>
        <EmptyState title={props.isTeam ? "No mentoring pairs yet" : "You are not in a mentoring pair"}>
          <p>
            {props.isTeam
              ? "Pair an organisation of the cohort with a mentor from an established provider."
              : "The site team pairs providers with a mentor from an established provider. Ask them if you would like one."}
          </p>
        </EmptyState>
      </Match>
      <Match when={pairs.data}>
        {(list) => (
          <>
            <Show when={props.isTeam}>
              <p class={needing() ? "notice notice-info" : "muted"}>
                {needing() === 0
                  ? "No pair needs a check-in."
                  : needing() === 1
                    ? "1 pair needs a check-in: it is listed first."
                    : `${needing()} pairs need a check-in: they are listed first.`}
              </p>
            </Show>
            <ul class="pair-list">
              <For each={list()}>
                {(pair) => (
                  <PairCard pair={pair} href={`/sites/${props.siteId}/cohort/mentoring/${pair.pairId}`}>
                    Mentor: <bdi>{pair.mentorName}</bdi>, <bdi>{pair.mentorOrganisationName}</bdi>
                  </PairCard>
                )}
              </For>
            </ul>
          </>
        )}
      </Match>
    </Switch>
  );
}

/** One pairing in a list: the provider mentored (linking to the pairing), its state, `children`, and how long and how often. */
export function PairCard(props: { pair: Pairing; href: string; children: JSX.Element }) {
  return (
    <li class="card pair-item" classList={{ "pair-needs": props.pair.state === "needs-check-in" }}>
      <div class="cohort-member-heading">
        <h3>
          <A href={props.href}>
            <bdi>{props.pair.menteeName}</bdi>
            <span class="visually-hidden"> with {props.pair.mentorName}</span>
          </A>
        </h3>
        <span class={`badge pair-state pair-${props.pair.state ?? "ended"}`}>
          {props.pair.state ? pairStateLabels[props.pair.state] : "Ended"}
        </span>
      </div>
      <p>{props.children}</p>
      <p class="muted">
        Since {formatDate(`${props.pair.startedOn}T12:00:00Z`)} · {lastMetText(props.pair)}
      </p>
    </li>
  );
}
