import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor, useMembership } from "./actor";
import { change, useChange } from "./change";
import { addDays, now, today } from "./clock";
import * as Cohort from "./cohort";
import {
  type PlaceStatus,
  type SessionFormat,
  type SessionKind,
  type SessionStatus,
  sessionFormats,
  sessionKinds,
  sessionLimits,
} from "./cohort-shape";
import * as Cursor from "./cursor";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import { fromUkTime, toUkTime } from "./london-time";
import * as Organisation from "./organisation";
import * as SiteStats from "./site-stats";
import {
  cursorSchema,
  dateSchema,
  pageSizeSchema,
  recordIdSchema,
  siteIdSchema,
  verb,
  versionSchema,
  writtenText,
} from "./validation";

/**
 * Cohort sessions and their places. The team schedules a session; people of the cohort's
 * organisations book a place, or join the waiting list when it is full; a place given up goes to
 * the first waiting, who is told. After it, the team records who came.
 *
 * Booking is one transaction whose condition is on the session itself (booked below capacity),
 * so however many people book at once, no more than the capacity get a place. The waiting list
 * is keyed by when each person joined it, and a freed place is handed on with a strongly
 * consistent read of its head and a transaction conditioned on that entry still being there.
 */

export interface SessionView {
  siteId: string;
  sessionId: string;
  kind: SessionKind;
  title: string;
  description: string;
  easyRead: string;
  startsAt: string;
  endsAt: string;
  /** The UK day and times, as the form edits them. */
  day: string;
  startTime: string;
  endTime: string;
  format: SessionFormat;
  place: string;
  stepFree: boolean;
  hearingLoop: boolean;
  quietRoom: boolean;
  link: string;
  audience: string;
  capacity: number;
  booked: number;
  waiting: number;
  status: SessionStatus;
  reason: string | null;
  attendanceRecorded: boolean;
  started: boolean;
  /** The caller's own place, if they have one. */
  myPlace: { status: PlaceStatus; position: number | null; attended: boolean | null } | null;
  version: number;
}

export interface PlaceView {
  personId: string;
  name: string;
  organisationId: string;
  /** The organisation's site: another site's for a national event. */
  organisationSiteId: string;
  organisationName: string;
  status: PlaceStatus;
  joinedAt: string;
  attended: boolean | null;
}

type StoredSession = NonNullable<Awaited<ReturnType<ReturnType<typeof db.entities.cohortSession.get>["go"]>>["data"]>;
type StoredPlace = NonNullable<Awaited<ReturnType<ReturnType<typeof db.entities.sessionPlace.get>["go"]>>["data"]>;

