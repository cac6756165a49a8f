import type { QueryClient } from "@tanstack/solid-query";
import { api } from "../api/client";
import { afterSessionChange, queries } from "../api/queries";
import type { Session, SessionDetail, SessionFieldsInput } from "./session-labels";

/**
 * Where a session lives and how to act on it. A site's own sessions, national events as a site's
 * cohort reaches them, and national events as national staff run them share one list, one page
 * and one dialog; the host says which procedures they call, which cache they refresh and where
 * their pages are.
 */
export interface SessionHost {
  /** The site a session is reached through; null for national staff. */
  siteId: string | null;
  /** National events' places name each organisation's site. */
  national: boolean;
  pathOf(sessionId: string): string;
  back: { href: string; label: string };
  list(when: "upcoming" | "past"): ReturnType<typeof queries.sessions>;
  one(sessionId: string): DetailQuery;
  /** Booking and giving up, for the providers of a site's cohort. */
  book(sessionId: string): Promise<Session>;
  cancelPlace(sessionId: string): Promise<Session>;
  /** Running it, for whoever schedules it: the site's team, or national staff. */
  create(session: SessionFieldsInput): Promise<Session>;
  update(session: Session, fields: SessionFieldsInput, reason: string): Promise<Session>;
  cancel(session: Session, reason: string): Promise<Session>;
  recordAttendance(session: Session, attended: string[]): Promise<SessionDetail>;
  /** Refreshes what a change made stale; the change's answer, if any, goes into the page at once. */
  afterChange(queryClient: QueryClient, session?: Session): Promise<unknown>;
}

interface DetailQuery {
  queryKey: readonly unknown[];
  queryFn: () => Promise<SessionDetail>;
}
/** The three queries for one session differ only in their keys and in what a place carries; the page reads them alike. */
const detailQuery = (options: { queryKey: readonly unknown[] }) => options as unknown as DetailQuery;

/** A site's own sessions, run by its team and booked by its cohort. */
export function siteSessions(siteId: string): SessionHost {
  const key = (session: Session) => ({ siteId, sessionId: session.sessionId, version: session.version });
  return {
    siteId,
    national: false,
    pathOf: (sessionId) => `/sites/${siteId}/cohort/sessions/${sessionId}`,
    back: { href: `/sites/${siteId}/cohort`, label: "Back to the cohort" },
    list: (when) => queries.sessions(siteId, when),
    one: (sessionId) => detailQuery(queries.session(siteId, sessionId)),
    book: (sessionId) => api.session.book.mutate({ siteId, sessionId }),
    cancelPlace: (sessionId) => api.session.cancelPlace.mutate({ siteId, sessionId }),
    create: (session) => api.session.create.mutate({ siteId, session }),
    update: (session, fields, reason) => api.session.update.mutate({ ...key(session), session: fields, reason }),
    cancel: (session, reason) => api.session.cancel.mutate({ ...key(session), reason }),
    recordAttendance: (session, attended) => api.session.recordAttendance.mutate({ ...key(session), attended }),
    afterChange: (queryClient, session) => afterSessionChange(queryClient, siteId, session),
  };
}

const nationalOnly = () => Promise.reject(new Error("Only national partnership staff run national events."));

/** National events as a site's cohort sees them: its providers book; its team sees its own site's places. */
export function cohortNationalEvents(siteId: string): SessionHost {
  return {
    siteId,
    national: true,
    pathOf: (sessionId) => `/sites/${siteId}/cohort/national/${sessionId}`,
    back: { href: `/sites/${siteId}/cohort`, label: "Back to the cohort" },
    list: (when) => queries.cohortNationalEvents(siteId, when),
    one: (sessionId) => detailQuery(queries.cohortNationalEvent(siteId, sessionId)),
    book: (sessionId) => api.nationalEvent.book.mutate({ siteId, sessionId }),
    cancelPlace: (sessionId) => api.nationalEvent.cancelPlace.mutate({ siteId, sessionId }),
    create: nationalOnly,
    update: nationalOnly,
    cancel: nationalOnly,
    recordAttendance: nationalOnly,
    afterChange: (queryClient, session) =>
      refresh(
        queryClient,
        ["cohort", siteId, "national"],
        session && queries.cohortNationalEvent(siteId, session.sessionId).queryKey,
        session,
      ),
  };
}

const siteOnly = () => Promise.reject(new Error("Places at national events are booked through a site."));

/** National events as national staff run them, with every site's places. */
export function nationalEvents(): SessionHost {
  const key = (session: Session) => ({ sessionId: session.sessionId, version: session.version });
  return {
    siteId: null,
    national: true,
    pathOf: (sessionId) => `/national/events/${sessionId}`,
    back: { href: "/national/events", label: "Back to national events" },
    list: (when) => queries.nationalEvents(when),
    one: (sessionId) => detailQuery(queries.nationalEvent(sessionId)),
    book: siteOnly,
    cancelPlace: siteOnly,
    create: (session) => api.nationalEvent.create.mutate({ session }),
    update: (session, fields, reason) => api.nationalEvent.update.mutate({ ...key(session), session: fields, reason }),
    cancel: (session, reason) => api.nationalEvent.cancel.mutate({ ...key(session), reason }),
    recordAttendance: (session, attended) => api.nationalEvent.recordAttendance.mutate({ ...key(session), attended }),
    afterChange: (queryClient, session) =>
      refresh(queryClient, ["national-events"], session && queries.nationalEvent(session.sessionId).queryKey, session),
  };
}

/** Puts a change's answer into its event's page at once, then refetches everything under `prefix`. */
function refresh(
  queryClient: QueryClient,
  prefix: unknown[],
  eventKey: readonly unknown[] | undefined,
  session?: Session,
) {
  if (eventKey && session) {
    queryClient.setQueryData(eventKey, (current: SessionDetail | undefined) =>
      current ? { ...current, session } : current,
    );
  }
  return queryClient.invalidateQueries({ queryKey: prefix });
}
