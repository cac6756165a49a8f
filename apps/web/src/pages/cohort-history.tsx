import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Match, Switch } from "solid-js";
import { queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { attendanceText } from "./cohort-directory";
import { sessionDay } from "./session-labels";

/**
 * What an organisation's people booked and whether they came, newest first, with its attendance
 * rate. Updated from each booking's own answer (see recordOwnPlace), not only from its index.
 */
export function CohortHistory(props: { siteId: string; organisationId: string }) {
  const history = useQuery(() => queries.organisationSessions(props.siteId, props.organisationId));
  const recorded = () => {
    const places = (history.data ?? []).filter((entry) => entry.status === "booked" && entry.attended !== null);
    return {
      attended: places.filter((entry) => entry.attended).length,
      missed: places.filter((entry) => !entry.attended).length,
    };
  };
  const state = (entry: NonNullable<typeof history.data>[number]) => {
    if (entry.session.status === "cancelled") return "Cancelled";
    if (entry.status === "waiting") return "On the waiting list";
    if (entry.attended === true) return "Came";
    if (entry.attended === false) return "Did not come";
    return entry.session.started ? "Booked" : "Booked, coming up";
  };
  return (
    <Switch>
      <Match when={history.isPending}>
        <Loading label="Loading your organisation's sessions…" />
      </Match>
      <Match when={history.isError}>
        <ErrorNotice error={history.error} retry={() => history.refetch()} />
      </Match>
      <Match when={history.data?.length === 0}>
        <EmptyState title="No sessions booked yet">
          <p>When you or your colleagues book a session, it shows here with whether you came.</p>
        </EmptyState>
      </Match>
      <Match when={history.data}>
        {(entries) => (
          <>
            <p class="muted">{attendanceText(recorded())}.</p>
            <ul class="history-list">
              <For each={entries()}>
                {(entry) => (
                  <li>
                    <A
                      href={
                        // A national event's session lives in the national partition, reached through this site.
                        entry.session.siteId === props.siteId
                          ? `/sites/${props.siteId}/cohort/sessions/${entry.session.sessionId}`
                          : `/sites/${props.siteId}/cohort/national/${entry.session.sessionId}`
                      }
                    >
                      {entry.session.title}
                    </A>
                    <span class="muted">
                      {" "}
                      · {sessionDay(entry.session)} · <bdi>{entry.name}</bdi> ·{" "}
                    </span>
                    <strong>{state(entry)}</strong>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Match>
    </Switch>
  );
}