const sessionKey = z.strictObject({ siteId: siteIdSchema, sessionId: recordIdSchema });
const timeSchema = z
  .string({ error: "Enter a time." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time like 14:30, on the 24-hour clock.");

const sessionFields = z
  .strictObject({
    kind: z.enum(sessionKinds, { error: "Choose what kind of session it is." }),
    title: writtenText("a title", 3, 120),
    description: writtenText("a description", 10, 3000),
    easyRead: writtenText("the easy read description", 10, 2000),
    day: dateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    format: z.enum(sessionFormats, { error: "Choose in person or online." }),
    place: z.string().trim().max(300, "Keep the place to at most 300 characters."),
    stepFree: z.boolean(),
    hearingLoop: z.boolean(),
    quietRoom: z.boolean(),
    link: z.string().trim().max(500, "Keep the link to at most 500 characters."),
    audience: writtenText("who it is for", 3, 200),
    capacity: z
      .number({ error: "Enter how many places there are." })
      .int("Enter a whole number of places.")
      .min(1, "A session needs at least 1 place.")
      .max(sessionLimits.capacity, `A session can have at most ${sessionLimits.capacity} places.`),
  })
  .superRefine((fields, context) => {
    if (fields.format === "in-person" && fields.place.length < 3) {
      context.addIssue({ code: "custom", path: ["place"], message: "Write where the session is." });
    }
    if (fields.format === "online" && !/^https:\/\/[^\s]+\.[^\s]+$/.test(fields.link)) {
      context.addIssue({
        code: "custom",
        path: ["link"],
        message: "Write the link to join, starting https://",
      });
    }
    if (fields.endTime <= fields.startTime) {
      context.addIssue({ code: "custom", path: ["endTime"], message: "The session must end after it starts." });
    }
  });
export type SessionFields = z.output<typeof sessionFields>;
/** The fields of a session as the team or national staff write them. */
export const sessionFieldsSchema = sessionFields;

const reasonSchema = writtenText("the reason", 3, 500);

/** The stored form of the fields: UK times become UTC instants; a time that never happens is refused. */
function stored(fields: SessionFields) {
  const startsAt = fromUkTime(fields.day, fields.startTime, "startTime");
  const endsAt = fromUkTime(fields.day, fields.endTime, "endTime");
  if (endsAt <= startsAt) {
    const message = "The session must end after it starts.";
    throw new ValidationError(message, { endTime: message });
  }
  const inPerson = fields.format === "in-person";
  return {
    kind: fields.kind,
    title: fields.title,
    description: fields.description,
    easyRead: fields.easyRead,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    startDay: fields.day,
    format: fields.format,
    place: inPerson ? fields.place : "",
    stepFree: inPerson && fields.stepFree,
    hearingLoop: inPerson && fields.hearingLoop,
    quietRoom: inPerson && fields.quietRoom,
    link: inPerson ? "" : fields.link,
    audience: fields.audience,
    capacity: fields.capacity,
  };
}

function view(session: StoredSession, myPlace: SessionView["myPlace"] = null): SessionView {
  const start = toUkTime(session.startsAt);
  return {
    siteId: session.siteId,
    sessionId: session.sessionId,
    kind: session.kind,
    title: session.title,
    description: session.description,
    easyRead: session.easyRead,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    day: start.day,
    startTime: start.time,
    endTime: toUkTime(session.endsAt).time,
    format: session.format,
    place: session.place,
    stepFree: session.stepFree,
    hearingLoop: session.hearingLoop,
    quietRoom: session.quietRoom,
    link: session.link,
    audience: session.audience,
    capacity: session.capacity,
    booked: session.booked,
    waiting: session.waiting,
    status: session.status,
    reason: session.reason ?? null,
    attendanceRecorded: !!session.attendanceRecordedAt,
    started: Date.parse(session.startsAt) <= now().getTime(),
    myPlace,
    version: session.version,
  };
}

/** A session without the record-level rule, for services that have checked it. */
export async function read(siteId: string, sessionId: string): Promise<StoredSession> {
  const { data } = await db.entities.cohortSession.get({ siteId, sessionId }).go({ consistent: true });
  if (!data) throw new NotFoundError("We could not find that session. It may have been removed.");
  return data;
}

const changedJustNow =
  "Someone else changed this session just now. Refresh the page to see their change, then try again.";

/** The team schedules a session for its cohort. */
export const create = verb(z.strictObject({ siteId: siteIdSchema, session: sessionFields }), ({ siteId, session }) =>
  createIn(siteId, { session }),
);

/**
 * Schedules a session in the partition `siteId`: a site's own, or the national one for a
 * national event (NationalEvent checks who may).
 */
export async function createIn(siteId: string, { session }: { session: SessionFields }): Promise<SessionView> {
  const fields = stored(session);
  if (Date.parse(fields.startsAt) <= now().getTime()) {
    const message = "Choose a time that has not passed yet.";
    throw new ValidationError(message, { day: message });
  }
  const sessionId = randomUUID();
  await change("session.create", async () => {
    const { write, audit } = useChange();
    write(({ cohortSession }) =>
      cohortSession.create({ siteId, sessionId, ...fields, createdBy: useActor().personId }).commit(),
    );
    audit({
      siteId,
      action: "session.created",
      recordType: "session",
      recordId: sessionId,
      after: { kind: fields.kind, format: fields.format, capacity: fields.capacity, startDay: fields.startDay },
      changed: ["title", "description"],
    });
  });
  return view(await read(siteId, sessionId));
}

/**
 * The team changes a session, saying why; everyone with a place or waiting is told. Capacity can
 * go down only to the places already booked; places it adds go to the first waiting.
 */
export const update = verb(
  sessionKey.extend({ version: versionSchema, session: sessionFields, reason: reasonSchema }),
  ({ siteId, sessionId, version, session, reason }) => updateIn(siteId, { sessionId, version, session, reason }),
);

/** Changes a session in the partition `siteId` (a site's, or the national one). */
export async function updateIn(
  siteId: string,
  {
    sessionId,
    version,
    session,
    reason,
  }: { sessionId: string; version: number; session: SessionFields; reason: string },
) {
  const existing = await read(siteId, sessionId);
  requireOpen(existing);
  const fields = stored(session);
  if (fields.capacity < existing.booked) {
    const message = `${existing.booked} places are booked, so there must be at least ${existing.booked}.`;
    throw new ValidationError(message, { capacity: message });
  }
  const freed = Math.max(0, fields.capacity - existing.booked);
  const [places, heads] = await Promise.all([placesOf(siteId, sessionId), firstWaiting(siteId, sessionId, freed)]);
  await change("session.update", async () => {
    const { write, audit, send } = useChange();
    write(
      ({ cohortSession }) =>
        cohortSession
          .patch({ siteId, sessionId })
          .set({ ...fields, reason })
          .add({ version: 1, booked: heads.length, waiting: -heads.length })
          // Bookings do not move the version, so the counts this change read are checked too:
          // a place taken meanwhile could otherwise leave more booked than the new capacity.
          .where(
            (attributes, operations) =>
              `${operations.eq(attributes.version, version)} AND ${operations.eq(attributes.booked, existing.booked)} AND ${operations.eq(attributes.waiting, existing.waiting)}`,
          )
          .commit(),
      () => new ConflictError(changedJustNow),
    );
    for (const head of heads) promote(siteId, sessionId, head);
    audit({
      siteId,
      action: "session.updated",
      recordType: "session",
      recordId: sessionId,
      before: { capacity: existing.capacity, startDay: existing.startDay, format: existing.format },
      after: { capacity: fields.capacity, startDay: fields.startDay, format: fields.format, promoted: heads.length },
      changed: ["reason"],
    });
    const promotedIds = new Set(heads.map((head) => head.personId));
    for (const place of places) {
      if (promotedIds.has(place.personId)) continue;
      send({
        siteId,
        template: "session-changed",
        to: { person: place.personId },
        params: placeParams(sessionId, place),
      });
    }
  });
  return view(await read(siteId, sessionId));
}

/** The team cancels a session, saying why; everyone with a place or waiting is told. */
export const cancel = verb(
  sessionKey.extend({ version: versionSchema, reason: reasonSchema }),
  ({ siteId, sessionId, version, reason }) => cancelIn(siteId, { sessionId, version, reason }),
);

/** Cancels a session in the partition `siteId` (a site's, or the national one). */
export async function cancelIn(
  siteId: string,
  { sessionId, version, reason }: { sessionId: string; version: number; reason: string },
) {
  const existing = await read(siteId, sessionId);
  requireOpen(existing);
  const places = await placesOf(siteId, sessionId);
  await change("session.cancel", async () => {
    const { write, audit, send } = useChange();
    write(
      ({ cohortSession }) =>
        cohortSession
          .patch({ siteId, sessionId })
          .set({ status: "cancelled", reason })
          .add({ version: 1 })
          // The places counted out of the statistics below are the places booked now.
          .where(
            (attributes, operations) =>
              `${operations.eq(attributes.version, version)} AND ${operations.eq(attributes.booked, existing.booked)}`,
          )
          .commit(),
      () => new ConflictError(changedJustNow),
    );
    for (const place of places) {
      if (place.status === "booked") SiteStats.count(place.organisationSiteId, SiteStats.counterName.bookings, -1);
    }
    audit({
      siteId,
      action: "session.cancelled",
      recordType: "session",
      recordId: sessionId,
      before: { status: "scheduled", booked: existing.booked, waiting: existing.waiting },
      after: { status: "cancelled" },
      changed: ["reason"],
    });
    for (const place of places) {
      send({
        siteId,
        template: "session-cancelled",
        to: { person: place.personId },
        params: placeParams(sessionId, place),
      });
    }
  });
  return view(await read(siteId, sessionId));
}

function requireOpen(session: StoredSession) {
  if (session.status === "cancelled") throw new RuleError("This session has been cancelled.");
  if (Date.parse(session.startsAt) <= now().getTime()) {
    throw new RuleError("This session has already started, so it can no longer be changed.");
  }
}

/** Every place at a session, booked and waiting, read strongly consistently. */
async function placesOf(siteId: string, sessionId: string): Promise<StoredPlace[]> {
  const { data } = await db.entities.sessionPlace.query
    .bySession({ siteId, sessionId })
    .go({ pages: "all", consistent: true });
  return data;
}

interface Waiting {
  joinedAt: string;
  personId: string;
  organisationSiteId: string;
}

/** The first `count` on a session's waiting list, in the order they joined it. */
async function firstWaiting(siteId: string, sessionId: string, count: number): Promise<Waiting[]> {
  if (count <= 0) return [];
  const { data } = await db.entities.waitingEntry.query
    .bySession({ siteId, sessionId })
    .go({ consistent: true, limit: count });
  return data.map(({ joinedAt, personId, organisationSiteId }) => ({ joinedAt, personId, organisationSiteId }));
}

/**
 * Inside a change: moves one waiting person into a place and tells them. Conditioned on their
 * waiting entry and place being as read, so two changes can never hand on the same place.
 */
function promote(siteId: string, sessionId: string, head: Waiting) {
  const { write, send } = useChange();
  const taken = () => new ConflictError(busy);
  write(
    ({ waitingEntry }) =>
      waitingEntry
        .delete({ siteId, sessionId, joinedAt: head.joinedAt, personId: head.personId })
        .where((attributes, operations) => operations.exists(attributes.personId))
        .commit(),
    taken,
  );
  write(
    ({ sessionPlace }) =>
      sessionPlace
        .patch({ siteId, sessionId, personId: head.personId })
        .set({ status: "booked" })
        .add({ version: 1 })
        .where((attributes, operations) => operations.eq(attributes.status, "waiting"))
        .commit(),
    taken,
  );
  SiteStats.count(head.organisationSiteId, SiteStats.counterName.bookings, 1);
  send({ siteId, template: "place-offered", to: { person: head.personId }, params: placeParams(sessionId, head) });
}

const busy = "Lots of people are booking this session right now. Please try again in a moment.";

/** What a message about someone's place needs: the session, and their organisation's site (where its page is for them). */
const placeParams = (sessionId: string, place: { organisationSiteId: string }) => ({
  sessionId,
  organisationSiteId: place.organisationSiteId,
});

/** Thrown inside this module when a place ran out (or came free) between reading and writing. */
class SessionMoved extends ConflictError {}

/**
 * Books the caller a place, or a place on the waiting list when the session is full. Only people
 * of organisations in the cohort book. Each attempt is one transaction conditioned on the
 * session's count, so exactly `capacity` people are ever booked; if the count moved between
 * attempts (a place freed as the list filled), it tries again.
 */
export const book = verb(sessionKey, async ({ siteId, sessionId }) => {
  const { organisationId } = await Cohort.requireCohortAccess(siteId);
  if (!organisationId) throw new ForbiddenError("Only people of the cohort's organisations book places.");
  return bookIn(siteId, sessionId, { personId: useActor().personId, organisationId, organisationSiteId: siteId });
});

export interface Booker {
  personId: string;
  organisationId: string;
  organisationSiteId: string;
}

/**
 * Books `booker` a place at a session in the partition `siteId` (a site's, or the national one),
 * or a place on its waiting list. The caller has checked they may.
 */
export async function bookIn(siteId: string, sessionId: string, booker: Booker): Promise<SessionView> {
  const [session, existing] = await Promise.all([
    read(siteId, sessionId),
    db.entities.sessionPlace.get({ siteId, sessionId, personId: booker.personId }).go({ consistent: true }),
  ]);
  if (session.status === "cancelled") throw new RuleError("This session has been cancelled.");
  if (Date.parse(session.startsAt) <= now().getTime()) {
    throw new RuleError("This session has already started, so it can no longer be booked.");
  }
  if (existing.data) {
    throw new RuleError(
      existing.data.status === "booked"
        ? "You already have a place at this session."
        : "You are already on this session's waiting list.",
    );
  }
  const joinedAt = now().toISOString();
  const place = { siteId, sessionId, ...booker, joinedAt };
  const alreadyAsked = () => new RuleError("You already asked for a place at this session.");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await change("session.book", async () => {
        const { write, audit } = useChange();
        write(({ sessionPlace }) => sessionPlace.create({ ...place, status: "booked" }).commit(), alreadyAsked);
        write(
          ({ cohortSession }) =>
            cohortSession
              .patch({ siteId, sessionId })
              .add({ booked: 1 })
              .where(
                (attributes, operations) =>
                  `${operations.name(attributes.booked)} < ${operations.name(attributes.capacity)} AND ${operations.eq(attributes.status, "scheduled")}`,
              )
              .commit(),
          () => new SessionMoved(),
        );
        SiteStats.count(booker.organisationSiteId, SiteStats.counterName.bookings, 1);
        audit({
          siteId,
          action: "session.booked",
          recordType: "session",
          recordId: sessionId,
          after: { personId: booker.personId, organisationId: booker.organisationId, status: "booked" },
        });
      });
      return mine(siteId, sessionId);
    } catch (error) {
      if (!(error instanceof SessionMoved)) throw error;
    }
    try {
      await change("session.wait", async () => {
        const { write, audit } = useChange();
        write(({ sessionPlace }) => sessionPlace.create({ ...place, status: "waiting" }).commit(), alreadyAsked);
        write(({ waitingEntry }) =>
          waitingEntry
            .create({
              siteId,
              sessionId,
              joinedAt,
              personId: booker.personId,
              organisationSiteId: booker.organisationSiteId,
            })
            .commit(),
        );
        write(
          ({ cohortSession }) =>
            cohortSession
              .patch({ siteId, sessionId })
              .add({ waiting: 1 })
              .where(
                (attributes, operations) =>
                  `${operations.name(attributes.booked)} >= ${operations.name(attributes.capacity)} AND ${operations.lt(attributes.waiting, sessionLimits.waiting as number)} AND ${operations.eq(attributes.status, "scheduled")}`,
              )
              .commit(),
          () => new SessionMoved(),
        );
        audit({
          siteId,
          action: "session.waiting",
          recordType: "session",
          recordId: sessionId,
          after: { personId: booker.personId, organisationId: booker.organisationId, status: "waiting" },
        });
      });
      return mine(siteId, sessionId);
    } catch (error) {
      if (!(error instanceof SessionMoved)) throw error;
    }
    const latest = await read(siteId, sessionId);
    if (latest.status === "cancelled") throw new RuleError("This session has been cancelled.");
    if (latest.booked >= latest.capacity && latest.waiting >= sessionLimits.waiting) {
      throw new RuleError("This session is full and so is its waiting list.");
    }
  }
  throw new ConflictError(busy);
}

