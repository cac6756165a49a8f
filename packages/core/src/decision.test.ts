import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithTeam, asMember, publishAndOpen, signUpAndRegister } from "../seeding";
import { allItems, auditEvents, auditProblems, changesSince, queuedSince, useFreshTable } from "../testing";
import type { Actor } from "./actor";
import * as Application from "./application";
import { addDays, atTime, dayMs, today } from "./clock";
import * as Decision from "./decision";
import * as DevelopmentPlan from "./development-plan";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as InformationRequest from "./information-request";
import { render } from "./messages";
import * as Organisation from "./organisation";
import type { CqcStatus } from "./organisation-shape";
import type { QueuedMessage } from "./outbox";
import * as Process from "./process";
import * as Review from "./review";
import * as SiteStats from "./site-stats";

useFreshTable();

const siteId = "lancashire";
const appUrl = "https://smallsupports.example.org";
let lead: Actor;
let secondLead: Actor;
let esme: Actor;
let eddie: Actor;
let erin: Actor;
const people = {
  lead: { name: "Lena Lead", email: "lena@example.org" },
  secondLead: { name: "Luke Lead", email: "luke@example.org" },
  esme: { name: "Esme Expert", email: "esme@example.org" },
  eddie: { name: "Eddie Expert", email: "eddie@example.org" },
  erin: { name: "Erin Expert", email: "erin@example.org" },
};

const answers: Record<string, Application.AnswerValue> = {
  "q-how-started": "Two of us left a large provider to run support the way the person wants.",
  "q-people-now": "o-1-to-5",
  "q-values": "The person and their family decide what good support looks like.",
  "q-one-person": "We moved the whole rota so that Sunday football never clashes.",
  "q-different": "We stay small on purpose and never sell services on.",
};
const rationale = "The panel saw strong values and real examples of support shaped around one person.";
const feedback = "Your answers about one person were the strongest the panel read this year.";
const criterionIds = Array.from({ length: 9 }, (_, index) => `c-${index + 1}`);

beforeAll(async () => {
  ({ lead, secondLead, esme, eddie, erin } = await addSiteWithTeam(
    { siteId, name: "Lancashire and South Cumbria", area: "Lancashire and South Cumbria" },
    people.lead,
    {
      secondLead: { ...people.secondLead, role: "lead" },
      esme: { ...people.esme, role: "expert" },
      eddie: { ...people.eddie, role: "expert" },
      erin: { ...people.erin, role: "expert" },
    },
  ));
  await publishAndOpen(lead, siteId);
});

type Key = { siteId: string; organisationId: string; applicationId: string };
interface Applicant {
  key: Key;
  provider: Actor;
  organisationId: string;
}

const as = <T>(actor: Actor, run: () => Promise<T>) => asMember(actor, siteId, run);
const failure = <T>(actor: Actor, run: () => Promise<T>) => as(actor, run).catch((error: unknown) => error);
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs);

let applicants = 0;
/** An organisation signs up, writes its application and sends it `sentDaysAgo` days ago. */
async function sentApplication(cqcStatus: CqcStatus, sentDaysAgo = 3): Promise<Applicant> {
  applicants++;
  return atTime(daysAgo(sentDaysAgo + 5), async () => {
    const { actor, organisation } = await signUpAndRegister(
      siteId,
      { name: `Applicant ${applicants}`, email: `applicant${applicants}@example.org` },
      {
        legalName: `Morecambe Bay Support ${applicants} CIC`,
        area: "Morecambe",
        foundedYear: 2021,
        peopleSupported: 3,
        cqcStatus,
        ...(cqcStatus === "registered" ? { cqcRating: "good" as const } : {}),
        difference: "We build support around one person at a time.",
      },
    );
    const { organisationId } = organisation;
    const key = await as(actor, async () => {
      const { application } = await Application.start({ siteId, organisationId });
      const key = { siteId, organisationId, applicationId: application.applicationId };
      for (const [questionId, value] of Object.entries(answers)) {
        await Application.saveAnswer({ ...key, questionId, value, version: 0 });
      }
      await atTime(daysAgo(sentDaysAgo), () => Application.submit({ ...key, version: application.version }));
      return key;
    });
    return { key, provider: actor, organisationId };
  });
}

