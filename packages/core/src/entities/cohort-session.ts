import { Entity } from "electrodb";
import { placeStatuses, sessionFormats, sessionKinds, sessionStatuses } from "../cohort-shape";
import { keyOptions, versioned } from "./common";

/**
 * A cohort session: networking, training, a mentoring circle or peer support, run by a site's
 * team for its cohort, or a national event (siteId "_national") open to every site's cohort.
 * `booked` and `waiting` are counted on the session itself so that booking is one conditional
 * update (booked below capacity) and two people can never take the last place.
 */
export const CohortSessionEntity = new Entity({
  model: { entity: "cohortSession", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    sessionId: { type: "string", required: true, readOnly: true },
    kind: { type: sessionKinds, required: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true },
    easyRead: { type: "string", required: true },
    /** UTC instants, ISO 8601; shown in Europe/London. */
    startsAt: { type: "string", required: true },
    endsAt: { type: "string", required: true },
    /** The UK calendar day it starts on, for the reminder sweep's index. */
    startDay: { type: "string", required: true },
    format: { type: sessionFormats, required: true },
    /** In person: where, and what the place offers. */
    place: { type: "string", required: true },
    stepFree: { type: "boolean", required: true },
    hearingLoop: { type: "boolean", required: true },
    quietRoom: { type: "boolean", required: true },
    /** Online: the link to join. */
    link: { type: "string", required: true },
    /** Who it is for, in the team's words: "New providers", "Everyone in the cohort". */
    audience: { type: "string", required: true },
    capacity: { type: "number", required: true },
    booked: { type: "number", required: true, default: () => 0 },
    waiting: { type: "number", required: true, default: () => 0 },
    status: { type: sessionStatuses, required: true, default: () => "scheduled" },
    /** Why it was last changed or cancelled: told to everyone booked, never put in an audit event. */
    reason: { type: "string" },
    /** Set once the team has recorded who came. */
    attendanceRecordedAt: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    ...versioned,
  },
  indexes: {
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["sessionId"], template: "session#${sessionId}", ...keyOptions },
    },
    // A site's sessions in time order, so upcoming and past are each one query.
    bySchedule: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["siteId"], template: "sessions#${siteId}", ...keyOptions },
      sk: {
        field: "gsi1sk",
        composite: ["startsAt", "sessionId"],
        template: "${startsAt}#${sessionId}",
        ...keyOptions,
      },
    },
    // Every site's sessions starting on one day, for the reminders two days before.
    byStartDay: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["startDay"], template: "session-day#${startDay}", ...keyOptions },
      sk: { field: "gsi2sk", composite: ["siteId", "sessionId"], template: "${siteId}#${sessionId}", ...keyOptions },
    },
  },
});

/**
 * One person's place at a session: booked, or on its waiting list. Kept after the session to
 * hold whether they came. Their organisation (and its site, for a national event) is copied in
 * so an organisation's bookings are one query on its index.
 */
export const SessionPlaceEntity = new Entity({
  model: { entity: "sessionPlace", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    sessionId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    organisationSiteId: { type: "string", required: true, readOnly: true },
    status: { type: placeStatuses, required: true },
    /** When they asked for a place, to the millisecond: the waiting list's order. */
    joinedAt: { type: "string", required: true, readOnly: true },
    /** Recorded by the team after the session. */
    attended: { type: "boolean" },
    reminded: { type: "boolean", required: true, default: () => false },
    ...versioned,
  },
  indexes: {
    // A session's places.
    bySession: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["sessionId", "personId"],
        template: "session#${sessionId}#place#${personId}",
        ...keyOptions,
      },
    },
    // An organisation's places in every session it asked for, newest first.
    byOrganisation: {
      index: "gsi2",
      pk: {
        field: "gsi2pk",
        composite: ["organisationSiteId", "organisationId"],
        template: "places#${organisationSiteId}#${organisationId}",
        ...keyOptions,
      },
      sk: {
        field: "gsi2sk",
        composite: ["joinedAt", "siteId", "sessionId", "personId"],
        template: "${joinedAt}#${siteId}#${sessionId}#${personId}",
        ...keyOptions,
      },
    },
  },
});

/**
 * A session's waiting list, keyed by when each person joined it, so the first in the queue is
 * the first item of one strongly consistent query: first come, first served.
 */
export const WaitingEntryEntity = new Entity({
  model: { entity: "waitingEntry", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    sessionId: { type: "string", required: true, readOnly: true },
    joinedAt: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    /** The site of the person's organisation: a national event's places count there. */
    organisationSiteId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    bySession: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["sessionId", "joinedAt", "personId"],
        template: "session#${sessionId}#waiting#${joinedAt}#${personId}",
        ...keyOptions,
      },
    },
  },
});