/**
 * Gives up the caller's place, or their place on the waiting list. A booked place goes to the
 * first waiting, who is told, in the same transaction.
 */
export const cancelPlace = verb(sessionKey, async ({ siteId, sessionId }) => {
  useMembership(siteId);
  return cancelPlaceIn(siteId, sessionId, useActor().personId);
});

/** Gives up `personId`'s place at a session in the partition `siteId` (a site's, or the national one). */
export async function cancelPlaceIn(siteId: string, sessionId: string, personId: string): Promise<SessionView> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [session, { data: place }, [head]] = await Promise.all([
      read(siteId, sessionId),
      db.entities.sessionPlace.get({ siteId, sessionId, personId }).go({ consistent: true }),
      firstWaiting(siteId, sessionId, 1),
    ]);
    if (!place) throw new NotFoundError("You have no place at this session.");
    if (session.status === "cancelled") throw new RuleError("This session has been cancelled.");
    if (Date.parse(session.startsAt) <= now().getTime()) {
      throw new RuleError("This session has already started. If you could not come, tell the site team.");
    }
    const handOn = place.status === "booked" ? head : undefined;
    try {
      await change("session.cancelPlace", async () => {
        const { write, audit } = useChange();
        write(
          ({ sessionPlace }) =>
            sessionPlace
              .delete({ siteId, sessionId, personId })
              .where((attributes, operations) => operations.eq(attributes.version, place.version))
              .commit(),
          () => new SessionMoved(),
        );
        if (place.status === "waiting") {
          write(({ waitingEntry }) =>
            waitingEntry.delete({ siteId, sessionId, joinedAt: place.joinedAt, personId }).commit(),
          );
        }
        write(
          ({ cohortSession }) =>
            cohortSession
              .patch({ siteId, sessionId })
              // A place handed on stays booked; the queue is one shorter either way it shrinks.
              .add(place.status === "waiting" || handOn ? { waiting: -1 } : { booked: -1 })
              // A place freed with no one waiting is freed only if still no one is: someone who
              // joined the list a moment ago gets it instead, on the next try.
              .where((attributes, operations) =>
                place.status === "booked" && !handOn
                  ? operations.eq(attributes.waiting, 0)
                  : operations.exists(attributes.sessionId),
              )
              .commit(),
          () => new SessionMoved(),
        );
        if (place.status === "booked") SiteStats.count(place.organisationSiteId, SiteStats.counterName.bookings, -1);
        if (handOn) promote(siteId, sessionId, handOn);
        audit({
          siteId,
          action: "session.place_given_up",
          recordType: "session",
          recordId: sessionId,
          before: { personId, organisationId: place.organisationId, status: place.status },
          after: { promoted: handOn ? handOn.personId : null },
        });
      });
      return view(await read(siteId, sessionId));
    } catch (error) {
      // The queue's head left, or was handed a place, a moment ago: read it again.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(busy);
}

