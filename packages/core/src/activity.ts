import * as z from "zod";
import { type Period, periodLabels } from "./analytics-shape";
import * as Cursor from "./cursor";
import { db } from "./db";
import { type Outcome, outcomeLabels } from "./decision-shape";
import { formatMinutes, type TimeActivity, timeActivityLabels } from "./expert-time-shape";
import * as Person from "./person";
import * as Process from "./process";
import { roleLabels, type SiteRole, siteRoles } from "./role";
import { cursorSchema, pageSizeSchema, recordIdSchema, siteIdSchema, verb } from "./validation";

export interface ActivityEntry {
  eventId: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  recordType: string;
  recordId: string;
  summary: string;
}

/** A site's activity, newest first, a page at a time, worded when it is read. */
export const list = verb(
  z.strictObject({ siteId: siteIdSchema, cursor: cursorSchema, limit: pageSizeSchema }),
  async ({ siteId, cursor, limit }) => {
    const scope = ["activity.list", siteId];
    const page = await db.entities.auditEvent.query
      .bySite({ siteId })
      .go({ order: "desc", cursor: Cursor.open(scope, cursor), limit });
    const events = page.data;
    const siteIds = events.filter((event) => event.recordType === "site").map((event) => event.recordId);
    const invitationIds = events.filter((event) => event.recordType === "invitation").map((event) => event.recordId);
    const parsed = events.map((event) => ({
      ...event,
      before: parseFields(event.before),
      after: parseFields(event.after),
    }));
    const personIds = parsed.flatMap((event) => [
      event.actorId,
      ...(event.recordType === "member" || event.recordType === "person" ? [event.recordId] : []),
      // A review event names its reviewer.
      ...(typeof event.after.reviewerId === "string" ? [event.after.reviewerId] : []),
      ...(typeof event.before.reviewerId === "string" ? [event.before.reviewerId] : []),
      // A place at a session names whose it is, and whom a freed place went to.
      ...(typeof event.after.personId === "string" ? [event.after.personId] : []),
      ...(typeof event.before.personId === "string" ? [event.before.personId] : []),
      ...(typeof event.after.promoted === "string" ? [event.after.promoted] : []),
    ]);
    const organisationIds = parsed.flatMap((event) =>
      event.recordType === "organisation"
        ? [event.recordId]
        : typeof event.after.organisationId === "string"
          ? [event.after.organisationId]
          : [],
    );
    const sessionIds = events.filter((event) => event.recordType === "session").map((event) => event.recordId);
    const organisationIdsOfPlaces = parsed.flatMap((event) => [
      ...(event.recordType === "session" && typeof event.before.organisationId === "string"
        ? [event.before.organisationId]
        : []),
      // A pairing names its mentee (as organisationId below) and its mentor's organisation.
      ...(typeof event.after.menteeOrganisationId === "string" ? [event.after.menteeOrganisationId] : []),
      ...(typeof event.after.mentorOrganisationId === "string" ? [event.after.mentorOrganisationId] : []),
    ]);
    const [names, sites, invitees, organisations, stages, sessions] = await Promise.all([
      Person.namesOf(personIds),
      siteNames(siteIds),
      inviteeNames(siteId, invitationIds),
      organisationNames(siteId, [...organisationIds, ...organisationIdsOfPlaces]),
      parsed.some((event) => event.recordType === "application") ? stageNames(siteId) : new Map<string, string>(),
      sessionTitles(siteId, sessionIds),
    ]);
    const items: ActivityEntry[] = parsed.map((event) => ({
      eventId: event.eventId,
      at: event.at,
      // The audit event keeps who said no; the site sees neither their name nor their id.
      actorId: event.action === "invitation.declined" ? someoneInvitedId : event.actorId,
      actorName: event.action === "invitation.declined" ? someoneInvited : actorName(event.actorId, names),
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId,
      summary: summarise(event, { names, sites, invitees, organisations, stages, sessions }),
    }));
    return { items, cursor: Cursor.seal(scope, page.cursor) };
  },
);

