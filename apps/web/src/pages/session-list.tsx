import { A } from "@solidjs/router";
import { createInfiniteQuery } from "@tanstack/solid-query";
import { For, Match, Show, Switch } from "solid-js";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import type { SessionHost } from "./session-host";
import {
  myPlaceText,
  placesText,
  type Session,
  sessionDay,
  sessionHours,
  sessionKindLabels,
  sessionWhere,
} from "./session-labels";

/**
 * Sessions (a site's, or national events), upcoming (soonest first) or past (latest first), a
 * page at a time. Each says when, where, how full, and the viewer's own place; its title opens it.
 * `isTeam`: the viewer runs them, so is told what to schedule and what attendance is left to record.
 */
export function SessionList(props: { host: SessionHost; when: "upcoming" | "past"; isTeam: boolean }) {
  const sessions = createInfiniteQuery(() => props.host.list(props.when));
  const noun = () => (props.host.national ? "events" : "sessions");
  const items = () => sessions.data?.pages.flatMap((page) => page.items) ?? [];
  let list: HTMLUListElement | undefined;

  return (
    <Switch>
      <Match when={sessions.isPending}>
        <Loading label={props.when === "upcoming" ? `Loading upcoming ${noun()}…` : `Loading past ${noun()}…`} />
      </Match>
      <Match when={sessions.isError && !sessions.data}>
        <ErrorNotice error={sessions.error} retry={() => sessions.refetch()} />
      </Match>
      <Match when={items().length === 0}>
        <EmptyState title={props.when === "upcoming" ? `No ${noun()} coming up` : `No past ${noun()} yet`}>
          <p>
            {props.when === "upcoming"
              ? props.isTeam
                ? "Schedule a networking meeting, a training session, a mentoring circle or peer support."
                : props.host.national
                  ? "National partnership staff have not scheduled any events yet. They will show here."
                  : "The site team has not scheduled any sessions yet. They will show here."
              : `${props.host.national ? "Events" : "Sessions"} move here once they have started.`}
          </p>
        </EmptyState>
      </Match>
      <Match when={items().length > 0}>
        <ul class="session-list" ref={list}>
          <For each={items()}>
            {(session) => (
              <SessionItem session={session} href={props.host.pathOf(session.sessionId)} isTeam={props.isTeam} />
            )}
          </For>
        </ul>
        <LoadMore query={sessions} label={`Show more ${noun()}`} list={() => list} />
      </Match>
    </Switch>
  );
}

function SessionItem(props: { session: Session; href: string; isTeam: boolean }) {
  const mine = () => myPlaceText(props.session);
  const cancelled = () => props.session.status === "cancelled";
  return (
    <li class="session-item" classList={{ "session-cancelled": cancelled() }} tabindex="-1">
      <div class="session-item-main">
        <p class="session-kind">{sessionKindLabels[props.session.kind]}</p>
        <h3 class="session-title">
          <A href={props.href}>{props.session.title}</A>
        </h3>
        <p class="session-when">
          <strong>{sessionDay(props.session)}</strong>, {sessionHours(props.session)}
        </p>
        <p class="session-where">{sessionWhere(props.session)}</p>
      </div>
      <div class="session-item-state">
        <p class="session-places">{placesText(props.session)}</p>
        <Show when={mine()}>
          <p class="badge session-mine">{mine()}</p>
        </Show>
        <Show when={props.isTeam && props.session.started && !cancelled()}>
          <p class={props.session.attendanceRecorded ? "muted" : "badge badge-waiting"}>
            {props.session.attendanceRecorded ? "Attendance recorded" : "Attendance to record"}
          </p>
        </Show>
      </div>
    </li>
  );
}