/** The session as the caller sees it, with their own place and where they are in the queue. */
async function mine(siteId: string, sessionId: string): Promise<SessionView> {
  const { personId } = useActor();
  const [session, { data: place }] = await Promise.all([
    read(siteId, sessionId),
    db.entities.sessionPlace.get({ siteId, sessionId, personId }).go({ consistent: true }),
  ]);
  return view(session, place ? await myPlaceOf(place) : null);
}

async function myPlaceOf(place: StoredPlace): Promise<NonNullable<SessionView["myPlace"]>> {
  let position: number | null = null;
  if (place.status === "waiting") {
    // The list holds at most sessionLimits.waiting entries, so reading it whole is one small query.
    const { data } = await db.entities.waitingEntry.query
      .bySession({ siteId: place.siteId, sessionId: place.sessionId })
      .go({ consistent: true, pages: "all" });
    position = data.findIndex((entry) => entry.personId === place.personId) + 1 || null;
  }
  return { status: place.status, position, attended: place.attended ?? null };
}

const listInput = z.strictObject({
  siteId: siteIdSchema,
  when: z.enum(["upcoming", "past"]),
  cursor: cursorSchema,
  limit: pageSizeSchema,
});
type ListInput = Omit<z.output<typeof listInput>, "siteId">;

/** Upcoming sessions, soonest first, or past ones, latest first; a page at a time. */
export const list = verb(listInput, async ({ siteId, ...input }) => {
  const [access, page] = await Promise.all([Cohort.requireCohortAccess(siteId), pageOf(siteId, input)]);
  return withOwnPlaces(siteId, page, !!access.organisationId);
});