type Fields = Record<string, unknown>;
interface StoredEvent {
  action: string;
  recordType: string;
  recordId: string;
  before: Fields;
  after: Fields;
}

/** Shown for someone whose record has been erased. */
const formerPerson = "A former member";

/**
 * Who said no to an invitation is never named: they may hold an account the inviter has no
 * business knowing about.
 */
const someoneInvited = "The person invited";
/** Stands in for their id, which would let a lead of two sites match them up. */
const someoneInvitedId = "invited";

function actorName(actorId: string, names: Map<string, string>): string {
  // The platform acts on its own for the demo set-up and for invitations that run out.
  if (actorId === "system") return "Small Supports";
  return names.get(actorId) ?? formerPerson;
}

interface Names {
  names: Map<string, string>;
  sites: Map<string, string>;
  /** The names typed on invitations that are still open; a closed one's name is gone. */
  invitees: Map<string, string>;
  organisations: Map<string, string>;
  /** Stage names from the site's newest published process. */
  stages: Map<string, string>;
  /** Session titles as they are now. */
  sessions: Map<string, string>;
}

function role(value: unknown): string {
  return siteRoles.includes(value as SiteRole) ? roleLabels[value as SiteRole] : "a member";
}

/** One plain sentence for an event, with today's names for the people and site it names. */
function summarise(event: StoredEvent, { names, sites, invitees, organisations, stages, sessions }: Names): string {
  const organisationId =
    event.recordType === "organisation"
      ? event.recordId
      : (event.after.organisationId ?? event.before.organisationId ?? event.after.menteeOrganisationId);
  const organisation = organisations.get(String(organisationId)) ?? "an organisation";
  const stage = (value: unknown) => stages.get(String(value)) ?? "another stage";
  const person = names.get(event.recordId) ?? formerPerson;
  const invitee = invitees.get(event.recordId);
  const invitation = invitee ? `the invitation to ${invitee}` : "an invitation";
  const reviewerId = event.after.reviewerId ?? event.before.reviewerId;
  const reviewer = names.get(String(reviewerId)) ?? formerPerson;
  const application = `${possessive(organisation)} application`;
  const session = `"${sessions.get(event.recordId) ?? "a session"}"`;
  const placeHolder = names.get(String(event.after.personId ?? event.before.personId)) ?? formerPerson;
  switch (event.action) {
    case "site.created":
      return `Added the site ${sites.get(event.recordId) ?? event.recordId}`;
    case "member.invited":
      return `Invited ${person} as ${role(event.after.role)}`;
    case "invitation.sent":
      return `Invited ${invitee ?? "someone"} to join as ${role(event.after.role)}`;
    case "invitation.resent":
      return `Sent ${invitation} again`;
    case "invitation.corrected":
      return event.before.role !== event.after.role
        ? `Corrected ${invitation}, now to join as ${role(event.after.role)}`
        : `Corrected ${invitation}`;
    case "invitation.cancelled":
      return `Cancelled an invitation to join as ${role(event.before.role)}`;
    case "invitation.expired":
      return `${capitalise(invitation)} to join as ${role(event.after.role)} ran out after 14 days`;
    case "invitation.declined":
      return `Said no to an invitation to join as ${role(event.before.role)}`;
    case "member.joined":
      return `${person} joined as ${role(event.after.role)}`;
    case "member.role_changed":
      return `Changed ${person}'s role from ${role(event.before.role)} to ${role(event.after.role)}`;
    case "member.removed":
      return `Removed ${person} (${role(event.before.role)}) from the site`;
    case "person.added":
      return `Added ${person} to national partnership staff`;
    case "person.created":
      return `${person} signed in for the first time`;
    case "person.renamed":
      return `${person} corrected their name`;
    case "person.sign_in_linked":
      return `${person} signed in with their account for the first time`;
    case "site.opened":
      return "Opened the site to applications";
    case "site.closed":
      return "Closed the site to new applications";
    case "process.published":
      return `Published version ${event.after.number} of the approval process`;
    case "process.question_saved":
      return "Changed a question in the draft approval process";
    case "process.question_removed":
      return "Removed a question from the draft approval process";
    case "process.question_moved":
      return "Moved a question in the draft approval process";
    case "process.page_saved":
    case "process.page_removed":
      return "Changed the pages of the draft approval process";
    case "process.stages_saved":
      return "Changed the stages of the draft approval process";
    case "process.criteria_saved":
      return "Changed the criteria of the draft approval process";
    case "process.scale_saved":
      return "Changed the scoring scale of the draft approval process";
    case "process.settings_saved":
      return "Changed the review settings of the draft approval process";
    case "organisation.registered":
      return `${organisation} registered interest`;
    case "organisation.updated":
      return `Updated ${possessive(organisation)} details`;
    case "application.started":
      return `${organisation} started an application`;
    case "application.answer_saved":
      return `Saved an answer on ${possessive(organisation)} application`;
    case "application.submitted":
      return `${organisation} sent their application`;
    case "application.withdrawn":
      return `${organisation} withdrew their application`;
    case "application.stage_moved":
      return `Moved ${possessive(organisation)} application from ${stage(event.before.stageId)} to ${stage(event.after.stageId)}`;
    case "review.assigned":
      return `Asked ${reviewer} to review ${application} by ${event.after.dueDate}`;
    case "review.rescheduled":
      return `Moved ${possessive(reviewer)} review of ${application} to ${event.after.dueDate}`;
    case "review.unassigned":
      return `Took ${reviewer} off reviewing ${application}`;
    case "review.no_conflict":
      return `${reviewer} declared no conflict of interest with ${organisation}`;
    case "review.recused":
      return `${reviewer} declared a conflict of interest with ${organisation} and stepped back from reviewing`;
    case "review.score_saved":
      return `Saved a score on ${application}`;
    case "review.submitted":
      return `${reviewer} submitted their review of ${application}`;
    case "review.reminded":
      return `Reminded ${reviewer} that their review of ${application} is due on ${event.after.dueDate}`;
    case "review.reminded_overdue":
      return `Reminded ${reviewer} that their review of ${application} was due on ${event.after.dueDate}`;
    case "review.panel_recorded":
      return `Recorded the panel's view of ${application}`;
    case "application.information_requested":
      return `Asked ${organisation} for more information on ${event.after.questions === 1 ? "1 question" : `${event.after.questions} questions`}`;
    case "application.information_sent":
      return `${organisation} sent back the information asked for`;
    case "decision.made":
      return `Recorded the decision on ${application}: ${outcomeLabels[event.after.outcome as Outcome] ?? "decided"}`;
    case "development_goal.added":
      return `Added a goal to ${possessive(organisation)} development plan`;
    case "development_goal.updated":
      return `Updated a goal in ${possessive(organisation)} development plan`;
    case "development_goal.removed":
      return `Removed a goal from ${possessive(organisation)} development plan`;
    case "expert_time.logged":
      return `${person} recorded ${formatMinutes(Number(event.after.minutes))} of ${(timeActivityLabels[event.after.activity as TimeActivity] ?? "panel work").toLowerCase()} on ${event.after.date}`;
    case "expert_time.removed":
      return `${person} removed a time entry for ${event.before.date}`;
    case "expert_time.pay_rate_set":
      return `Set the experts' day rate to £${(Number(event.after.dayRatePence) / 100).toFixed(2)} for ${event.after.hoursPerDay} hours`;
    case "analytics.exported":
      return `Exported the ${event.after.table === "characteristics" ? "panel scores by characteristic" : event.after.table === "monthly" ? "figures month by month" : "site comparison"} for ${(periodLabels[event.after.period as Period] ?? "a period").toLowerCase()}`;
    case "cohort.joined":
      return `${organisation} joined the cohort when it was approved`;
    case "cohort.removed":
      return `Took ${organisation} out of the cohort`;
    case "cohort.added":
      return `Added ${organisation} to the cohort`;
    case "cohort.contact_shared":
      return `Someone at ${organisation} changed the contact details they share with the cohort`;
    case "cohort.contact_withdrawn":
      return `Someone at ${organisation} stopped sharing contact details with the cohort`;
    case "session.created":
      return `Scheduled ${session}`;
    case "session.updated":
      return event.after.promoted
        ? `Changed ${session}, and gave ${event.after.promoted === 1 ? "1 place" : `${event.after.promoted} places`} to people waiting`
        : `Changed ${session}`;
    case "session.cancelled":
      return `Cancelled ${session}`;
    case "session.booked":
      return `${placeHolder} (${organisation}) booked a place at ${session}`;
    case "session.waiting":
      return `${placeHolder} (${organisation}) joined the waiting list for ${session}`;
    case "session.place_given_up":
      return event.after.promoted
        ? `${placeHolder} gave up their place at ${session}; it went to ${names.get(String(event.after.promoted)) ?? formerPerson}, first waiting`
        : `${placeHolder} gave up their ${event.before.status === "waiting" ? "place on the waiting list for" : "place at"} ${session}`;
    case "mentoring.paired":
      return event.after.mentorOrganisationId === "national"
        ? `Paired ${organisation} with a national mentor`
        : `Paired ${organisation} with a mentor from ${organisations.get(String(event.after.mentorOrganisationId)) ?? "an established provider"}`;
    case "mentoring.meeting_logged":
      return `Logged a mentoring meeting on ${event.after.date} (${formatMinutes(Number(event.after.minutes))})`;
    case "mentoring.ended":
      return `Ended a mentoring pairing after ${event.after.meetings === 1 ? "1 meeting" : `${event.after.meetings} meetings`}`;
    case "session.reminded":
      return `Reminded ${event.after.reminded === 1 ? "1 person" : `${event.after.reminded} people`} with a place that ${session} is in two days`;
    case "session.attendance_recorded":
      return `Recorded who came to ${session}: ${event.after.attended} of ${event.after.booked}`;
    default:
      return `${event.action} on ${event.recordType} ${event.recordId}`;
  }
}

