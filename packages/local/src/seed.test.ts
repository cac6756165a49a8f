import {
  Activity,
  Analytics,
  Application,
  Clock,
  Cohort,
  CohortSession,
  Decision,
  DevelopmentPlan,
  ExpertTime,
  InformationRequest,
  Invitation,
  Mentoring,
  NationalEvent,
  NationalMentor,
  Organisation,
  Person,
  Process,
  Review,
  Site,
  SiteStats,
} from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { asMember } from "@smallsupports/core/seeding";
import { useFreshTable } from "@smallsupports/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "./seed";
import { seedSites } from "./seed-data";

useFreshTable();
// The whole demo, twelve sites through the services: minutes on a busy machine.
beforeAll(() => seed(), 300_000);

describe("the demo seed", () => {
  it("creates twelve sites, each with a lead, a team, experts and providers", async () => {
    const { items } = await withActor(systemActor, () => Site.list({ limit: 100 }));
    expect(items.map((site) => site.siteId).sort()).toEqual(seedSites.map((site) => site.siteId).sort());
    for (const site of items) {
      expect(site.leads).toHaveLength(1);
      expect(site.memberCounts.team).toBeGreaterThanOrEqual(2);
      expect(site.memberCounts.expert).toBeGreaterThanOrEqual(3);
      expect(site.memberCounts.provider).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives every site an activity history and every person a distinct name", async () => {
    for (const site of seedSites) {
      expect((await Activity.list({ siteId: site.siteId, limit: 100 })).items.length).toBeGreaterThanOrEqual(10);
    }
    const people = await Person.directory();
    expect(new Set(people.map((person) => person.name)).size).toBe(people.length);
    expect(people.filter((person) => person.national)).toHaveLength(3);
  });

  it("leaves invitations waiting in every site, and one run out in every third site", async () => {
    const states = await Promise.all(
      seedSites.map(async (site) => {
        const { items } = await withActor(systemActor, () => Invitation.list({ siteId: site.siteId, limit: 100 }));
        return items.map((invitation) => invitation.status).sort();
      }),
    );
    for (const [index, statuses] of states.entries()) {
      expect(statuses).toEqual(index % 3 === 0 ? ["expired", "pending", "pending"] : ["pending", "pending"]);
    }
  });
});

describe("the demo's provider approval", () => {
  it("publishes every site's process and leaves all but one open to applications", async () => {
    const open = await Site.listOpen();
    expect(open.map((site) => site.siteId).sort()).toEqual(
      seedSites
        .map((site) => site.siteId)
        .filter((siteId) => siteId !== "kent-medway")
        .sort(),
    );
    for (const site of seedSites) expect(await Process.latestNumber(site.siteId)).toBeGreaterThanOrEqual(1);
    // Lancashire and South Cumbria's example cohort applied on the first version; later ones on the second.
    expect(await Process.latestNumber("lancashire-south-cumbria")).toBe(2);
  });

  it("has organisations at every point of applying in every site, counted as they stand", async () => {
    for (const site of seedSites) {
      const counts = await SiteStats.counts(site.siteId);
      for (const standing of ["interest", "applying", "in-review", "withdrawn"]) {
        expect(counts.get(`standing:${standing}`), `${site.siteId} ${standing}`).toBeGreaterThanOrEqual(1);
      }
      // Every site has live applications in its stages, and has decided on one.
      for (const column of ["s-interest", "s-application", "s-panel", "s-conversation", "decided", "withdrawn"]) {
        expect(counts.get(`column:${column}`), `${site.siteId} ${column}`).toBeGreaterThanOrEqual(1);
      }
    }
    // Lancashire and South Cumbria's lead has one waiting for the decision, with the panel's view.
    expect((await SiteStats.counts(lancashire)).get("column:s-decision")).toBe(1);
  });

  it("holds Lancashire and South Cumbria's three example providers, the middle one approved to walk through", async () => {
    const where = new Map<string, Application.Application>();
    for (const column of ["s-interest", "s-conversation", "decided"]) {
      const { items } = await Application.board({ siteId: lancashire, column, limit: 50 });
      for (const item of items) where.set(item.organisationName, item);
    }
    expect(where.get("Lune Valley Living")?.stageId).toBe("s-interest");
    expect(where.get("Bay Horizons")?.stageId).toBe("s-conversation");
    const pendle = where.get("Pendle Circles Ltd");
    expect(pendle).toMatchObject({ status: "decided", outcome: "walking-through", cqcStatus: "in-progress" });
    const lead = await leadOf(lancashire);
    const key = keyOf(pendle as Application.Application);
    const letter = await asMember(lead, lancashire, () => Decision.get(key));
    expect(letter.conditions.length).toBeGreaterThanOrEqual(1);
    expect(letter.feedback).toMatch(/Care Quality Commission/);
    const organisation = await asMember(lead, lancashire, () =>
      Organisation.get({ siteId: lancashire, organisationId: key.organisationId }),
    );
    expect(organisation.standing).toBe("walking-through");
    // Its plan: the panel's weakest criteria and the conditions, some under way.
    const plan = await asMember(lead, lancashire, () =>
      DevelopmentPlan.list({ siteId: lancashire, organisationId: key.organisationId }),
    );
    const registration = plan.goals.find((goal) => goal.title.startsWith("Finish registering"));
    expect(registration).toMatchObject({ status: "in-progress", owner: "Our registered manager" });
    expect(plan.goals.some((goal) => goal.criterionId && goal.status === "done")).toBe(true);
    // Three reviewers scored it side by side: two experts by experience and a team member.
    const panel = await asMember(lead, lancashire, () => Review.panel(key));
    expect(panel.reviewers.map((reviewer) => reviewer.role).sort()).toEqual(["expert", "expert", "team"]);
  });
});

const lancashire = "lancashire-south-cumbria";

async function leadOf(siteId: string) {
  const site = await Site.get({ siteId });
  return { personId: site.leads[0]?.personId ?? "", national: false };
}

const keyOf = (application: Application.Application) => ({
  siteId: application.siteId,
  organisationId: application.organisationId,
  applicationId: application.applicationId,
});

async function column(siteId: string, name: string) {
  return (await Application.board({ siteId, column: name, limit: 50 })).items;
}

describe("the demo's panels and decisions", () => {
  it("has, in every site, a live panel with reviews submitted and still to come, from experts and the team", async () => {
    const recusals: string[] = [];
    for (const site of seedSites) {
      const lead = await leadOf(site.siteId);
      const [application] = await column(site.siteId, "s-panel");
      expect(application, site.siteId).toBeDefined();
      const assignments = await asMember(lead, site.siteId, () =>
        Review.assignments(keyOf(application as Application.Application)),
      );
      const states = assignments.map((assignment) => assignment.state);
      expect(states, site.siteId).toEqual(expect.arrayContaining(["submitted", "scoring", "declare"]));
      expect(new Set(assignments.map((assignment) => assignment.role))).toEqual(new Set(["expert", "team"]));
      for (const assignment of assignments) expect(assignment.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const panel = await asMember(lead, site.siteId, () =>
        Review.panel(keyOf(application as Application.Application)),
      );
      expect(panel.reviewers).toHaveLength(1);
      expect(Object.values(panel.reviewers[0]?.comments ?? {}).every((comment) => comment.length > 5)).toBe(true);
      recusals.push(...panel.recusals.map((recusal) => recusal.reason));
    }
    expect(recusals.length).toBeGreaterThanOrEqual(1);
    expect(recusals.every((reason) => reason.length > 10)).toBe(true);
  });

  it("has decisions of every kind across the sites, each with a letter carrying the panel's feedback", async () => {
    const outcomes = new Set<string>();
    for (const site of seedSites) {
      const lead = await leadOf(site.siteId);
      for (const application of await column(site.siteId, "decided")) {
        const letter = await asMember(lead, site.siteId, () => Decision.get(keyOf(application)));
        outcomes.add(letter.outcome);
        expect(letter.rationale.length).toBeGreaterThan(20);
        expect(letter.feedback?.length).toBeGreaterThan(20);
        expect(letter.organisationName).toBe(application.organisationName);
        if (letter.outcome === "walking-through") expect(letter.conditions.length).toBeGreaterThanOrEqual(1);
        else expect(letter.conditions).toEqual([]);
        if (letter.outcome === "not-yet") expect(letter.whatWouldChange?.length).toBeGreaterThan(20);
      }
    }
    expect([...outcomes].sort()).toEqual(["approved", "declined", "not-yet", "walking-through"]);
  });

  it("has development plans under way for approved providers, updated by the provider and the team", async () => {
    let plans = 0;
    for (const site of seedSites) {
      const lead = await leadOf(site.siteId);
      for (const application of await column(site.siteId, "decided")) {
        if (application.outcome !== "approved" && application.outcome !== "walking-through") continue;
        const plan = await asMember(lead, site.siteId, () =>
          DevelopmentPlan.list({ siteId: site.siteId, organisationId: application.organisationId }),
        );
        expect(plan.open).toBe(true);
        expect(plan.goals.length, site.siteId).toBeGreaterThanOrEqual(2);
        const started = plan.goals.filter((goal) => goal.status !== "not-started");
        expect(started.length, site.siteId).toBeGreaterThanOrEqual(1);
        for (const goal of started) {
          expect(goal.actions.length).toBeGreaterThan(10);
          expect(goal.owner.length).toBeGreaterThan(3);
          expect(goal.targetDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (goal.status === "in-progress") expect(`${goal.targetDate}` >= Clock.today()).toBe(true);
        }
        plans++;
      }
    }
    expect(plans).toBeGreaterThanOrEqual(4);
  });

  it("has one request for more information still open and one answered", async () => {
    const states: string[] = [];
    for (const site of seedSites) {
      const lead = await leadOf(site.siteId);
      for (const application of await column(site.siteId, "s-conversation")) {
        const requests = await asMember(lead, site.siteId, () => InformationRequest.list(keyOf(application)));
        states.push(...requests.map((request) => request.status));
        const answered = requests.find((request) => request.status === "answered");
        if (answered) expect(answered.answersAfter).not.toEqual(answered.answersBefore);
      }
    }
    expect(states.sort()).toEqual(["answered", "open"]);
  });

  it("has every site's experts and lead logging their time over the last two months, and some day rates set", async () => {
    const thisMonth = Clock.today().slice(0, 7);
    const lastMonth = Clock.addDays(`${thisMonth}-01`, -1).slice(0, 7);
    let rates = 0;
    for (const site of seedSites) {
      const lead = await leadOf(site.siteId);
      const logged = new Map<string, number>();
      for (const month of [thisMonth, lastMonth]) {
        const { people } = await asMember(lead, site.siteId, () => ExpertTime.totals({ siteId: site.siteId, month }));
        for (const person of people) logged.set(`${person.role}`, (logged.get(`${person.role}`) ?? 0) + 1);
      }
      expect(logged.get("expert"), site.siteId).toBeGreaterThanOrEqual(3);
      expect(logged.get("lead"), site.siteId).toBeGreaterThanOrEqual(1);
      if (!(await asMember(lead, site.siteId, () => ExpertTime.payRate({ siteId: site.siteId }))).isDefault) rates++;
    }
    expect(rates).toBeGreaterThanOrEqual(2);
  });

  it("leaves reviews due in a week and just overdue, which the daily sweep reminds once", async () => {
    const first = await withActor(systemActor, () => Review.remind());
    expect(first.before).toBeGreaterThanOrEqual(1);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(await withActor(systemActor, () => Review.remind())).toEqual({ before: 0, overdue: 0 });
  });
});

describe("the demo's cohorts", () => {
  it("gives every site a cohort meeting at sessions: past with who came, one full with a waiting list, one cancelled", async () => {
    for (const site of seedSites) {
      const { siteId } = site;
      const lead = await leadOf(siteId);
      const as = <T>(run: () => Promise<T>) => asMember(lead, siteId, run);
      const directory = await as(() => Cohort.directory({ siteId }));
      expect(directory.organisations.length, siteId).toBeGreaterThanOrEqual(2);
      expect(
        directory.organisations.some((member) => member.attended > 0 && member.missed > 0),
        siteId,
      ).toBe(true);
      expect(directory.organisations.flatMap((member) => member.contacts).length, siteId).toBeGreaterThanOrEqual(2);
      expect(directory.removed.length, siteId).toBe(seedSites.indexOf(site) % 3 === 2 ? 1 : 0);

      const upcoming = (await as(() => CohortSession.list({ siteId, when: "upcoming", limit: 50 }))).items;
      const past = (await as(() => CohortSession.list({ siteId, when: "past", limit: 50 }))).items;
      expect(
        upcoming.some((session) => session.booked >= session.capacity && session.waiting > 0),
        siteId,
      ).toBe(true);
      expect(
        upcoming.some((session) => session.status === "cancelled" && session.reason),
        siteId,
      ).toBe(true);
      expect(past.filter((session) => session.attendanceRecorded).length, siteId).toBeGreaterThanOrEqual(2);
      expect(
        past.some((session) => !session.attendanceRecorded),
        siteId,
      ).toBe(true);
      const counts = await SiteStats.counts(siteId);
      expect(counts.get(SiteStats.counterName.sessionsHeld), siteId).toBe(2);
      expect(counts.get(SiteStats.counterName.attended), siteId).toBeGreaterThanOrEqual(3);
      expect(counts.get(SiteStats.counterName.cohortMembers), siteId).toBe(directory.organisations.length);
    }
  });

  it("gives every site mentoring pairs too early to tell, on track and needing a check-in, with meetings logged", async () => {
    let ended = 0;
    for (const site of seedSites) {
      const { siteId } = site;
      const lead = await leadOf(siteId);
      const pairs = await asMember(lead, siteId, () => Mentoring.list({ siteId }));
      const states = new Set(pairs.map((pair) => pair.state));
      for (const state of ["too-early", "on-track", "needs-check-in"])
        expect(states, `${siteId} ${state}`).toContain(state);
      expect(
        pairs.reduce((total, pair) => total + pair.meetings, 0),
        siteId,
      ).toBeGreaterThanOrEqual(3);
      ended += pairs.filter((pair) => pair.status === "ended").length;
      const active = pairs.filter((pair) => pair.status === "active").length;
      expect((await SiteStats.counts(siteId)).get(SiteStats.counterName.activePairs), siteId).toBe(active);
    }
    expect(ended).toBeGreaterThanOrEqual(2);
  });

  it("gives the programme figures something to show in every site: approvals, sessions, panel scores, all fresh", async () => {
    const national = (await Person.directory()).find((person) => person.national);
    const staff = { personId: national?.personId ?? "", national: true };
    const figures = await withActor(staff, () => Analytics.forNational({ period: "all" }));
    expect(figures.sites).toHaveLength(seedSites.length);
    expect(figures.staleSites).toBe(0);
    for (const site of figures.sites) {
      for (const id of ["approvals", "sessionsHeld", "cohortMembers", "activePairs", "expertHours"]) {
        const cell = site.cells[id];
        expect(cell?.kind === "number" && cell.value > 0, `${site.name} ${id}`).toBe(true);
      }
      expect(site.cells.attendance?.kind, site.name).toBe("share");
      expect(site.cells.decideDays?.kind, site.name).toBe("days");
    }
    for (const row of figures.characteristics) expect(row.bySite.every((cell) => cell.kind === "share")).toBe(true);
    // The last 12 months hold every approval: the demo begins about seven months ago.
    const year = await withActor(staff, () => Analytics.forNational({ period: "year" }));
    const approvals = (dashboard: typeof year) =>
      dashboard.sites.map((site) => (site.cells.approvals?.kind === "number" ? site.cells.approvals.value : 0));
    expect(approvals(year)).toEqual(approvals(figures));
    expect(year.programmeMonthly.approvals.reduce((sum, count) => sum + count, 0)).toBe(
      approvals(figures).reduce((sum, count) => sum + count, 0),
    );
  });

  it("has two national events: one held with who came recorded, one coming up full with a waiting list", async () => {
    const national = (await Person.directory()).find((person) => person.national);
    const staff = { personId: national?.personId ?? "", national: true };
    const events = async (when: "upcoming" | "past") =>
      (await withActor(staff, () => NationalEvent.list({ when, limit: 10 }))).items;
    const upcoming = await events("upcoming");
    const past = await events("past");
    expect(past.map((event) => [event.title, event.attendanceRecorded])).toEqual([
      ["National networking: a year of small supports", true],
    ]);
    expect(upcoming.map((event) => [event.booked, event.capacity, event.waiting > 0])).toEqual([[16, 16, true]]);
    const held = await withActor(staff, () => NationalEvent.get({ sessionId: past[0]?.sessionId ?? "" }));
    expect(new Set(held.places.map((place) => place.siteId)).size).toBe(seedSites.length);
  });

  it("has two national mentors, each mentoring in every other site with a meeting logged", async () => {
    const national = (await Person.directory()).find((person) => person.national);
    const staff = { personId: national?.personId ?? "", national: true };
    const mentors = await withActor(staff, () => NationalMentor.list({}));
    expect(mentors.map((mentor) => [mentor.name, mentor.status])).toEqual([
      ["Jonah Whitfield", "active"],
      ["Marian Ashworth", "active"],
    ]);
    const pairings = [];
    for (const mentor of mentors) {
      pairings.push(...(await withActor({ personId: mentor.personId, national: false }, () => Mentoring.mine({}))));
    }
    expect(pairings).toHaveLength(seedSites.length / 2);
    expect(pairings.every(({ pair }) => pair.meetings === 1 && pair.mentorOrganisationName === "National mentor")).toBe(
      true,
    );
  });
});
