import {
  Clock,
  Cohort,
  CohortSession,
  Membership,
  Mentoring,
  NationalEvent,
  NationalMentor,
} from "@smallsupports/core";
import { type Actor, withActor } from "@smallsupports/core/actor";
import { toUkTime } from "@smallsupports/core/london-time";
import { asMember } from "@smallsupports/core/seeding";
import { approvedFor, asLead, decidedFor } from "./panel-records";
import { freshApplicant, setUp, unique } from "./records";

/**
 * Cohorts and their sessions: the records their fixtures and attacks need, built through the
 * services. Builders return the text the rules keep from anyone outside the cohort.
 */

const actorOf = (personId: string): Actor => ({ personId, national: false });

/** A UK day `days` from now, as the session form takes it. */
const ukDay = (days: number) => toUkTime(new Date(Date.now() + days * Clock.dayMs)).day;

/** A session's fields under a distinctive title, three weeks ahead by default. */
export const sessionInput = (title: string, day = ukDay(21)) => ({
  kind: "networking" as const,
  title,
  description: "Meet the other providers in the cohort and share what is working.",
  easyRead: "Meet other providers. Talk about your work.",
  day,
  startTime: "10:00",
  endTime: "12:00",
  format: "in-person" as const,
  place: "The community hall",
  stepFree: true,
  hearingLoop: false,
  quietRoom: true,
  link: "",
  audience: "Everyone in the cohort",
  capacity: 40,
});

export interface ScheduledSession {
  key: { siteId: string; sessionId: string };
  version: number;
  secrets: string[];
}

/** A session the site's lead schedules, three weeks ahead. */
export async function scheduledSession(siteId: string): Promise<ScheduledSession> {
  const title = unique("Secret session");
  const session = await asLead(siteId, () => CohortSession.create({ siteId, session: sessionInput(title) }));
  return { key: { siteId, sessionId: session.sessionId }, version: session.version, secrets: [title] };
}

/** A session scheduled a week and a half ago for two days ago: its attendance can be recorded. */
export async function pastSession(siteId: string): Promise<ScheduledSession> {
  const title = unique("Secret past session");
  const session = await Clock.atTime(new Date(Date.now() - 10 * Clock.dayMs), () =>
    asLead(siteId, () => CohortSession.create({ siteId, session: sessionInput(title, ukDay(-2)) })),
  );
  return { key: { siteId, sessionId: session.sessionId }, version: session.version, secrets: [title] };
}

/** Whether `callerId` acts for an organisation in `siteId`, and so books for it. */
export async function isProvider(siteId: string, callerId?: string): Promise<boolean> {
  const member = callerId ? await Membership.find(siteId, callerId) : undefined;
  return member?.role === "provider";
}

/** A fresh session with a place booked by `callerId`, who must act for an organisation in the cohort. */
export async function bookedBy(siteId: string, callerId: string): Promise<ScheduledSession> {
  const session = await scheduledSession(siteId);
  await asMember(actorOf(callerId), siteId, () => CohortSession.book(session.key));
  return session;
}

/** An approved organisation (so in the cohort), fresh, with its cohort item's version. */
export async function freshCohortMember(siteId: string) {
  const approved = await approvedFor(siteId);
  const member = await Cohort.memberOf(siteId, approved.key.organisationId);
  if (!member) throw new Error("An approved organisation is not in its site's cohort.");
  return { key: approved.key, version: member.version, secrets: approved.secrets };
}

/** An approved organisation the team has taken out of the cohort. */
export async function removedFromCohort(siteId: string) {
  const member = await freshCohortMember(siteId);
  await asLead(siteId, () => Cohort.remove({ ...member.key, version: member.version, reason: "Taking a break." }));
  return member;
}

/**
 * A provider of `siteId` whose organisation has applied but is not approved, so is not in the
 * cohort: every cohort procedure must refuse them.
 */
export async function applicantOutsideCohort(siteId: string): Promise<string> {
  const applicant = await freshApplicant(siteId);
  return applicant.actor.personId;
}

/**
 * Another organisation of the cohort, with a place at a session under a distinctive title: a
 * provider must not see either through that organisation's history.
 */
export async function someoneElsesBookings(siteId: string) {
  const other = await decidedFor(siteId, undefined, "approved");
  const session = await bookedBy(siteId, other.actor.personId);
  return {
    key: { siteId, organisationId: other.key.organisationId },
    secrets: [...other.secrets, ...session.secrets],
  };
}