/**
 * Sessions in the partition `siteId` (a site's, or the national one), with the caller's own
 * place on each when `ownPlaces` (a provider, who may have booked).
 */
export async function listIn(siteId: string, input: ListInput, ownPlaces: boolean, scope: string[]) {
  return withOwnPlaces(siteId, await pageOf(siteId, input, scope), ownPlaces);
}

/** A page of sessions; its cursor opens only for the same `scope` (the list and who reads it). */
async function pageOf(siteId: string, { when, cursor, limit }: ListInput, listScope = ["session.list", siteId]) {
  const scope = [...listScope, when];
  const at = now().toISOString();
  const page =
    when === "upcoming"
      ? await db.entities.cohortSession.query
          .bySchedule({ siteId })
          .gt({ startsAt: at })
          .go({ cursor: Cursor.open(scope, cursor), limit })
      : await db.entities.cohortSession.query
          .bySchedule({ siteId })
          .lte({ startsAt: at })
          .go({ cursor: Cursor.open(scope, cursor), limit, order: "desc" });
  return { data: page.data, cursor: Cursor.seal(scope, page.cursor) };
}

async function withOwnPlaces(
  siteId: string,
  page: { data: StoredSession[]; cursor: string | null },
  ownPlaces: boolean,
) {
  const { personId } = useActor();
  const places =
    ownPlaces && page.data.length
      ? (
          await db.entities.sessionPlace
            .get(page.data.map((session) => ({ siteId, sessionId: session.sessionId, personId })))
            .go()
        ).data
      : [];
  const placeOf = new Map(places.map((place) => [place.sessionId, place]));
  return {
    items: page.data.map((session) => {
      const place = placeOf.get(session.sessionId);
      return view(session, place ? { status: place.status, position: null, attended: place.attended ?? null } : null);
    }),
    cursor: page.cursor,
  };
}