/** Two experts score (criteria c-1 … c-9 in order) and submit; the lead records the panel's view. */
async function reviewed(key: Key, esmes: number[], eddies: number[]) {
  for (const [reviewer, scores] of [
    [esme, esmes],
    [eddie, eddies],
  ] as const) {
    await as(lead, () => Review.assign({ ...key, reviewerId: reviewer.personId, dueDate: addDays(today(), 14) }));
    await as(reviewer, async () => {
      let { version } = await Review.mine(key);
      ({ version } = await Review.declare({ ...key, version, conflict: false }));
      for (const [index, score] of scores.entries()) {
        ({ version } = await Review.saveScore({
          ...key,
          version,
          criterionId: criterionIds[index] as string,
          score,
          comment: "Seen in the answers.",
        }));
      }
      await Review.submit({ ...key, version });
    });
  }
  await as(lead, () =>
    Review.recordPanel({ ...key, version: 0, agreedView: "The panel agreed after a good talk.", feedback }),
  );
}

async function versionOf(key: Key) {
  return (await as(lead, () => Application.get(key))).application.version;
}

async function decide(key: Key, input: Partial<Parameters<typeof Decision.decide>[0]>, by = lead) {
  const version = await versionOf(key);
  return as(by, () => Decision.decide({ ...key, version, outcome: "approved", rationale, ...input }));
}

/** The site's named counters that `run` changed, and by how much. */
async function counterChanges(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await SiteStats.counts(siteId);
  await run();
  const after = await SiteStats.counts(siteId);
  const changed: Record<string, number> = {};
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const difference = (after.get(name) ?? 0) - (before.get(name) ?? 0);
    if (difference !== 0) changed[name] = difference;
  }
  return changed;
}

const standingOf = async (applicant: Applicant) =>
  (await as(applicant.provider, () => Organisation.get({ siteId, organisationId: applicant.organisationId }))).standing;

describe("a request for more information", () => {
  it("reopens only the questions asked about, keeps the answers before and after, and holds the decision", async () => {
    const applicant = await sentApplication("registered");
    const { key, provider } = applicant;
    const application = await as(lead, () => Application.get(key));
    const { version } = application.application;
    const answerVersion = (questionId: string) =>
      application.answers.find((answer) => answer.questionId === questionId)?.version ?? 0;
    const message = "Tell us more about your values, and whether you are based locally.";

    expect(
      await failure(lead, () => InformationRequest.request({ ...key, version, questionIds: ["q-nope"], message })),
    ).toBeInstanceOf(ValidationError);
    expect(
      await failure(lead, () =>
        InformationRequest.request({ ...key, version: version + 1, questionIds: ["q-values"], message }),
      ),
    ).toBeInstanceOf(ConflictError);

    const mark = await allItems();
    const requested = await as(lead, () =>
      InformationRequest.request({ ...key, version, questionIds: ["q-values", "q-local"], message }),
    );
    expect(requested.status).toBe("submitted");
    // A set: its order is not kept.
    expect([...requested.requestedQuestionIds].sort()).toEqual(["q-local", "q-values"]);
    expect(requested.openRequestId).toEqual(expect.any(String));
    const [notice, ...others] = await queuedSince(mark);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ template: "information-requested", to: { person: provider.personId } });
    const email = await render(notice as QueuedMessage, appUrl);
    const text = `${email?.subject}\n${email?.plain}\n${email?.easyRead}`;
    for (const answer of Object.values(answers)) expect(text).not.toContain(String(answer));
    expect(text).not.toContain(message);
    expect(email?.to).toBe(`applicant${applicants}@example.org`);

    expect(
      await failure(lead, () =>
        InformationRequest.request({ ...key, version: requested.version, questionIds: ["q-different"], message }),
      ),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(lead, () =>
        Decision.decide({ ...key, version: requested.version, outcome: "approved", rationale }),
      ),
    ).toBeInstanceOf(RuleError);

    // Only the questions asked about open again.
    expect(
      await failure(provider, () =>
        Application.saveAnswer({
          ...key,
          questionId: "q-different",
          value: "Changed while nobody asked.",
          version: answerVersion("q-different"),
        }),
      ),
    ).toBeInstanceOf(RuleError);
    const emptied = await as(provider, () =>
      Application.saveAnswer({ ...key, questionId: "q-values", value: "", version: answerVersion("q-values") }),
    );
    const unanswered = await failure(provider, () =>
      InformationRequest.sendBack({ ...key, version: requested.version }),
    );
    expect(unanswered).toBeInstanceOf(ValidationError);
    expect((unanswered as ValidationError).fields).toEqual({ "q-values": "Answer this question." });

    const newValues = "We write every plan with the person, and their family when they want that.";
    await as(provider, () =>
      Application.saveAnswer({ ...key, questionId: "q-values", value: newValues, version: emptied.version }),
    );
    await as(provider, () => Application.saveAnswer({ ...key, questionId: "q-local", value: true, version: 0 }));
    const waiting = await as(provider, () => InformationRequest.list(key));
    expect(waiting).toEqual([
      expect.objectContaining({
        status: "open",
        questionIds: ["q-values", "q-local"],
        message,
        requestedByName: people.lead.name,
        answersBefore: { "q-values": answers["q-values"], "q-local": null },
        answersAfter: null,
      }),
    ]);

    expect(
      await failure(provider, () => InformationRequest.sendBack({ ...key, version: requested.version + 1 })),
    ).toBeInstanceOf(ConflictError);
    const sentBack = await as(provider, () => InformationRequest.sendBack({ ...key, version: requested.version }));
    expect(sentBack).toMatchObject({ status: "submitted", openRequestId: null, requestedQuestionIds: [] });
    expect(await as(lead, () => InformationRequest.list(key))).toEqual([
      expect.objectContaining({
        status: "answered",
        answersBefore: { "q-values": answers["q-values"], "q-local": null },
        answersAfter: { "q-values": newValues, "q-local": true },
        answeredAt: expect.any(String),
      }),
    ]);

    // The questions lock again, and there is nothing more to send back.
    const current = await as(provider, () => Application.get(key));
    const valuesVersion = current.answers.find((answer) => answer.questionId === "q-values")?.version ?? 0;
    expect(
      await failure(provider, () =>
        Application.saveAnswer({ ...key, questionId: "q-values", value: "Again.", version: valuesVersion }),
      ),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(provider, () => InformationRequest.sendBack({ ...key, version: sentBack.version })),
    ).toBeInstanceOf(RuleError);

    // Another organisation cannot read the request.
    const stranger = await sentApplication("registered");
    expect(await failure(stranger.provider, () => InformationRequest.list(key))).toBeInstanceOf(NotFoundError);

    expect((await decide(key, { outcome: "approved" })).outcome).toBe("approved");
  });
});

