import type { RouterOutputs } from "@smallsupports/api";
import { formatMinutes, formatPounds, timeActivities, timeActivityLabels } from "@smallsupports/core/expert-time-shape";
import { createMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api/client";
import { roleLabels } from "../api/labels";
import { queries } from "../api/queries";
import { LiveStatus } from "../ui/live-status";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { saveFile } from "../ui/save-file";
import { monthWords } from "./time-month";

type PersonMonth = RouterOutputs["time"]["totals"]["people"][number];

/** A cell of time: nothing reads as "None" rather than "0 minutes", which is easy to misread in a row of figures. */
function Minutes(props: { minutes: number }) {
  return (
    <Show when={props.minutes > 0} fallback={<span class="muted">None</span>}>
      {formatMinutes(props.minutes)}
    </Show>
  );
}

/** What the site pays a person for the month: experts only, since the site's staff are salaried. */
function Pay(props: { person: PersonMonth }) {
  return (
    <Switch fallback={<span class="muted">Not paid here</span>}>
      <Match when={props.person.payPence !== null}>{formatPounds(props.person.payPence ?? 0)}</Match>
      <Match when={props.person.role === "lead" || props.person.role === "team"}>
        <span class="muted">Salaried</span>
      </Match>
    </Switch>
  );
}

/**
 * Everyone's time in a month, by what it was for, with what each expert by experience is owed
 * at the site's day rate. The lead downloads the experts' rows as a CSV file for payment.
 */
export function TimeTotals(props: { siteId: string; month: string; canPay: boolean }) {
  const totals = useQuery(() => queries.timeTotals(props.siteId, props.month));
  const [downloaded, setDownloaded] = createSignal("");
  const people = () => totals.data?.people ?? [];
  const experts = () => people().filter((person) => person.payPence !== null);
  const allMinutes = () => people().reduce((sum, person) => sum + person.minutes, 0);
  const allPay = () => experts().reduce((sum, person) => sum + (person.payPence ?? 0), 0);

  const download = createMutation(() => ({
    mutationFn: (month: string) => api.time.exportCsv.query({ siteId: props.siteId, month }),
    onMutate: () => setDownloaded(""),
    onSuccess: ({ filename, csv }) => {
      saveFile(filename, csv);
      setDownloaded(`Downloaded ${filename}.`);
    },
  }));

  return (
    <section class="time-totals" aria-labelledby="time-totals-heading">
      <div class="section-heading">
        <h3 id="time-totals-heading">Everyone's time in {monthWords(props.month)}</h3>
        <Show when={props.canPay && experts().length > 0}>
          <button
            type="button"
            class="button button-secondary"
            disabled={download.isPending}
            onClick={() => download.mutate(props.month)}
          >
            {download.isPending ? "Preparing the file…" : "Download CSV for payment"}
          </button>
        </Show>
      </div>
      <Show when={download.isError}>
        <div class="notice notice-error" role="alert">
          <p>We could not make the payment file. {errorMessage(download.error)}</p>
        </div>
      </Show>
      <LiveStatus message={downloaded()} class="notice notice-success time-done" />
      <Switch>
        <Match when={totals.isPending}>
          <Loading label="Loading everyone's time…" />
        </Match>
        <Match when={totals.isError}>
          <ErrorNotice error={totals.error} retry={() => totals.refetch()} />
        </Match>
        <Match when={people().length === 0}>
          <EmptyState title={`No time recorded in ${monthWords(props.month)} yet.`}>
            <p>When experts and the team record their time, it adds up here.</p>
          </EmptyState>
        </Match>
        <Match when={people().length > 0}>
          <div class="table-wrap">
            <table class="table responsive-table time-table time-totals-table" aria-labelledby="time-totals-heading">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <For each={timeActivities}>{(activity) => <th scope="col">{timeActivityLabels[activity]}</th>}</For>
                  <th scope="col">Total</th>
                  <th scope="col">Pay</th>
                </tr>
              </thead>
              <tbody>
                <For each={people()}>
                  {(person) => (
                    <tr>
                      <th scope="row">
                        <bdi>{person.name}</bdi>
                      </th>
                      <td data-label="Role">{person.role ? roleLabels[person.role] : "Former member"}</td>
                      <For each={timeActivities}>
                        {(activity) => (
                          <td data-label={timeActivityLabels[activity]}>
                            <Minutes minutes={person.byActivity[activity]} />
                          </td>
                        )}
                      </For>
                      <td data-label="Total" class="time-strong">
                        {formatMinutes(person.minutes)}
                      </td>
                      <td data-label="Pay" class="time-strong">
                        <Pay person={person} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2 + timeActivities.length}>
                    All together
                  </th>
                  <td data-label="Total" class="time-strong">
                    {formatMinutes(allMinutes())}
                  </td>
                  <td data-label="Pay to experts" class="time-strong">
                    {formatPounds(allPay())}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p class="muted time-note">
            Only experts by experience are paid from here, at the site's day rate. Project leads and site team members
            are salaried, so their time shows what they gave but is not paid again. Anyone who has since left the site
            shows as a former member and is not in the payment file.
          </p>
        </Match>
      </Switch>
    </section>
  );
}