/**
 * One session. The team sees everyone with a place; a provider sees their own organisation's
 * places only, and the counts.
 */
export const get = verb(sessionKey, async ({ siteId, sessionId }) => {
  const [access, found] = await Promise.all([Cohort.requireCohortAccess(siteId), withPlaces(siteId, sessionId)]);
  return describeSession(found, access.organisationId);
});

/**
 * A session in the partition `siteId` (a site's, or the national one) with its places: all of
 * them, or only `organisationId`'s when a provider asks.
 */
export async function getIn(siteId: string, sessionId: string, organisationId: string | null) {
  return describeSession(await withPlaces(siteId, sessionId), organisationId);
}

async function withPlaces(siteId: string, sessionId: string) {
  const [session, places] = await Promise.all([read(siteId, sessionId), placesOf(siteId, sessionId)]);
  return { session, places };
}

async function describeSession(
  { session, places }: { session: StoredSession; places: StoredPlace[] },
  organisationId: string | null,
) {
  const visible = organisationId ? places.filter((place) => place.organisationId === organisationId) : places;
  const { personId } = useActor();
  const own = places.find((place) => place.personId === personId);
  return {
    session: view(session, own ? await myPlaceOf(own) : null),
    places: await describePlaces(visible),
  };
}

async function describePlaces(places: StoredPlace[]): Promise<PlaceView[]> {
  if (places.length === 0) return [];
  const organisationKeys = [
    ...new Map(
      places.map((place) => [
        `${place.organisationSiteId} ${place.organisationId}`,
        { siteId: place.organisationSiteId, organisationId: place.organisationId },
      ]),
    ).values(),
  ];
  const [people, organisations] = await Promise.all([
    db.entities.person.get(places.map((place) => ({ personId: place.personId }))).go(),
    db.entities.organisation.get(organisationKeys).go(),
  ]);
  const nameOf = new Map(people.data.map((person) => [person.personId, person.name]));
  const organisationOf = new Map(
    organisations.data.map((organisation) => [organisation.organisationId, Organisation.displayName(organisation)]),
  );
  return places
    .map((place) => ({
      personId: place.personId,
      name: nameOf.get(place.personId) ?? "A former member",
      organisationId: place.organisationId,
      organisationSiteId: place.organisationSiteId,
      organisationName: organisationOf.get(place.organisationId) ?? "Organisation",
      status: place.status,
      joinedAt: place.joinedAt,
      attended: place.attended ?? null,
    }))
    .sort((a, b) => (a.status === b.status ? a.joinedAt.localeCompare(b.joinedAt) : a.status === "booked" ? -1 : 1));
}