describe("each outcome", () => {
  it("approves: the standing, the counts, the letter, closed reviews and a plan from the weakest criteria", async () => {
    const applicant = await sentApplication("registered", 40);
    const { key, provider } = applicant;
    //                 c-1 c-2 c-3 c-4 c-5 c-6 c-7 c-8 c-9
    await reviewed(key, [4, 1, 4, 3, 4, 2, 4, 4, 4], [4, 2, 3, 4, 4, 1, 4, 4, 4]);
    // Erin was asked too but never started: her review leaves her inbox when the panel decides.
    await as(lead, () => Review.assign({ ...key, reviewerId: erin.personId, dueDate: addDays(today(), 14) }));
    expect((await Review.openFor(erin.personId)).map((review) => review.applicationId)).toContain(key.applicationId);

    expect(
      await failure(lead, () => decide(key, { outcome: "walking-through", conditions: ["Register with CQC."] })),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(lead, () => decide(key, { outcome: "approved", conditions: ["Register with CQC."] })),
    ).toBeInstanceOf(ValidationError);
    expect(await failure(lead, () => decide(key, { outcome: "approved", rationale: "Too short." }))).toBeInstanceOf(
      ValidationError,
    );

    const mark = await allItems();
    const changes = await counterChanges(() => decide(key, { outcome: "approved" }));
    expect(changes).toEqual({
      "decision:approved": 1,
      // Sent 40 days ago: in the histogram's 31 to 60 days bucket.
      "decideDays:60": 1,
      "column:s-application": -1,
      "column:decided": 1,
      "standing:in-review": -1,
      "standing:approved": 1,
      // An approved organisation joins the site's cohort.
      "cohort:members": 1,
    });
    expect(await standingOf(applicant)).toBe("approved");
    const [notice, ...others] = await queuedSince(mark);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ template: "decision-made", to: { person: provider.personId } });
    const email = await render(notice as QueuedMessage, appUrl);
    expect(`${email?.plain}${email?.easyRead}`).not.toContain(rationale);
    expect(email?.plain).toContain(
      `/organisations/${siteId}/${key.organisationId}/applications/${key.applicationId}/decision`,
    );

    const letter = await as(provider, () => Decision.get(key));
    expect(letter).toMatchObject({
      outcome: "approved",
      rationale,
      conditions: [],
      whatWouldChange: null,
      feedback,
      decidedByName: people.lead.name,
      organisationName: `Morecambe Bay Support ${applicants} CIC`,
      siteName: "Lancashire and South Cumbria",
    });
    const application = await as(provider, () => Application.get(key));
    expect(application.application).toMatchObject({ status: "decided", stageId: "s-application", outcome: "approved" });

    // The reviews still open close: out of the inbox, and no more scores to add.
    expect((await Review.openFor(erin.personId)).map((review) => review.applicationId)).not.toContain(
      key.applicationId,
    );
    const erins = await as(erin, () => Review.mine(key));
    expect(
      await failure(erin, () => Review.declare({ ...key, version: erins.version, conflict: false })),
    ).toBeInstanceOf(RuleError);

    // Goals seeded from the three weakest criteria, weakest first.
    const plan = await as(provider, () => DevelopmentPlan.list({ siteId, organisationId: key.organisationId }));
    expect(plan.open).toBe(true);
    const { definition } = await as(lead, () => Process.published({ siteId, number: 1 }));
    const wordingOf = (criterionId: string) =>
      definition.criteria.find((criterion) => criterion.criterionId === criterionId)?.wording.plain;
    expect(plan.goals.map((goal) => [goal.criterionId, goal.title, goal.status])).toEqual([
      ["c-2", wordingOf("c-2"), "not-started"],
      ["c-6", wordingOf("c-6"), "not-started"],
      ["c-3", wordingOf("c-3"), "not-started"],
    ]);
    expect(plan.goals[0]?.now).toBe("The panel's average was 1.5 of 4: Some signs of this.");

    expect(await failure(lead, () => decide(key, { outcome: "declined" }))).toBeInstanceOf(RuleError);
    expect(
      await failure(provider, () => Application.start({ siteId, organisationId: key.organisationId })),
    ).toBeInstanceOf(RuleError);
  });

  it("approves to walk through only an organisation not registered with CQC, with conditions as goals", async () => {
    const applicant = await sentApplication("in-progress");
    const { key, provider } = applicant;
    await reviewed(key, [3, 3, 3, 3, 3, 3, 3, 3, 2], [3, 3, 3, 3, 3, 3, 3, 4, 2]);
    // Luke, the other lead, knows the organisation: he takes no part in its decision.
    await as(lead, () => Review.assign({ ...key, reviewerId: secondLead.personId, dueDate: addDays(today(), 7) }));
    await as(secondLead, async () => {
      const { version } = await Review.mine(key);
      await Review.declare({ ...key, version, conflict: true, reason: "My sister works for them." });
    });
    const conditions = ["Finish registering with the Care Quality Commission.", "Recruit a second team leader."];
    expect(
      await failure(secondLead, () => decide(key, { outcome: "walking-through", conditions }, secondLead)),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await failure(secondLead, async () =>
        InformationRequest.request({
          ...key,
          version: await versionOf(key),
          questionIds: ["q-values"],
          message: "Tell us more about your values.",
        }),
      ),
    ).toBeInstanceOf(ForbiddenError);

    const noConditions = await failure(lead, () => decide(key, { outcome: "walking-through" }));
    expect(noConditions).toBeInstanceOf(ValidationError);
    expect((noConditions as ValidationError).fields).toHaveProperty("conditions");

    const changes = await counterChanges(() => decide(key, { outcome: "walking-through", conditions }));
    expect(changes).toMatchObject({
      "decision:walking-through": 1,
      "decideDays:7": 1,
      "column:decided": 1,
      "standing:walking-through": 1,
      "standing:in-review": -1,
    });
    expect(await standingOf(applicant)).toBe("walking-through");
    expect((await as(provider, () => Decision.get(key))).conditions).toEqual(conditions);

    const plan = await as(provider, () => DevelopmentPlan.list({ siteId, organisationId: key.organisationId }));
    expect(plan.goals.map((goal) => [goal.criterionId, goal.title])).toEqual([
      // c-9 is weakest; c-1 … c-7 tie at 3 and the first of them comes next.
      ["c-9", expect.any(String)],
      ["c-1", expect.any(String)],
      ["c-2", expect.any(String)],
      [null, conditions[0]],
      [null, conditions[1]],
    ]);
    // The provider keeps the plan up to date.
    const goal = plan.goals[3];
    const updated = await as(provider, () =>
      DevelopmentPlan.updateGoal({
        siteId,
        organisationId: key.organisationId,
        goalId: goal?.goalId ?? "",
        version: goal?.version ?? 0,
        goal: {
          title: goal?.title ?? "",
          now: "Our application is with CQC.",
          aim: "Registered.",
          actions: "Answer CQC's questions within a week.",
          owner: "Our manager",
          targetDate: addDays(today(), 90),
          status: "in-progress",
        },
      }),
    );
    expect(updated.goals[3]).toMatchObject({ status: "in-progress", owner: "Our manager" });
  });

  it("says not yet, with what would change the answer, and lets the organisation apply again", async () => {
    const applicant = await sentApplication("not-registered");
    const { key, provider } = applicant;
    const missing = await failure(lead, () => decide(key, { outcome: "not-yet" }));
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).fields).toHaveProperty("whatWouldChange");

    const whatWouldChange = "Support at least one person for six months, then tell us how it went.";
    const changes = await counterChanges(() => decide(key, { outcome: "not-yet", whatWouldChange }));
    expect(changes).toMatchObject({ "decision:not-yet": 1, "standing:not-yet": 1, "column:decided": 1 });
    expect(await standingOf(applicant)).toBe("not-yet");
    expect(await as(provider, () => Decision.get(key))).toMatchObject({
      outcome: "not-yet",
      whatWouldChange,
      feedback: null,
    });

    const plan = await as(provider, () => DevelopmentPlan.list({ siteId, organisationId: key.organisationId }));
    expect(plan).toMatchObject({ open: false, goals: [] });
    expect(
      await failure(provider, () =>
        DevelopmentPlan.addGoal({
          siteId,
          organisationId: key.organisationId,
          goal: { title: "A goal", now: "", aim: "", actions: "", owner: "", targetDate: null, status: "not-started" },
        }),
      ),
    ).toBeInstanceOf(RuleError);

    // The door stays open.
    const again = await as(provider, () => Application.start({ siteId, organisationId: key.organisationId }));
    expect(again.application.status).toBe("draft");
    expect(await standingOf(applicant)).toBe("applying");
    const history = await as(provider, () => Application.history({ siteId, organisationId: key.organisationId }));
    expect(history.map((application) => application.status)).toEqual(expect.arrayContaining(["decided", "draft"]));
    expect((await as(provider, () => Decision.get(key))).outcome).toBe("not-yet");
  });

  it("declines, with no plan and no new application", async () => {
    const applicant = await sentApplication("registered");
    const { key, provider } = applicant;
    const changes = await counterChanges(() => decide(key, { outcome: "declined" }));
    expect(changes).toMatchObject({ "decision:declined": 1, "standing:declined": 1, "column:decided": 1 });
    expect(await standingOf(applicant)).toBe("declined");
    expect(
      (await as(provider, () => DevelopmentPlan.list({ siteId, organisationId: key.organisationId }))).goals,
    ).toEqual([]);
    expect(
      await failure(provider, () => Application.start({ siteId, organisationId: key.organisationId })),
    ).toBeInstanceOf(RuleError);
    const decided = await versionOf(key);
    expect(await failure(provider, () => Application.withdraw({ ...key, version: decided }))).toBeInstanceOf(RuleError);

    // Another organisation's people cannot read the decision or the plan.
    const other = await sentApplication("registered");
    expect(await failure(other.provider, () => Decision.get(key))).toBeInstanceOf(NotFoundError);
    expect(
      await failure(other.provider, () => DevelopmentPlan.list({ siteId, organisationId: key.organisationId })),
    ).toBeInstanceOf(NotFoundError);
  });

  it("refuses a decision on a draft or a withdrawn application", async () => {
    const withdrawn = await sentApplication("registered");
    const version = await versionOf(withdrawn.key);
    await as(withdrawn.provider, () => Application.withdraw({ ...withdrawn.key, version }));
    expect(await failure(lead, () => decide(withdrawn.key, { outcome: "approved" }))).toBeInstanceOf(RuleError);

    const again = await as(withdrawn.provider, () =>
      Application.start({ siteId, organisationId: withdrawn.organisationId }),
    );
    const draftKey = { ...withdrawn.key, applicationId: again.application.applicationId };
    expect(await failure(lead, () => decide(draftKey, { outcome: "approved" }))).toBeInstanceOf(RuleError);
  });
});

