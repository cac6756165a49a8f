import type { RouterOutputs } from "@smallsupports/api";
import { formatMinutes, timeActivityLabels } from "@smallsupports/core/expert-time-shape";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, Match, on, Switch } from "solid-js";
import { Dynamic } from "solid-js/web";
import { api, errorCode, errorMessage } from "../api/client";
import { afterTimeChange, queries } from "../api/queries";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { LiveStatus } from "../ui/live-status";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { dayWords, monthWords } from "./time-month";

type TimeEntry = RouterOutputs["time"]["mine"]["entries"][number];

/** "2 hours of panel meeting on Tuesday 3 November": one entry in words, to name it when removing it. */
const entryWords = (entry: TimeEntry) =>
  `${formatMinutes(entry.minutes)} of ${timeActivityLabels[entry.activity].toLowerCase()} on ${dayWords(entry.date)}`;

/** The signed-in person's own time in a month, with its total; each entry can be taken back. */
export function MyTime(props: { siteId: string; month: string; level: 2 | 3 }) {
  const queryClient = useQueryClient();
  const mine = useQuery(() => queries.myTime(props.siteId, props.month));
  const [removing, setRemoving] = createSignal<TimeEntry | null>(null);
  const [done, setDone] = createSignal("");
  let heading: HTMLHeadingElement | undefined;
  // What was removed belongs to the month it was said in.
  createEffect(
    on(
      () => props.month,
      () => setDone(""),
      { defer: true },
    ),
  );

  const remove = createMutation(() => ({
    mutationFn: (entry: TimeEntry) =>
      api.time.remove.mutate({
        siteId: props.siteId,
        date: entry.date,
        entryId: entry.entryId,
        version: entry.version,
      }),
    onMutate: () => setDone(""),
    onSuccess: async (month, entry) => {
      queryClient.setQueryData(queries.myTime(props.siteId, month.month).queryKey, month);
      setDone(`Removed ${entryWords(entry)}.`);
      close();
      await afterTimeChange(queryClient, props.siteId);
    },
    onError: async (error, entry) => {
      const code = errorCode(error);
      if (code !== "CONFLICT" && code !== "NOT_FOUND") return;
      await afterTimeChange(queryClient, props.siteId);
      const latest = queryClient
        .getQueryData(queries.myTime(props.siteId, props.month).queryKey)
        ?.entries.find((candidate) => candidate.entryId === entry.entryId);
      if (latest) {
        // Trying again now names the entry as it is saved.
        setRemoving(latest);
        return;
      }
      // Already gone: nothing is left to confirm, so say so beside the list instead.
      setDone(errorMessage(error));
      close();
    },
  }));

  function close() {
    remove.reset();
    setRemoving(null);
  }

  return (
    <section class="time-mine" aria-labelledby="time-mine-heading">
      <Dynamic component={`h${props.level}`} id="time-mine-heading" ref={heading} tabindex="-1">
        Your time in {monthWords(props.month)}
      </Dynamic>
      <LiveStatus message={done()} class="notice notice-success time-done" />
      <Switch>
        <Match when={mine.isPending}>
          <Loading label="Loading your time…" />
        </Match>
        <Match when={mine.isError}>
          <ErrorNotice error={mine.error} retry={() => mine.refetch()} />
        </Match>
        <Match when={mine.data?.entries.length === 0}>
          <EmptyState title={`You have not recorded any time in ${monthWords(props.month)} yet.`} />
        </Match>
        <Match when={mine.data}>
          {(data) => (
            <>
              <p class="time-total">
                Total: <strong>{formatMinutes(data().minutes)}</strong>
              </p>
              <div class="table-wrap">
                <table class="table responsive-table time-table" aria-labelledby="time-mine-heading">
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col">What it was for</th>
                      <th scope="col">How long</th>
                      <th scope="col">
                        <span class="visually-hidden">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().entries}>
                      {(entry) => (
                        <tr>
                          <th scope="row">
                            <time datetime={entry.date}>{dayWords(entry.date)}</time>
                          </th>
                          <td data-label="What it was for">{timeActivityLabels[entry.activity]}</td>
                          <td data-label="How long">{formatMinutes(entry.minutes)}</td>
                          <td class="time-actions">
                            <button
                              id={`remove-time-${entry.entryId}`}
                              type="button"
                              class="button button-danger-quiet button-small"
                              aria-label={`Remove ${entryWords(entry)}`}
                              onClick={() => setRemoving(entry)}
                            >
                              Remove
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Match>
      </Switch>
      <ConfirmDialog
        open={removing() !== null}
        title="Remove this time?"
        confirmLabel="Remove"
        busyLabel="Removing…"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          const entry = removing();
          if (entry) remove.mutate(entry);
        }}
        onCancel={close}
        returnFocusTo={() => heading}
      >
        {removing() ? `${entryWords(removing() as TimeEntry)} will be taken off your time.` : ""} You can record it
        again if you need to.
      </ConfirmDialog>
    </section>
  );
}
