import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor, useMembership } from "./actor";
import { change, useChange } from "./change";
import { addDays, dayMs, today } from "./clock";
import * as Cohort from "./cohort";
import { mentoringWeeks, type PairState, type PairStatus } from "./cohort-shape";
import { db } from "./db";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "./errors";
import { figureField } from "./figures-shape";
import * as NationalMentor from "./national-mentor";
import * as Organisation from "./organisation";
import * as Person from "./person";
import * as SiteStats from "./site-stats";
import {
  chosenRecordSchema,
  dateSchema,
  recordIdSchema,
  siteIdSchema,
  verb,
  versionSchema,
  writtenText,
} from "./validation";

/**
 * Mentoring in a site's cohort: the team pairs an organisation of the cohort with a mentor, a
 * person from an established provider there, with goals. The pair logs its meetings, whose notes
 * only the pair and the site team read. Each pairing shows whether it is too early to tell, on
 * track, or needs a check-in (see stateOf); a pairing ends with a reason.
 */

type StoredPair = NonNullable<Awaited<ReturnType<ReturnType<typeof db.entities.mentoringPair.get>["go"]>>["data"]>;

export interface PairView {
  siteId: string;
  pairId: string;
  menteeOrganisationId: string;
  menteeName: string;
  mentorPersonId: string;
  mentorName: string;
  mentorOrganisationName: string;
  goals: string;
  status: PairStatus;
  state: PairState | null;
  startedOn: string;
  lastMeetingOn: string | null;
  meetings: number;
  endedOn: string | null;
  endReason: string | null;
  version: number;
}

export interface MeetingView {
  meetingId: string;
  date: string;
  minutes: number;
  notes: string;
  loggedBy: string;
  loggedByName: string;
}

const weeks = (count: number) => count * 7;

/**
 * How a pairing is going on `day`: it needs a check-in if no meeting has been logged for 6
 * weeks, or none at all 3 weeks after it began; otherwise it is too early to tell in its first 4
 * weeks, and on track after. An ended pairing has no state.
 */
