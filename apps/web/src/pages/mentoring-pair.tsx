import type { RouterOutputs } from "@smallsupports/api";
import { pairStateLabels } from "@smallsupports/core/cohort-shape";
import { formatMinutes } from "@smallsupports/core/expert-time-shape";
import { may } from "@smallsupports/core/permissions";
import { A, useParams, useSearchParams } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { api, errorCode, fieldErrors } from "../api/client";
import { formatDate } from "../api/labels";
import { afterPairingChange, queries } from "../api/queries";
import { ErrorSummary } from "../ui/error-summary";
import { describedByError, FieldFrame } from "../ui/field-frame";
import { EmptyState, ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { ReasonDialog } from "../ui/reason-dialog";
import { TextField } from "../ui/text-field";
import { lastMetText } from "./mentoring-list";
import { useDetailTitle, useSiteView } from "./site-context";
import "../styles/cohort.css";

type Pairing = RouterOutputs["mentoring"]["get"];

const dayText = (day: string) => formatDate(`${day}T12:00:00Z`);

/**
 * One mentoring pairing: who, what they work on, how it is going, and its meetings with their
 * notes, which only the pair and the site team read. The pair or the team logs a meeting; the
 * team ends the pairing with a reason.
 */
export default function MentoringPairPage() {
  const params = useParams<{ siteId: string; pairId: string }>();
  const site = useSiteView();
  const queryClient = useQueryClient();
  const [title, setTitle] = createSignal<string | null>(null);
  useDetailTitle(title);
  return (
    <PairingPage
      query={queries.mentoringPair(params.siteId, params.pairId)}
      back={{ href: `/sites/${params.siteId}/cohort`, label: "Back to the cohort" }}
      isTeam={may(site.myRole, "runCohort")}
      logMeeting={(input) => api.mentoring.logMeeting.mutate(input)}
      afterLogged={(pairing) => afterPairingChange(queryClient, params.siteId, pairing)}
      onTitle={setTitle}
    />
  );
}

/**
 * A pairing's page wherever it is read from: inside its site (the team and the pair's provider
 * people) or by a national mentor, who belongs to no site.
 */
export function PairingPage(props: {
  query: ReturnType<typeof queries.mentoringPair>;
  siteName?: string;
  back: { href: string; label: string };
  isTeam: boolean;
  logMeeting: LogMeetingCall;
  afterLogged: (pairing: Pairing) => void;
  onTitle: (title: string) => void;
}) {
  const found = useQuery(() => props.query);
  createEffect(() => {
    const pair = found.data?.pair;
    if (pair) props.onTitle(`${pair.menteeName} with ${pair.mentorName}`);
    else if (found.isError)
      props.onTitle(errorCode(found.error) === "NOT_FOUND" ? "Pairing not found" : problemTitle(found.error));
  });
  return (
    <div class="session-page">
      <A class="back-link" href={props.back.href}>
        <span aria-hidden="true">←</span> {props.back.label}
      </A>
      <Switch>
        <Match when={found.isPending}>
          <Loading label="Loading the pairing…" />
        </Match>
        <Match when={found.isError}>
          <h2>{errorCode(found.error) === "NOT_FOUND" ? "Pairing not found" : problemTitle(found.error)}</h2>
          <ErrorNotice error={found.error} retry={() => found.refetch()} />
        </Match>
        <Match when={found.data}>
          {(data) => (
            <PairView
              siteId={data().pair.siteId}
              siteName={props.siteName}
              pairing={data()}
              isTeam={props.isTeam}
              logMeeting={props.logMeeting}
              afterLogged={props.afterLogged}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

type LogMeetingCall = (input: {
  siteId: string;
  pairId: string;
  date: string;
  minutes: number;
  notes: string;
}) => Promise<Pairing>;

function PairView(props: {
  siteId: string;
  /** The site's name, for someone who reads the pairing from outside it (a national mentor). */
  siteName?: string;
  pairing: Pairing;
  isTeam: boolean;
  logMeeting: LogMeetingCall;
  afterLogged: (pairing: Pairing) => void;
}) {
  const queryClient = useQueryClient();
  const pair = () => props.pairing.pair;
  const [search, setSearch] = useSearchParams<{ paired?: string }>();
  const [notice, setNotice] = createSignal<string | null>(
    search.paired
      ? "They are paired. The mentor and the provider's people can now see this page and log meetings."
      : null,
  );
  createEffect(
    on(
      () => search.paired,
      (paired) => paired && setSearch({ paired: undefined }, { replace: true }),
    ),
  );
  const [ending, setEnding] = createSignal(false);
  const end = createMutation(() => ({
    mutationFn: (reason: string) =>
      api.mentoring.end.mutate({ siteId: props.siteId, pairId: pair().pairId, version: pair().version, reason }),
    onSuccess: (pairing) => {
      afterPairingChange(queryClient, props.siteId, pairing);
      setNotice("The pairing has ended.");
      closeEnd();
    },
  }));
  function closeEnd() {
    end.reset();
    setEnding(false);
  }

  return (
    <>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <div class="session-heading">
        <div>
          <p class="session-kind">Mentoring</p>
          <h2 class="session-page-title">
            <bdi>{pair().menteeName}</bdi> with <bdi>{pair().mentorName}</bdi>
          </h2>
        </div>
        <span class={`badge badge-large pair-state pair-${pair().state ?? "ended"}`}>
          {pair().state ? pairStateLabels[pair().state ?? "on-track"] : "Ended"}
        </span>
      </div>
      <Show when={pair().state === "needs-check-in"}>
        <div class="notice notice-info">
          <p>
            {pair().lastMeetingOn
              ? "The pair has not logged a meeting for six weeks. A check-in from the site team may help."
              : "The pair has not met in the three weeks since they were paired. A check-in from the site team may help."}
          </p>
        </div>
      </Show>
      <Show when={pair().status === "ended"}>
        <div class="notice notice-info">
          <p>
            This pairing ended on {dayText(pair().endedOn ?? pair().startedOn)}. {pair().endReason}
          </p>
        </div>
      </Show>
      <dl class="session-facts">
        <Show when={props.siteName}>
          <div>
            <dt>Site</dt>
            <dd>{props.siteName}</dd>
          </div>
        </Show>
        <div>
          <dt>Provider</dt>
          <dd>
            <bdi>{pair().menteeName}</bdi>
          </dd>
        </div>
        <div>
          <dt>Mentor</dt>
          <dd>
            <bdi>{pair().mentorName}</bdi>, <bdi>{pair().mentorOrganisationName}</bdi>
          </dd>
        </div>
        <div>
          <dt>Working on</dt>
          <dd class="session-description">{pair().goals}</dd>
        </div>
        <div>
          <dt>Since</dt>
          <dd>{dayText(pair().startedOn)}</dd>
        </div>
        <div>
          <dt>Meetings</dt>
          <dd>{lastMetText(pair())}</dd>
        </div>
      </dl>
      <Show when={props.isTeam && pair().status === "active"}>
        <div class="session-actions">
          <button type="button" class="button button-danger-quiet" onClick={() => setEnding(true)}>
            End this pairing
          </button>
        </div>
      </Show>
      <Show when={pair().status === "active"}>
        <LogMeeting
          siteId={props.siteId}
          pairing={props.pairing}
          log={props.logMeeting}
          afterLogged={props.afterLogged}
          onLogged={setNotice}
        />
      </Show>
      <section aria-labelledby="meetings-heading">
        <h3 id="meetings-heading">Meetings</h3>
        <p class="muted">Only the pair and the site team can read these notes.</p>
        <Show
          when={props.pairing.meetings.length > 0}
          fallback={
            <EmptyState title="No meetings logged yet">
              <p>When the pair meets, either of them can log it here.</p>
            </EmptyState>
          }
        >
          <ul class="history-list">
            <For each={props.pairing.meetings}>
              {(meeting) => (
                <li>
                  <strong>{dayText(meeting.date)}</strong>
                  <span class="muted">
                    {" "}
                    · {formatMinutes(meeting.minutes)} · logged by <bdi>{meeting.loggedByName}</bdi>
                  </span>
                  <Show when={meeting.notes}>
                    <p class="session-description">{meeting.notes}</p>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <ReasonDialog
        open={ending()}
        title="End this pairing?"
        description="The pair can still read their meetings, but no more can be logged."
        reasonLabel="Why it is ending"
        reasonHint="Only the site team sees this."
        confirmLabel="End the pairing"
        busyLabel="Ending…"
        busy={end.isPending}
        error={end.error}
        onConfirm={(reason) => end.mutate(reason)}
        onCancel={closeEnd}
      />
    </>
  );
}

const todayInUk = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
const fieldIds = { date: "meeting-date", minutes: "meeting-minutes", notes: "meeting-notes" };

/** Logging a meeting: the day (today unless changed), how long, and notes for the pair and the team. */
function LogMeeting(props: {
  siteId: string;
  pairing: Pairing;
  log: LogMeetingCall;
  afterLogged: (pairing: Pairing) => void;
  onLogged: (message: string) => void;
}) {
  const [date, setDate] = createSignal(todayInUk());
  const [minutes, setMinutes] = createSignal("60");
  const [notes, setNotes] = createSignal("");
  const log = createMutation(() => ({
    mutationFn: () =>
      props.log({
        siteId: props.siteId,
        pairId: props.pairing.pair.pairId,
        date: date(),
        minutes: Number(minutes() || Number.NaN),
        notes: notes(),
      }),
    onSuccess: (pairing) => {
      props.afterLogged(pairing);
      setNotes("");
      props.onLogged(`The meeting on ${dayText(date())} is logged.`);
    },
  }));
  const errors = () => fieldErrors(log.error);
  return (
    <form
      class="form card cohort-contact"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!log.isPending) log.mutate();
      }}
    >
      <h3>Log a meeting</h3>
      <ErrorSummary error={log.error} fields={fieldIds} />
      <div class="session-time-fields">
        <FieldFrame id={fieldIds.date} label="Day you met" error={errors().date}>
          <input
            id={fieldIds.date}
            class="input input-date"
            type="date"
            value={date()}
            onInput={(event) => setDate(event.currentTarget.value)}
            {...describedByError(fieldIds.date, errors().date)}
          />
        </FieldFrame>
        <TextField
          id={fieldIds.minutes}
          name="minutes"
          label="How long, in minutes"
          numeric
          value={minutes()}
          onChange={(value) => setMinutes(value.replace(/\D/g, ""))}
          error={errors().minutes}
        />
      </div>
      <TextField
        id={fieldIds.notes}
        name="notes"
        label="Notes (optional)"
        hint="What you talked about and what happens next. Only the pair and the site team read them."
        maxLength={3000}
        multiline
        value={notes()}
        onChange={setNotes}
        error={errors().notes}
      />
      <div class="form-actions">
        {/* Not disabled while logging: a disabled button loses focus, and the keyboard user with it. */}
        <button type="submit" class="button" aria-disabled={log.isPending}>
          {log.isPending ? "Logging…" : "Log meeting"}
        </button>
      </div>
    </form>
  );
}