/**
 * After a session has started, the team records who came: `attended` names the booked people
 * who did; everyone else booked did not. Recording again corrects it. Each organisation's
 * attendance in the cohort, and the site's statistics, move by the difference.
 */
export const recordAttendance = verb(
  sessionKey.extend({ version: versionSchema, attended: z.array(recordIdSchema).max(sessionLimits.capacity) }),
  ({ siteId, sessionId, version, attended }) => recordAttendanceIn(siteId, { sessionId, version, attended }),
);

/** Records who came to a session in the partition `siteId` (a site's, or the national one). */
export async function recordAttendanceIn(
  siteId: string,
  { sessionId, version, attended }: { sessionId: string; version: number; attended: string[] },
) {
  const [session, places] = await Promise.all([read(siteId, sessionId), placesOf(siteId, sessionId)]);
  if (session.status === "cancelled") throw new RuleError("This session was cancelled, so no one attended it.");
  if (Date.parse(session.startsAt) > now().getTime()) {
    throw new RuleError("You can record who came once the session has started.");
  }
  const booked = places.filter((place) => place.status === "booked");
  const came = new Set(attended);
  const unknown = attended.filter((personId) => !booked.some((place) => place.personId === personId));
  if (unknown.length) throw new ValidationError("Only people with a booked place can be recorded as attending.");
  await change("session.recordAttendance", async () => {
    const { write, audit, increment } = useChange();
    write(
      ({ cohortSession }) =>
        cohortSession
          .patch({ siteId, sessionId })
          .set({ attendanceRecordedAt: now().toISOString() })
          .add({ version: 1 })
          .where((attributes, operations) => operations.eq(attributes.version, version))
          .commit(),
      () => new ConflictError(changedJustNow),
    );
    // Held sessions and their attendance count in the month the session was, however late recorded.
    const month = today(new Date(session.startsAt)).slice(0, 7);
    if (!session.attendanceRecordedAt) SiteStats.count(siteId, SiteStats.counterName.sessionsHeld, 1, month);
    let present = 0;
    for (const place of booked) {
      const cameNow = came.has(place.personId);
      if (cameNow) present++;
      if (place.attended === cameNow) continue;
      write(({ sessionPlace }) =>
        sessionPlace.patch({ siteId, sessionId, personId: place.personId }).set({ attended: cameNow }).commit(),
      );
      const delta = {
        attended: (cameNow ? 1 : 0) - (place.attended === true ? 1 : 0),
        missed: (cameNow ? 0 : 1) - (place.attended === false ? 1 : 0),
      };
      increment(
        "cohortMember",
        { siteId: place.organisationSiteId, organisationId: place.organisationId },
        { add: delta },
      );
      SiteStats.count(place.organisationSiteId, SiteStats.counterName.attended, delta.attended, month);
      SiteStats.count(place.organisationSiteId, SiteStats.counterName.missed, delta.missed, month);
    }
    audit({
      siteId,
      action: "session.attendance_recorded",
      recordType: "session",
      recordId: sessionId,
      after: { booked: booked.length, attended: present },
    });
  });
  return getIn(siteId, sessionId, null);
}