function parseFields(json: string | undefined): Fields {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  return parsed && typeof parsed === "object" ? (parsed as Fields) : {};
}

/** "Fellside's", but "Bay Horizons'". */
function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function inviteeNames(siteId: string, invitationIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(invitationIds)];
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.invitation.get(ids.map((invitationId) => ({ siteId, invitationId }))).go();
  return new Map(data.map((item) => [item.invitationId, item.name]));
}

async function siteNames(siteIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(siteIds)];
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.site.get(ids.map((siteId) => ({ siteId }))).go();
  return new Map(data.map((site) => [site.siteId, site.name]));
}

async function organisationNames(siteId: string, organisationIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(organisationIds)].filter((id) => recordIdSchema.safeParse(id).success);
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.organisation
    .get(ids.map((organisationId) => ({ siteId, organisationId })))
    .go({ attributes: ["organisationId", "legalName", "tradingName"] });
  return new Map(data.map((item) => [item.organisationId, item.tradingName || item.legalName]));
}

async function sessionTitles(siteId: string, sessionIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(sessionIds)].filter((id) => recordIdSchema.safeParse(id).success);
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.cohortSession
    .get(ids.map((sessionId) => ({ siteId, sessionId })))
    .go({ attributes: ["sessionId", "title"] });
  return new Map(data.map((item) => [item.sessionId, item.title]));
}

async function stageNames(siteId: string): Promise<Map<string, string>> {
  const latest = await Process.latestNumber(siteId);
  if (!latest) return new Map();
  const { definition } = await Process.versionOf(siteId, latest);
  return new Map(definition.stages.map((stage) => [stage.stageId, stage.name.plain]));
}
