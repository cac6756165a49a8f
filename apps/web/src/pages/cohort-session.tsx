import { may } from "@smallsupports/core/permissions";
import { A, useParams, useSearchParams } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { errorCode, errorMessage } from "../api/client";
import { queries, recordOwnPlace } from "../api/queries";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyState, ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { ReasonDialog } from "../ui/reason-dialog";
import { EasyReadToggle, easyReadPreferred, setEasyReadPreferred } from "./application-easy-read";
import { PlacesBySite } from "./places-by-site";
import { downloadCalendar } from "./session-calendar";
import { SessionDialog } from "./session-dialog";
import { type SessionHost, siteSessions } from "./session-host";
import {
  accessText,
  myPlaceText,
  type Place,
  placesText,
  type Session,
  sessionDay,
  sessionHours,
  sessionKindLabels,
  sessionWhere,
} from "./session-labels";
import { useDetailTitle, useSiteView } from "./site-context";
import "../styles/cohort.css";

/** One of a site's own sessions, inside the site's cohort. */
export default function CohortSessionPage() {
  const params = useParams<{ siteId: string; sessionId: string }>();
  const site = useSiteView();
  const [title, setTitle] = createSignal<string | null>(null);
  useDetailTitle(title);
  return (
    <SessionPage
      host={siteSessions(params.siteId)}
      sessionId={params.sessionId}
      organiser={site.siteName}
      mayRun={may(site.myRole, "runCohort")}
      mayBook={may(site.myRole, "joinSessions")}
      onTitle={setTitle}
    />
  );
}

/**
 * One session or national event. Everyone who may see it reads what it is, when and where (in UK
 * time), what the place offers and how full it is, and can add it to their calendar. A provider
 * in the cohort books a place or joins the waiting list, and gives it up; whoever runs it (the
 * site's team, or national staff for a national event) changes or cancels it with a reason, sees
 * who has a place and who is waiting, and records who came once it has started.
 */