export interface Pairing {
  key: { siteId: string; pairId: string };
  version: number;
  secrets: string[];
}

/**
 * A mentoring pairing with a meeting logged: the mentee is the caller's organisation if they act
 * for one (put in the cohort first), else a fresh one; the mentor is a person of a fresh approved
 * organisation. Its goals and notes are what the rule keeps from everyone outside the pair.
 */
export async function pairingFor(siteId: string, callerId?: string): Promise<Pairing> {
  const mentee = (await isProvider(siteId, callerId))
    ? (await approvedFor(siteId, callerId)).key
    : (await freshCohortMember(siteId)).key;
  const mentor = await decidedFor(siteId, undefined, "approved");
  const goals = unique("Secret mentoring goals");
  const notes = unique("Secret meeting notes");
  const created = await asLead(siteId, () =>
    Mentoring.create({
      siteId,
      menteeOrganisationId: mentee.organisationId,
      mentorPersonId: mentor.actor.personId,
      goals,
    }),
  );
  const key = { siteId, pairId: created.pair.pairId };
  const logged = await asLead(siteId, () => Mentoring.logMeeting({ ...key, date: Clock.today(), minutes: 60, notes }));
  return { key, version: logged.pair.version, secrets: [goals, notes] };
}

/** Someone of another organisation in the cohort, who is in no pairing: they must not reach one. */
export async function outsideThePairing(siteId: string): Promise<string> {
  return (await decidedFor(siteId, undefined, "approved")).actor.personId;
}

/** A national event national staff schedule three weeks ahead, under a distinctive title. */
export interface ScheduledEvent {
  sessionId: string;
  version: number;
  secrets: string[];
}

export async function nationalEvent(): Promise<ScheduledEvent> {
  const title = unique("Secret national event");
  const event = await withActor(setUp, () => NationalEvent.create({ session: sessionInput(title) }));
  return { sessionId: event.sessionId, version: event.version, secrets: [title] };
}

/** A national event scheduled a week and a half ago for two days ago: its attendance can be recorded. */
export async function pastNationalEvent(): Promise<ScheduledEvent> {
  const title = unique("Secret past national event");
  const event = await Clock.atTime(new Date(Date.now() - 10 * Clock.dayMs), () =>
    withActor(setUp, () => NationalEvent.create({ session: sessionInput(title, ukDay(-2)) })),
  );
  return { sessionId: event.sessionId, version: event.version, secrets: [title] };
}

/** A fresh national event with a place booked through `siteId` by `callerId`, who acts for an organisation in its cohort. */
export async function eventBookedBy(siteId: string, callerId: string): Promise<ScheduledEvent> {
  const event = await nationalEvent();
  await asMember(actorOf(callerId), siteId, () => NationalEvent.book({ siteId, sessionId: event.sessionId }));
  return event;
}

/** The world's national mentor, as national staff named them. */
export async function worldMentor(): Promise<string> {
  const [mentor] = await withActor(setUp, () => NationalMentor.list({}));
  if (!mentor) throw new Error("The world has no national mentor.");
  return mentor.personId;
}

/**
 * A pairing of a fresh cohort organisation with a national mentor (the caller, if they are one;
 * else the world's), with a meeting logged: its goals and notes are what the rule keeps from
 * everyone outside the pair.
 */
export async function nationalPairingFor(siteId: string, callerId?: string): Promise<Pairing> {
  const mentorPersonId = callerId && (await NationalMentor.isNamed(callerId)) ? callerId : await worldMentor();
  const mentee = await freshCohortMember(siteId);
  const goals = unique("Secret national mentoring goals");
  const notes = unique("Secret national meeting notes");
  const created = await asLead(siteId, () =>
    Mentoring.create({ siteId, menteeOrganisationId: mentee.key.organisationId, mentorPersonId, goals }),
  );
  const key = { siteId, pairId: created.pair.pairId };
  const logged = await asLead(siteId, () => Mentoring.logMeeting({ ...key, date: Clock.today(), minutes: 60, notes }));
  return { key, version: logged.pair.version, secrets: [goals, notes] };
}

/** Another national mentor, in no pairing: they must not reach the world mentor's. */
export async function anotherNationalMentor(): Promise<string> {
  const name = unique("Mentorfixture");
  const mentor = await withActor(setUp, () =>
    NationalMentor.name({
      name,
      email: `${name.replace(/\W+/g, ".").toLowerCase()}@example.org`,
      about: "Mentors small supports across the country.",
    }),
  );
  return mentor.personId;
}
