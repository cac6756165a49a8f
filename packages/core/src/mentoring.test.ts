import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithTeam, approvedProvider, asMember, establishedProvider, publishAndOpen } from "../seeding";
import { auditEvents, auditProblems, useFreshTable } from "../testing";
import * as Activity from "./activity";
import type { Actor } from "./actor";
import { addDays, atTime, dayMs, today } from "./clock";
import * as Cohort from "./cohort";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Mentoring from "./mentoring";
import * as SiteStats from "./site-stats";

useFreshTable();

const siteId = "somerset";
const secretNote = "Talked through the rota problem with Mrs Example's family";
let lead: Actor;
type Provider = { actor: Actor; organisationId: string };
let mentor: Provider;
let mentee: Provider;
let other: Provider;

const as = <T>(actor: Actor, run: () => Promise<T>) => asMember(actor, siteId, run);
const failure = <T>(actor: Actor, run: () => Promise<T>) => as(actor, run).catch((error: unknown) => error);

beforeAll(async () => {
  ({ lead } = await addSiteWithTeam(
    { siteId, name: "Somerset", area: "Somerset" },
    { name: "Sally Lead", email: "sally@somerset.example.org" },
    {},
  ));
  await publishAndOpen(lead, siteId);
  const approved = (name: string, email: string, legalName: string) =>
    approvedProvider(lead, siteId, { name, email }, establishedProvider(legalName, "Taunton"));
  mentor = await approved("Maya Mentor", "maya@quantock.example.org", "Quantock Support CIC");
  mentee = await approved("Mo Mentee", "mo@levels.example.org", "Levels Living CIC");
  other = await approved("Olly Other", "olly@exmoor.example.org", "Exmoor Circles CIC");
}, 60_000);

describe("a pairing's state", () => {
  const start = "2027-01-04";
  const on = (days: number) => addDays(start, days);
  it("is too early to tell in the first 4 weeks, on track after, and needs a check-in when the pair goes quiet", () => {
    const active = { status: "active" as const, startedOn: start };
    expect(Mentoring.stateOf(active, on(10))).toBe("too-early");
    // Never met, three weeks on.
    expect(Mentoring.stateOf(active, on(20))).toBe("too-early");
    expect(Mentoring.stateOf(active, on(21))).toBe("needs-check-in");
    expect(Mentoring.stateOf({ ...active, lastMeetingOn: on(3) }, on(27))).toBe("too-early");
    expect(Mentoring.stateOf({ ...active, lastMeetingOn: on(3) }, on(28))).toBe("on-track");
    // Six weeks since they last met.
    expect(Mentoring.stateOf({ ...active, lastMeetingOn: on(10) }, on(51))).toBe("on-track");
    expect(Mentoring.stateOf({ ...active, lastMeetingOn: on(10) }, on(52))).toBe("needs-check-in");
    expect(Mentoring.stateOf({ status: "ended", startedOn: start }, on(60))).toBeNull();
  });
});