describe("two leads deciding at once", () => {
  it("records one decision: the other lead is told, and everything is counted once", async () => {
    const applicant = await sentApplication("registered");
    const { key } = applicant;
    await reviewed(key, [4, 4, 4, 4, 4, 4, 4, 4, 3], [4, 4, 4, 4, 4, 4, 4, 3, 3]);
    const version = await versionOf(key);
    const mark = await allItems();
    let settled: PromiseSettledResult<Decision.DecisionLetter>[] = [];
    const changes = await counterChanges(async () => {
      settled = await Promise.allSettled([
        as(lead, () => Decision.decide({ ...key, version, outcome: "approved", rationale })),
        as(secondLead, () => Decision.decide({ ...key, version, outcome: "declined", rationale })),
      ]);
    });
    expect(settled.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const winner = settled.find(
      (result) => result.status === "fulfilled",
    ) as PromiseFulfilledResult<Decision.DecisionLetter>;
    const loser = settled.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);

    const outcome = winner.value.outcome;
    expect(changes).toMatchObject({
      [`decision:${outcome}`]: 1,
      "decideDays:7": 1,
      "column:decided": 1,
      "column:s-application": -1,
      [`standing:${outcome}`]: 1,
      "standing:in-review": -1,
    });
    expect(Object.keys(changes).filter((name) => name.startsWith("decision:"))).toEqual([`decision:${outcome}`]);
    expect(await standingOf(applicant)).toBe(outcome);

    const { added } = await changesSince(mark);
    const kinds = added.map((item) => String(item.__edb_e__));
    expect(kinds.filter((kind) => kind === "decision")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "outboxMessage")).toHaveLength(1);
    expect(added.filter((item) => item.action === "decision.made")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "developmentGoal")).toHaveLength(outcome === "approved" ? 2 : 0);
  });
});