export function stateOf(
  pair: { status: PairStatus; startedOn: string; lastMeetingOn?: string | null },
  day: string = today(),
): PairState | null {
  if (pair.status !== "active") return null;
  const daysSince = (from: string) =>
    Math.round((Date.parse(`${day}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / dayMs);
  const sinceStart = daysSince(pair.startedOn);
  if (!pair.lastMeetingOn) {
    if (sinceStart >= weeks(mentoringWeeks.firstContact)) return "needs-check-in";
  } else if (daysSince(pair.lastMeetingOn) >= weeks(mentoringWeeks.sinceLastMeeting)) {
    return "needs-check-in";
  }
  return sinceStart < weeks(mentoringWeeks.tooEarly) ? "too-early" : "on-track";
}

/** The pairing, if the caller may see it: the team sees every one; a provider only those their organisation or they are in. */
async function readVisible(siteId: string, pairId: string): Promise<StoredPair> {
  const { data } = await db.entities.mentoringPair.get({ siteId, pairId }).go({ consistent: true });
  if (!data || !isVisible(siteId, data)) throw new NotFoundError("We could not find that mentoring pairing.");
  return data;
}

function isVisible(siteId: string, pair: StoredPair): boolean {
  const membership = useMembership(siteId);
  if (membership.role !== "provider") return true;
  return pair.menteeOrganisationId === membership.organisationId || pair.mentorPersonId === membership.personId;
}

async function describe(siteId: string, pairs: StoredPair[]): Promise<PairView[]> {
  if (pairs.length === 0) return [];
  const organisationIds = [...new Set(pairs.flatMap((pair) => [pair.menteeOrganisationId, pair.mentorOrganisationId]))];
  const [organisations, names] = await Promise.all([
    db.entities.organisation.get(organisationIds.map((organisationId) => ({ siteId, organisationId }))).go(),
    Person.namesOf([...new Set(pairs.map((pair) => pair.mentorPersonId))]),
  ]);
  const nameOf = new Map(
    organisations.data.map((organisation) => [organisation.organisationId, Organisation.displayName(organisation)]),
  );
  const day = today();
  return pairs.map((pair) => ({
    siteId: pair.siteId,
    pairId: pair.pairId,
    menteeOrganisationId: pair.menteeOrganisationId,
    menteeName: nameOf.get(pair.menteeOrganisationId) ?? "Organisation",
    mentorPersonId: pair.mentorPersonId,
    mentorName: names.get(pair.mentorPersonId) ?? "A former member",
    mentorOrganisationName:
      pair.mentorOrganisationId === NationalMentor.nationalMentorMark
        ? "National mentor"
        : (nameOf.get(pair.mentorOrganisationId) ?? "Organisation"),
    goals: pair.goals,
    status: pair.status,
    state: stateOf(pair, day),
    startedOn: pair.startedOn,
    lastMeetingOn: pair.lastMeetingOn ?? null,
    meetings: pair.meetings,
    endedOn: pair.endedOn ?? null,
    endReason: pair.endReason ?? null,
    version: pair.version,
  }));
}

/** Pairings needing a check-in first, then those under way, then those that ended. */
const stateOrder: Record<string, number> = { "needs-check-in": 0, "too-early": 1, "on-track": 2, ended: 3 };

const siteKey = z.strictObject({ siteId: siteIdSchema });
const pairKey = siteKey.extend({ pairId: recordIdSchema });

/** The site's pairings for the team; for a provider, only the ones their organisation or they are in. */
export const list = verb(siteKey, async ({ siteId }) => {
  const { data } = await db.entities.mentoringPair.query.bySite({ siteId }).go({ pages: "all" });
  const pairs = await describe(
    siteId,
    data.filter((pair) => isVisible(siteId, pair)),
  );
  return pairs.sort(
    (a, b) =>
      (stateOrder[a.state ?? "ended"] ?? 3) - (stateOrder[b.state ?? "ended"] ?? 3) ||
      a.menteeName.localeCompare(b.menteeName, "en-GB"),
  );
});

/** One pairing with its meetings, newest first, for the pair and the site team. */
export const get = verb(pairKey, ({ siteId, pairId }) => withMeetings(siteId, pairId, readVisible(siteId, pairId)));

/**
 * A national mentor's own pairing, read through no site: anyone else, and any pairing whose
 * mentor is someone else or is from a site's provider, is told it does not exist.
 */
async function readAsNationalMentor(siteId: string, pairId: string): Promise<StoredPair> {
  const { data } = await db.entities.mentoringPair.get({ siteId, pairId }).go({ consistent: true });
  if (
    !data ||
    data.mentorOrganisationId !== NationalMentor.nationalMentorMark ||
    data.mentorPersonId !== useActor().personId
  ) {
    throw new NotFoundError("We could not find that mentoring pairing.");
  }
  return data;
}

/** A national mentor's own pairing, with its meetings. */
export const getAsMentor = verb(pairKey, ({ siteId, pairId }) =>
  withMeetings(siteId, pairId, readAsNationalMentor(siteId, pairId)),
);

/** The pairings a national mentor mentors, in every site, with each site's name; nothing else of the sites. */
export const mine = verb(z.strictObject({}), async () => {
  const { data } = await db.entities.mentoringPair.query
    .byMentor({ mentorPersonId: useActor().personId })
    .go({ pages: "all" });
  const pairs = data.filter((pair) => pair.mentorOrganisationId === NationalMentor.nationalMentorMark);
  const siteIds = [...new Set(pairs.map((pair) => pair.siteId))];
  const [sites, views] = await Promise.all([
    siteIds.length ? db.entities.site.get(siteIds.map((siteId) => ({ siteId }))).go() : { data: [] },
    Promise.all(
      siteIds.map((siteId) =>
        describe(
          siteId,
          pairs.filter((pair) => pair.siteId === siteId),
        ),
      ),
    ),
  ]);
  const siteName = new Map(sites.data.map((site) => [site.siteId, site.name]));
  return views
    .flat()
    .map((pair) => ({ pair, siteName: siteName.get(pair.siteId) ?? pair.siteId }))
    .sort(
      (a, b) =>
        (stateOrder[a.pair.state ?? "ended"] ?? 3) - (stateOrder[b.pair.state ?? "ended"] ?? 3) ||
        a.pair.menteeName.localeCompare(b.pair.menteeName, "en-GB"),
    );
});

/** A pairing (read as the caller may) and its meetings, side by side. */
async function withMeetings(siteId: string, pairId: string, reading: Promise<StoredPair>) {
  const [pair, meetings] = await Promise.all([
    reading,
    db.entities.mentoringMeeting.query.byPair({ siteId, pairId }).go({ pages: "all", order: "desc" }),
  ]);
  const [view] = await describe(siteId, [pair]);
  const names = await Person.namesOf([...new Set(meetings.data.map((meeting) => meeting.loggedBy))]);
  return {
    pair: view as PairView,
    meetings: meetings.data.map(
      (meeting): MeetingView => ({
        meetingId: meeting.meetingId,
        date: meeting.date,
        minutes: meeting.minutes,
        notes: meeting.notes,
        loggedBy: meeting.loggedBy,
        loggedByName: names.get(meeting.loggedBy) ?? "A former member",
      }),
    ),
  };
}

/**
 * Who the team can pair: the cohort's organisations as mentees, and as mentors the people of its
 * established providers (approved, not walking through) and the national mentors.
 */
export const candidates = verb(siteKey, async ({ siteId }) => {
  const [{ organisations }, members, nationalMentors] = await Promise.all([
    Cohort.directory({ siteId }),
    db.entities.membership.query.bySite({ siteId }).go({ pages: "all" }),
    NationalMentor.available(),
  ]);
  const established = new Map(
    organisations.filter((item) => item.standing === "approved").map((item) => [item.organisationId, item.name]),
  );
  const mentorIds = members.data
    .filter((member) => member.role === "provider" && member.organisationId && established.has(member.organisationId))
    .map((member) => ({ personId: member.personId, organisationId: member.organisationId as string }));
  const names = await Person.namesOf(mentorIds.map((mentor) => mentor.personId));
  return {
    mentees: organisations.map((item) => ({ organisationId: item.organisationId, name: item.name })),
    mentors: mentorIds
      .map((mentor) => ({
        personId: mentor.personId,
        name: names.get(mentor.personId) ?? "A former member",
        organisationId: mentor.organisationId,
        organisationName: established.get(mentor.organisationId) ?? "Organisation",
        about: null as string | null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    // Someone already offered as a mentor from the site's own providers mentors through the site.
    nationalMentors: nationalMentors
      .filter((mentor) => !mentorIds.some((local) => local.personId === mentor.personId))
      .map((mentor) => ({
        personId: mentor.personId,
        name: mentor.name,
        organisationId: NationalMentor.nationalMentorMark,
        organisationName: "National mentor",
        about: mentor.about as string | null,
      })),
  };
});

/** The team pairs an organisation of the cohort with a mentor from an established provider, or a national mentor. */
export const create = verb(
  siteKey.extend({
    menteeOrganisationId: chosenRecordSchema("Choose the provider to be mentored."),
    mentorPersonId: chosenRecordSchema("Choose a mentor."),
    goals: writtenText("the goals", 10, 2000),
  }),
  async ({ siteId, menteeOrganisationId, mentorPersonId, goals }) => {
    const [menteeInCohort, mentor, mentee, national] = await Promise.all([
      Cohort.isActive(siteId, menteeOrganisationId),
      db.entities.membership.get({ siteId, personId: mentorPersonId }).go({ consistent: true }),
      Organisation.read(siteId, menteeOrganisationId),
      NationalMentor.isAvailable(mentorPersonId),
    ]);
    if (!menteeInCohort) {
      const message = `${Organisation.displayName(mentee)} is not in the cohort, so it cannot be paired.`;
      throw new ValidationError(message, { menteeOrganisationId: message });
    }
    // A person of an established provider in the site's cohort (who mentors through the site even
    // if national staff also named them), or else a national mentor.
    const localOrganisationId = mentor.data?.role === "provider" ? mentor.data.organisationId : undefined;
    const localOrganisation = localOrganisationId ? await Organisation.read(siteId, localOrganisationId) : null;
    const local =
      localOrganisationId &&
      localOrganisation?.standing === "approved" &&
      (await Cohort.isActive(siteId, localOrganisationId))
        ? localOrganisationId
        : undefined;
    const mentorOrganisationId = local ?? (national ? NationalMentor.nationalMentorMark : undefined);
    if (!mentorOrganisationId) {
      const message = "Choose a mentor from an established provider in the cohort, or a national mentor.";
      throw new ValidationError(message, { mentorPersonId: message });
    }
    if (mentorOrganisationId === menteeOrganisationId) {
      const message = "Choose a mentor from another organisation.";
      throw new ValidationError(message, { mentorPersonId: message });
    }
    const pairId = randomUUID();
    await change("mentoring.create", async () => {
      const { write, audit } = useChange();
      write(({ mentoringPair }) =>
        mentoringPair
          .create({
            siteId,
            pairId,
            menteeOrganisationId,
            mentorPersonId,
            mentorOrganisationId,
            goals,
            status: "active",
            startedOn: today(),
            createdBy: useActor().personId,
          })
          .commit(),
      );
      SiteStats.count(siteId, SiteStats.counterName.activePairs, 1);
      audit({
        siteId,
        action: "mentoring.paired",
        recordType: "mentoring",
        recordId: pairId,
        after: { menteeOrganisationId, mentorOrganisationId, status: "active" },
        changed: ["goals"],
      });
    });
    return get({ siteId, pairId });
  },
);

const busy = "Someone else logged a meeting for this pair just now. Please try again.";

/**
 * The pair (or the team) logs a meeting. The pairing's count and last meeting move under its
 * version; if another meeting was logged at the same moment, this one is tried again on top of
 * it, so neither is lost.
 */
const meetingInput = pairKey.extend({
  date: dateSchema,
  minutes: z
    .number({ error: "Enter how long you met, in minutes." })
    .int("Enter a whole number of minutes.")
    .min(5, "A meeting is at least 5 minutes.")
    .max(600, "A meeting is at most 600 minutes (10 hours)."),
  notes: z.string().trim().max(3000, "Keep the notes to at most 3,000 characters."),
});

export const logMeeting = verb(meetingInput, (input) =>
  logMeetingIn(input, () => readVisible(input.siteId, input.pairId)),
);

/** A national mentor logs a meeting of their own pairing. */
export const logMeetingAsMentor = verb(meetingInput, (input) =>
  logMeetingIn(input, () => readAsNationalMentor(input.siteId, input.pairId)),
);

async function logMeetingIn(
  { siteId, pairId, date, minutes, notes }: z.output<typeof meetingInput>,
  read: () => Promise<StoredPair>,
) {
  const meetingId = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    const pair = await read();
    if (pair.status !== "active") throw new RuleError("This pairing has ended, so no more meetings can be logged.");
    if (date > today()) {
      const message = "Log a meeting once it has happened: choose today or a day before.";
      throw new ValidationError(message, { date: message });
    }
    if (date < pair.startedOn || date < addDays(today(), -365)) {
      const message = "Choose a day since the pairing began.";
      throw new ValidationError(message, { date: message });
    }
    const lastMeetingOn = !pair.lastMeetingOn || date > pair.lastMeetingOn ? date : pair.lastMeetingOn;
    try {
      await change("mentoring.logMeeting", async () => {
        const { write, audit } = useChange();
        write(({ mentoringMeeting }) =>
          mentoringMeeting
            .create({ siteId, pairId, meetingId, date, minutes, notes, loggedBy: useActor().personId })
            .commit(),
        );
        write(
          ({ mentoringPair }) =>
            mentoringPair
              .patch({ siteId, pairId })
              .set({ lastMeetingOn })
              .add({ meetings: 1, version: 1 })
              .where((attributes, operations) => operations.eq(attributes.version, pair.version))
              .commit(),
          () => new ConflictError(busy),
        );
        SiteStats.count(siteId, SiteStats.counterName.meetings, 1, date.slice(0, 7));
        audit({
          siteId,
          action: "mentoring.meeting_logged",
          recordType: "mentoring",
          recordId: pairId,
          after: { date, minutes },
          changed: notes ? ["notes"] : [],
        });
      });
      return withMeetings(siteId, pairId, read());
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(busy);
}

/** The team ends a pairing, saying why. */
export const end = verb(
  pairKey.extend({ version: versionSchema, reason: writtenText("the reason", 3, 500) }),
  async ({ siteId, pairId, version, reason }) => {
    const pair = await readVisible(siteId, pairId);
    if (pair.status !== "active") throw new RuleError("This pairing has already ended.");
    await change("mentoring.end", async () => {
      const { write, audit } = useChange();
      write(
        ({ mentoringPair }) =>
          mentoringPair
            .patch({ siteId, pairId })
            .set({ status: "ended", endedOn: today(), endReason: reason })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () =>
          new ConflictError("Someone else changed this pairing just now. Refresh the page to see it, then try again."),
      );
      SiteStats.count(siteId, SiteStats.counterName.activePairs, -1);
      audit({
        siteId,
        action: "mentoring.ended",
        recordType: "mentoring",
        recordId: pairId,
        before: { status: "active" },
        after: { status: "ended", meetings: pair.meetings },
        changed: ["reason"],
      });
    });
    return get({ siteId, pairId });
  },
);

/**
 * Sets each site's count of pairings that need a check-in (`mentoring:needsCheckIn`) as of
 * `day`. A pairing comes to need one with the passing of time, not with any change to it, so no
 * change can keep this figure; the daily sweep sets it instead, reading each site's pairings (a
 * Query of its partition) and putting the number. Only the sweep writes it, so nothing is lost to
 * a change made meanwhile: the figure is at most a day behind. Returns how many sites and pairings.
 */
export async function countCheckIns(day: string = today()): Promise<{ sites: number; needCheckIn: number }> {
  const { data: sites } = await db.entities.site.query.registry({}).go({ pages: "all", attributes: ["siteId"] });
  let needCheckIn = 0;
  for (const { siteId } of sites) {
    const { data: pairs } = await db.entities.mentoringPair.query
      .bySite({ siteId })
      .go({ pages: "all", attributes: ["status", "startedOn", "lastMeetingOn"] });
    const count = pairs.filter((pair) => stateOf(pair, day) === "needs-check-in").length;
    await db.entities.siteFigures
      .update(SiteStats.figuresKey(siteId, "all"))
      .set({ [figureField(SiteStats.counterName.needsCheckIn)]: count })
      .go();
    needCheckIn += count;
  }
  return { sites: sites.length, needCheckIn };
}