/**
 * An organisation's places at sessions, newest first: what its people booked and whether they
 * came. The organisation's own people and the site team see it.
 */
export const ofOrganisation = verb(
  z.strictObject({ siteId: siteIdSchema, organisationId: recordIdSchema }),
  async ({ siteId, organisationId }) => {
    Organisation.ownOrganisation(siteId, organisationId);
    const { data } = await db.entities.sessionPlace.query
      .byOrganisation({ organisationSiteId: siteId, organisationId })
      .go({ order: "desc", limit: 100 });
    const sessionKeys = [...new Map(data.map((place) => [`${place.siteId} ${place.sessionId}`, place])).values()].map(
      (place) => ({ siteId: place.siteId, sessionId: place.sessionId }),
    );
    const [sessions, people] = await Promise.all([
      sessionKeys.length ? db.entities.cohortSession.get(sessionKeys).go() : { data: [] },
      data.length
        ? db.entities.person
            .get([...new Set(data.map((place) => place.personId))].map((personId) => ({ personId })))
            .go()
        : { data: [] },
    ]);
    const sessionOf = new Map(sessions.data.map((session) => [`${session.siteId} ${session.sessionId}`, session]));
    const nameOf = new Map(people.data.map((person) => [person.personId, person.name]));
    return data.flatMap((place) => {
      const session = sessionOf.get(`${place.siteId} ${place.sessionId}`);
      if (!session) return [];
      return [
        {
          session: view(session),
          personId: place.personId,
          name: nameOf.get(place.personId) ?? "A former member",
          status: place.status,
          attended: place.attended ?? null,
        },
      ];
    });
  },
);

/** How many days before a session the people booked are reminded. */
export const reminderDaysBefore = 2;

/**
 * Reminds everyone with a place at a session starting on the UK day two days after `day`, in
 * every site (and national events): one change a session, marking each place reminded with its
 * message, so running twice sends once. Returns how many reminders went. Run it as the platform.
 */
export async function remind(day: string = today()): Promise<{ sessions: number; reminded: number }> {
  const startDay = addDays(day, reminderDaysBefore);
  const { data } = await db.entities.cohortSession.query.byStartDay({ startDay }).go({ pages: "all" });
  const sent = { sessions: 0, reminded: 0 };
  for (const session of data) {
    if (session.status !== "scheduled") continue;
    const { siteId, sessionId } = session;
    const due = (await placesOf(siteId, sessionId)).filter((place) => place.status === "booked" && !place.reminded);
    if (due.length === 0) continue;
    try {
      await change("session.remind", async () => {
        const { write, audit, send } = useChange();
        for (const place of due) {
          write(({ sessionPlace }) =>
            sessionPlace
              .patch({ siteId, sessionId, personId: place.personId })
              .set({ reminded: true })
              .where(
                (attributes, operations) =>
                  `${operations.eq(attributes.reminded, false)} AND ${operations.eq(attributes.status, "booked")}`,
              )
              .commit(),
          );
          send({
            siteId,
            template: "session-reminder",
            to: { person: place.personId },
            params: placeParams(sessionId, place),
          });
        }
        audit({
          siteId,
          action: "session.reminded",
          recordType: "session",
          recordId: sessionId,
          after: { reminded: due.length, startDay },
        });
      });
      sent.sessions++;
      sent.reminded += due.length;
    } catch (error) {
      // Someone gave up a place, or another sweep reminded them, a moment ago: the next run sends the rest.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return sent;
}