export function SessionPage(props: {
  host: SessionHost;
  sessionId: string;
  /** Who runs it, for the calendar entry: the site, or the national partnership. */
  organiser: string;
  mayRun: boolean;
  mayBook: boolean;
  /** Told the session's title (or the problem) for the browser's title. */
  onTitle: (title: string) => void;
}) {
  const found = useQuery(() => props.host.one(props.sessionId));
  const noun = () => (props.host.national ? "event" : "session");
  createEffect(() => {
    if (found.data) props.onTitle(found.data.session.title);
    else if (found.isError)
      props.onTitle(
        errorCode(found.error) === "NOT_FOUND" ? `${capitalised(noun())} not found` : problemTitle(found.error),
      );
  });
  return (
    <div class="session-page">
      <A class="back-link" href={props.host.back.href}>
        <span aria-hidden="true">←</span> {props.host.back.label}
      </A>
      <Switch>
        <Match when={found.isPending}>
          <Loading label={`Loading the ${noun()}…`} />
        </Match>
        <Match when={found.isError}>
          <h2>
            {errorCode(found.error) === "NOT_FOUND" ? `${capitalised(noun())} not found` : problemTitle(found.error)}
          </h2>
          <ErrorNotice error={found.error} retry={() => found.refetch()} />
        </Match>
        <Match when={found.data}>
          {(data) => (
            <SessionView
              host={props.host}
              organiser={props.organiser}
              session={data().session}
              places={data().places}
              isTeam={props.mayRun}
              mayBook={props.mayBook}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function SessionView(props: {
  host: SessionHost;
  organiser: string;
  session: Session;
  places: Place[];
  isTeam: boolean;
  mayBook: boolean;
}) {
  const queryClient = useQueryClient();
  const me = useQuery(() => queries.me());
  const siteId = () => props.host.siteId ?? "";
  const myContact = useQuery(() => ({ ...queries.myCohortContact(siteId()), enabled: props.mayBook }));
  const [search, setSearch] = useSearchParams<{ scheduled?: string }>();
  const noun = () => (props.host.national ? "event" : "session");
  const [notice, setNotice] = createSignal<string | null>(
    search.scheduled
      ? props.host.national
        ? "The event is scheduled. Every site's cohort can now see it and book."
        : "The session is scheduled. Everyone in the cohort can now see it and book."
      : null,
  );
  const [editing, setEditing] = createSignal(false);
  const [cancelling, setCancelling] = createSignal(false);
  const [givingUp, setGivingUp] = createSignal(false);
  const [calendarProblem, setCalendarProblem] = createSignal<string | null>(null);
  createEffect(
    on(
      () => search.scheduled,
      (scheduled) => scheduled && setSearch({ scheduled: undefined }, { replace: true }),
    ),
  );

  const open = () => props.session.status === "scheduled" && !props.session.started;
  const full = () => props.session.booked >= props.session.capacity;
  const placeAction = () => {
    if (book.isPending) return "Booking…";
    const place = props.session.myPlace;
    if (place) return place.status === "waiting" ? "Leave the waiting list" : "Give up my place";
    return full() ? "Join the waiting list" : "Book a place";
  };
  const pageUrl = () => `${window.location.origin}${props.host.pathOf(props.session.sessionId)}`;

  /** The answer to a booking holds the caller's own place: show it now, and put it in their organisation's list. */
  function placeChanged(session: Session, message: string) {
    props.host.afterChange(queryClient, session);
    const organisationId = myContact.data?.organisationId;
    const person = me.data?.person;
    if (organisationId && person) recordOwnPlace(queryClient, siteId(), organisationId, person, session);
    setNotice(message);
  }

  const book = createMutation(() => ({
    mutationFn: () => props.host.book(props.session.sessionId),
    onSuccess: (session) =>
      placeChanged(
        session,
        session.myPlace?.status === "booked"
          ? "You have a place. Add it to your calendar so you do not forget."
          : `The session is full, so you are number ${session.myPlace?.position ?? ""} on the waiting list. If a place comes free, it is yours and we will email you.`,
      ),
    onError: () => props.host.afterChange(queryClient),
  }));
  const giveUp = createMutation(() => ({
    mutationFn: () => props.host.cancelPlace(props.session.sessionId),
    onSuccess: (session) => {
      const wasWaiting = props.session.myPlace?.status === "waiting";
      placeChanged(
        session,
        wasWaiting
          ? "You have left the waiting list."
          : "You have given up your place. Thank you for letting someone else have it.",
      );
      closeGiveUp();
    },
  }));
  const cancel = createMutation(() => ({
    mutationFn: (reason: string) => props.host.cancel(props.session, reason),
    onSuccess: (session) => {
      props.host.afterChange(queryClient, session);
      setNotice(`The ${noun()} is cancelled. Everyone with a place or waiting has been told why.`);
      closeCancel();
    },
  }));
  function closeGiveUp() {
    giveUp.reset();
    setGivingUp(false);
  }
  function closeCancel() {
    cancel.reset();
    setCancelling(false);
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
          <p class="session-kind">{sessionKindLabels[props.session.kind]}</p>
          <h2 class="session-page-title">{props.session.title}</h2>
        </div>
        <EasyReadToggle pressed={easyReadPreferred()} onChange={setEasyReadPreferred} context={`for this ${noun()}`} />
      </div>

      <Show when={props.session.status === "cancelled"}>
        <div class="notice notice-error">
          <p>
            <strong>This {noun()} is cancelled.</strong> {props.session.reason}
          </p>
        </div>
      </Show>

      <p class="session-description">{easyReadPreferred() ? props.session.easyRead : props.session.description}</p>

      <dl class="session-facts">
        <div>
          <dt>When</dt>
          <dd>
            {sessionDay(props.session)}, {sessionHours(props.session)} (UK time)
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            <Show when={props.session.format === "online"} fallback={sessionWhere(props.session)}>
              Online: <a href={props.session.link}>{props.session.link}</a>
            </Show>
          </dd>
        </div>
        <Show when={props.session.format === "in-person"}>
          <div>
            <dt>The place has</dt>
            <dd>
              {accessText(props.session) ??
                `No step-free access, hearing loop or quiet room listed. Ask ${props.host.national ? "national partnership staff" : "the site team"}.`}
            </dd>
          </div>
        </Show>
        <div>
          <dt>Who it is for</dt>
          <dd>{props.session.audience}</dd>
        </div>
        <div>
          <dt>Places</dt>
          <dd>
            {placesText(props.session)}
            {/* Once it has started, the places text is already the number booked. */}
            <Show when={props.session.booked > 0 && !props.session.started}> ({props.session.booked} booked)</Show>
          </dd>
        </div>
        <Show when={props.session.reason && props.session.status === "scheduled"}>
          <div>
            <dt>Last changed because</dt>
            <dd>{props.session.reason}</dd>
          </div>
        </Show>
      </dl>

      <div class="session-actions">
        <Show when={myPlaceText(props.session)}>
          <p class="badge badge-large session-mine">{myPlaceText(props.session)}</p>
        </Show>
        <Show when={props.mayBook && open()}>
          {/* One button whose words change with the place, so focus stays on it after booking or giving up. */}
          <button
            type="button"
            class="button"
            classList={{ "button-secondary": !!props.session.myPlace }}
            aria-disabled={book.isPending}
            onClick={() => {
              if (book.isPending) return;
              if (props.session.myPlace) setGivingUp(true);
              else book.mutate();
            }}
          >
            {placeAction()}
          </button>
        </Show>
        <Show when={props.session.status === "scheduled"}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() =>
              downloadCalendar(props.session, props.organiser, pageUrl()).then(
                () => setCalendarProblem(null),
                (error: unknown) => setCalendarProblem(error instanceof Error ? error.message : String(error)),
              )
            }
          >
            Add to my calendar (.ics)
          </button>
        </Show>
        <Show when={props.isTeam && open()}>
          <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
            Change {noun()}
          </button>
          <button type="button" class="button button-danger-quiet" onClick={() => setCancelling(true)}>
            Cancel {noun()}
          </button>
        </Show>
      </div>
      <Show when={book.error}>
        <div class="notice notice-error" role="alert">
          <p>{errorMessage(book.error)}</p>
        </div>
      </Show>
      <Show when={calendarProblem()}>
        <div class="notice notice-error" role="alert">
          <p>{calendarProblem()}</p>
        </div>
      </Show>

      <Show when={props.isTeam && props.host.national}>
        <PlacesBySite places={props.places} attendanceRecorded={props.session.attendanceRecorded} />
      </Show>
      <Show when={props.isTeam || props.places.length > 0}>
        <Show
          when={props.isTeam && props.session.started && props.session.status === "scheduled"}
          fallback={
            <PlaceList
              places={props.places}
              isTeam={props.isTeam}
              heading={props.isTeam ? "Who is coming" : props.mayBook ? "From your organisation" : "From your site"}
              national={props.host.national}
            />
          }
        >
          <Attendance host={props.host} session={props.session} places={props.places} onSaved={setNotice} />
        </Show>
      </Show>

      <SessionDialog
        host={props.host}
        session={props.session}
        open={editing()}
        onOpenChange={setEditing}
        onSaved={(_session, message) => setNotice(message)}
      />
      <ReasonDialog
        open={cancelling()}
        title={`Cancel “${props.session.title}”?`}
        description={`Everyone with a place or on the waiting list (${props.session.booked + props.session.waiting}) is emailed that it is cancelled, with your reason. This cannot be undone: to run it after all, schedule it again.`}
        reasonLabel="Why it is cancelled"
        reasonHint="This is sent to everyone booked."
        confirmLabel={`Cancel the ${noun()}`}
        busyLabel="Cancelling…"
        busy={cancel.isPending}
        error={cancel.error}
        onConfirm={(reason) => cancel.mutate(reason)}
        onCancel={closeCancel}
      />
      <ConfirmDialog
        open={givingUp()}
        title={props.session.myPlace?.status === "waiting" ? "Leave the waiting list?" : "Give up your place?"}
        confirmLabel={props.session.myPlace?.status === "waiting" ? "Leave the waiting list" : "Give up my place"}
        busyLabel="Giving up…"
        cancelLabel="Keep it"
        busy={giveUp.isPending}
        error={giveUp.error}
        onConfirm={() => giveUp.mutate()}
        onCancel={closeGiveUp}
      >
        {props.session.myPlace?.status === "waiting"
          ? "You will lose your place in the queue. You can join again later, at the back."
          : "Your place goes to the first person waiting, if there is one. You can book again later if a place is free."}
      </ConfirmDialog>
    </>
  );
}

/** Who has a place, and who is waiting in order. A provider sees only their own organisation's. */
function PlaceList(props: { places: Place[]; isTeam: boolean; heading: string; national: boolean }) {
  const booked = () => props.places.filter((place) => place.status === "booked");
  const waiting = () => props.places.filter((place) => place.status === "waiting");
  const attendedText = (place: Place) =>
    place.attended === true ? " · came" : place.attended === false ? " · did not come" : "";
  return (
    <section aria-labelledby="places-heading">
      <h3 id="places-heading">{props.heading}</h3>
      <Show
        when={props.places.length > 0}
        fallback={
          <EmptyState title="No one has booked yet">
            <p>
              {props.national
                ? "Providers in every site's cohort see this event and can book a place."
                : "People in the cohort see this session and can book a place."}
            </p>
          </EmptyState>
        }
      >
        <Show when={booked().length > 0}>
          <ul class="place-list">
            <For each={booked()}>{(place) => <PlaceLine place={place} after={attendedText(place)} />}</For>
          </ul>
        </Show>
        <Show when={waiting().length > 0}>
          <h4>Waiting list, first come first served</h4>
          <ol class="place-list">
            <For each={waiting()}>{(place) => <PlaceLine place={place} />}</For>
          </ol>
        </Show>
      </Show>
    </section>
  );
}

/** Someone with a place: their name, their organisation, its site at a national event, and `after`. */
function PlaceLine(props: { place: Place; after?: string }) {
  return (
    <li>
      <bdi>{props.place.name}</bdi>
      <span class="muted">
        {" "}
        · <bdi>{props.place.organisationName}</bdi>
        <Show when={props.place.siteName}> · {props.place.siteName}</Show>
        {props.after}
      </span>
    </li>
  );
}

/** After a session starts, the team ticks who came; saving again corrects it. */
function Attendance(props: {
  host: SessionHost;
  session: Session;
  places: Place[];
  onSaved: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const booked = () => props.places.filter((place) => place.status === "booked");
  const [came, setCame] = createSignal<Set<string>>(new Set());
  createEffect(
    on(
      () => props.places,
      (places) => setCame(new Set(places.filter((place) => place.attended).map((place) => place.personId))),
    ),
  );
  const save = createMutation(() => ({
    mutationFn: () => props.host.recordAttendance(props.session, [...came()]),
    onSuccess: (result) => {
      // The answer holds the session and its places as the API now has them; the page reads them again.
      props.host.afterChange(queryClient, result.session);
      const present = result.places.filter((place) => place.attended).length;
      props.onSaved(
        `Attendance saved: ${present} of ${result.places.filter((place) => place.status === "booked").length} came.`,
      );
    },
    onError: (error) => {
      if (errorCode(error) === "CONFLICT") props.host.afterChange(queryClient);
    },
  }));
  return (
    <section aria-labelledby="attendance-heading">
      <h3 id="attendance-heading">Who came</h3>
      <Show
        when={booked().length > 0}
        fallback={<p class="muted">No one had a place at this session, so there is no one to record.</p>}
      >
        <form
          class="form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <fieldset class="field">
            <legend class="field-label">
              {props.session.attendanceRecorded
                ? "Attendance is recorded. Change the ticks and save to correct it."
                : "Tick everyone who came. Anyone not ticked is recorded as not coming."}
            </legend>
            <For each={booked()}>
              {(place) => (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={came().has(place.personId)}
                    onChange={(event) => {
                      const next = new Set(came());
                      if (event.currentTarget.checked) next.add(place.personId);
                      else next.delete(place.personId);
                      setCame(next);
                    }}
                  />
                  <span>
                    <bdi>{place.name}</bdi>, <bdi>{place.organisationName}</bdi>
                    <Show when={place.siteName}>, {place.siteName}</Show>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
          <Show when={save.error}>
            <div class="notice notice-error" role="alert">
              <p>{errorMessage(save.error)}</p>
            </div>
          </Show>
          <div class="form-actions">
            <button type="submit" class="button" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save attendance"}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