describe("the site's counts", () => {
  it("keep the board's decided column and every standing equal to the records", async () => {
    const summary = await as(lead, () => Application.boardSummary({ siteId }));
    const decided = summary.columns.find((column) => column.column === "decided");
    const page = await as(lead, () => Application.board({ siteId, column: "decided", limit: 100 }));
    expect(decided?.count).toBe(page.items.length);
    expect(page.items.every((item) => item.status === "decided")).toBe(true);
    // Approved, walking through, not yet (since applying again), declined, the request's approval, the race.
    expect(page.items).toHaveLength(6);

    const counts = await SiteStats.counts(siteId);
    const organisations = (await allItems()).filter((item) => item.__edb_e__ === "organisation");
    const standings = new Map<string, number>();
    for (const organisation of organisations) {
      const name = SiteStats.counterName.standing(String(organisation.standing));
      standings.set(name, (standings.get(name) ?? 0) + 1);
    }
    for (const [name, value] of counts) {
      if (name.startsWith("standing:")) expect(value, name).toBe(standings.get(name) ?? 0);
    }
    const decisions = [...counts].filter(([name]) => name.startsWith("decision:"));
    expect(decisions.reduce((sum, [, value]) => sum + value, 0)).toBe(6);
    const histogram = [...counts].filter(([name]) => name.startsWith("decideDays:"));
    expect(histogram.reduce((sum, [, value]) => sum + value, 0)).toBe(6);
  });

  it("audits every change without names, answers or the letter's words", async () => {
    const events = await auditEvents();
    const actions = new Set(events.map((event) => event.action));
    for (const action of ["decision.made", "application.information_requested", "application.information_sent"]) {
      expect(actions).toContain(action);
    }
    const secrets = [
      ...Object.values(people).flatMap((person) => [person.name, person.email]),
      ...Object.values(answers).map(String),
      rationale,
      feedback,
      "Support at least one person",
      "Recruit a second team leader",
      "Tell us more about your values",
      "My sister works for them",
    ];
    expect(auditProblems(events, secrets)).toEqual([]);
  });
});