describe("mentoring", () => {
  it("pairs a cohort organisation with a mentor from an established provider, and refuses what does not fit", async () => {
    const candidates = await as(lead, () => Mentoring.candidates({ siteId }));
    expect(candidates.mentors.map((item) => item.name)).toEqual(["Maya Mentor", "Mo Mentee", "Olly Other"]);
    const pair = (mentorPersonId: string, menteeOrganisationId = mentee.organisationId) =>
      Mentoring.create({ siteId, menteeOrganisationId, mentorPersonId, goals: "Grow from three people to five." });
    expect(await failure(lead, () => pair(mentee.actor.personId))).toBeInstanceOf(ValidationError);
    expect(await failure(lead, () => pair(lead.personId))).toBeInstanceOf(ValidationError);
    const { pair: created } = await as(lead, () => pair(mentor.actor.personId));
    expect(created).toMatchObject({
      menteeName: "Levels Living CIC",
      mentorName: "Maya Mentor",
      mentorOrganisationName: "Quantock Support CIC",
      status: "active",
      state: "too-early",
      meetings: 0,
    });
    expect((await SiteStats.counts(siteId)).get(SiteStats.counterName.activePairs)).toBe(1);
  });

  it("shows a pairing and its notes to the pair and the team only", async () => {
    const [pair] = await as(lead, () => Mentoring.list({ siteId }));
    const key = { siteId, pairId: pair?.pairId ?? "" };
    await as(mentee.actor, () => Mentoring.logMeeting({ ...key, date: today(), minutes: 60, notes: secretNote }));
    for (const insider of [lead, mentor.actor, mentee.actor]) {
      const seen = await as(insider, () => Mentoring.get(key));
      expect(seen.meetings.map((meeting) => meeting.notes)).toEqual([secretNote]);
    }
    expect(await failure(other.actor, () => Mentoring.get(key))).toBeInstanceOf(NotFoundError);
    expect(
      await failure(other.actor, () => Mentoring.logMeeting({ ...key, date: today(), minutes: 30, notes: "" })),
    ).toBeInstanceOf(NotFoundError);
    expect(await as(other.actor, () => Mentoring.list({ siteId }))).toEqual([]);
    expect((await as(mentee.actor, () => Mentoring.list({ siteId }))).map((item) => item.pairId)).toEqual([key.pairId]);
  });

  it("keeps every meeting logged at once, and refuses a day in the future", async () => {
    const [pair] = await as(lead, () => Mentoring.list({ siteId }));
    const key = { siteId, pairId: pair?.pairId ?? "" };
    expect(
      await failure(mentor.actor, () =>
        Mentoring.logMeeting({ ...key, date: addDays(today(), 1), minutes: 30, notes: "" }),
      ),
    ).toBeInstanceOf(ValidationError);
    const results = await Promise.allSettled(
      [mentor.actor, mentee.actor, lead].map((actor) =>
        as(actor, () => Mentoring.logMeeting({ ...key, date: today(), minutes: 45, notes: "" })),
      ),
    );
    const logged = results.filter((result) => result.status === "fulfilled").length;
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(ConflictError);
    }
    const { pair: after, meetings } = await as(lead, () => Mentoring.get(key));
    expect(meetings).toHaveLength(1 + logged);
    expect(after.meetings).toBe(1 + logged);
    expect(after.lastMeetingOn).toBe(today());
  });

  it("lists the pairings that need a check-in first, and ends a pairing with a reason", async () => {
    // A pairing begun four weeks ago that never met.
    const quiet = await atTime(new Date(Date.now() - 28 * dayMs), () =>
      as(lead, () =>
        Mentoring.create({
          siteId,
          menteeOrganisationId: other.organisationId,
          mentorPersonId: mentor.actor.personId,
          goals: "Set up as a community interest company.",
        }),
      ),
    );
    const board = await as(lead, () => Mentoring.list({ siteId }));
    expect(board.map((item) => [item.menteeName, item.state])).toEqual([
      ["Exmoor Circles CIC", "needs-check-in"],
      ["Levels Living CIC", "too-early"],
    ]);
    // The daily sweep sets the site's figure as of its day: a quiet pair today, both in seven weeks.
    const needsCheckIn = async () => (await SiteStats.counts(siteId)).get(SiteStats.counterName.needsCheckIn);
    expect(await Mentoring.countCheckIns()).toEqual({ sites: 1, needCheckIn: 1 });
    expect(await needsCheckIn()).toBe(1);
    await Mentoring.countCheckIns(addDays(today(), 50));
    expect(await needsCheckIn()).toBe(2);
    const key = { siteId, pairId: quiet.pair.pairId };
    expect(
      await failure(lead, () => Mentoring.end({ ...key, version: quiet.pair.version, reason: "" })),
    ).toBeInstanceOf(ValidationError);
    const ended = await as(lead, () =>
      Mentoring.end({ ...key, version: quiet.pair.version, reason: "They found a mentor nearer home." }),
    );
    expect(ended.pair).toMatchObject({ status: "ended", state: null, endReason: "They found a mentor nearer home." });
    expect(
      await failure(lead, () => Mentoring.end({ ...key, version: ended.pair.version, reason: "Again." })),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(other.actor, () => Mentoring.logMeeting({ ...key, date: today(), minutes: 30, notes: "" })),
    ).toBeInstanceOf(RuleError);
    expect((await SiteStats.counts(siteId)).get(SiteStats.counterName.activePairs)).toBe(1);
    // An ended pairing needs no check-in.
    await Mentoring.countCheckIns();
    expect(await needsCheckIn()).toBe(0);
  });

  it("audits each step with no notes, goals or reasons, and words it in the activity list", async () => {
    expect(
      auditProblems(await auditEvents(), [secretNote, "Grow from three people", "nearer home", "Maya Mentor"]),
    ).toEqual([]);
    const { items } = await as(lead, () => Activity.list({ siteId, limit: 50 }));
    const summaries = items.map((item) => item.summary);
    expect(summaries).toContain("Paired Levels Living CIC with a mentor from Quantock Support CIC");
    expect(summaries).toContain(`Logged a mentoring meeting on ${today()} (1 hour)`);
    expect(summaries).toContain("Ended a mentoring pairing after 0 meetings");
    expect((await as(lead, () => Cohort.directory({ siteId }))).organisations).toHaveLength(3);
  });
});
