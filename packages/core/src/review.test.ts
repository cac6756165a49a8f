import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithTeam, asMember, publishAndOpen, signUpAndRegister } from "../seeding";
import { allItems, auditEvents, auditProblems, queuedSince, useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import * as Application from "./application";
import { addDays, today } from "./clock";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import { render } from "./messages";
import type { QueuedMessage } from "./outbox";
import * as Process from "./process";
import * as Review from "./review";

useFreshTable();

const siteId = "fylde";
const appUrl = "https://smallsupports.example.org";
let lead: Actor;
let team: Actor;
let esme: Actor;
let eddie: Actor;
let erin: Actor;
let outsider: Actor;
const people = {
  lead: { name: "Lena Lead", email: "lena@example.org" },
  team: { name: "Tom Team", email: "tom@example.org" },
  esme: { name: "Esme Expert", email: "esme@example.org" },
  eddie: { name: "Eddie Expert", email: "eddie@example.org" },
  erin: { name: "Erin Expert", email: "erin@example.org" },
  outsider: { name: "Olive Outsider", email: "olive@example.org" },
};

const answers: Record<string, Application.AnswerValue> = {
  "q-how-started": "Two of us left a large provider to run support the way the person wants.",
  "q-people-now": "o-1-to-5",
  "q-values": "The person and their family decide what good support looks like.",
  "q-one-person": "We moved the whole rota so that Sunday football never clashes.",
  "q-different": "We stay small on purpose and never sell services on.",
};
const conflictReason = "I volunteered with this organisation until last spring";
const criterionIds = Array.from({ length: 9 }, (_, index) => `c-${index + 1}`);

beforeAll(async () => {
  ({ lead, team, esme, eddie, erin, outsider } = await addSiteWithTeam(
    { siteId, name: "Fylde Coast", area: "Fylde Coast" },
    people.lead,
    {
      team: { ...people.team, role: "team" },
      esme: { ...people.esme, role: "expert" },
      eddie: { ...people.eddie, role: "expert" },
      erin: { ...people.erin, role: "expert" },
      outsider: { ...people.outsider, role: "expert" },
    },
  ));
  await publishAndOpen(lead, siteId);
});

type Key = { siteId: string; organisationId: string; applicationId: string };

let applicants = 0;
/** An organisation signs up, writes its application and sends it. */
async function sentApplication(): Promise<{ key: Key; provider: Actor }> {
  applicants++;
  const { actor, organisation } = await signUpAndRegister(
    siteId,
    { name: `Applicant ${applicants}`, email: `applicant${applicants}@example.org` },
    {
      legalName: `Seaside Support ${applicants} CIC`,
      tradingName: `Seaside ${applicants}`,
      area: "Blackpool",
      foundedYear: 2020,
      peopleSupported: 4,
      cqcStatus: "registered",
      cqcRating: "good",
      difference: "We build support around one person at a time.",
    },
  );
  const key = await asMember(actor, siteId, async () => {
    const { application } = await Application.start({ siteId, organisationId: organisation.organisationId });
    const key = { siteId, organisationId: organisation.organisationId, applicationId: application.applicationId };
    for (const [questionId, value] of Object.entries(answers)) {
      await Application.saveAnswer({ ...key, questionId, value, version: 0 });
    }
    await Application.submit({ ...key, version: application.version });
    return key;
  });
  return { key, provider: actor };
}

const as = <T>(actor: Actor, run: () => Promise<T>) => asMember(actor, siteId, run);
const failure = <T>(actor: Actor, run: () => Promise<T>) => as(actor, run).catch((error: unknown) => error);
const dueIn = (days: number) => addDays(today(), days);

async function assign(key: Key, reviewers: Actor[], dueDate = dueIn(14)) {
  for (const reviewer of reviewers) {
    await as(lead, () => Review.assign({ ...key, reviewerId: reviewer.personId, dueDate }));
  }
}

async function declareNone(reviewer: Actor, key: Key) {
  const { version } = await as(reviewer, () => Review.mine(key));
  return as(reviewer, () => Review.declare({ ...key, version, conflict: false }));
}

async function recuse(reviewer: Actor, key: Key) {
  const { version } = await as(reviewer, () => Review.mine(key));
  return as(reviewer, () => Review.declare({ ...key, version, conflict: true, reason: conflictReason }));
}

/** Scores criteria c-1, c-2, … in order (null abstains), and submits unless told not to. */
async function score(reviewer: Actor, key: Key, scores: (number | null)[], options = { submit: true }) {
  return as(reviewer, async () => {
    let { version } = await Review.mine(key);
    for (const [index, value] of scores.entries()) {
      ({ version } = await Review.saveScore({
        ...key,
        version,
        criterionId: criterionIds[index] as string,
        score: value,
        comment: `Reviewer note ${index + 1} on the rota story`,
      }));
    }
    return options.submit ? Review.submit({ ...key, version }) : Review.mine(key);
  });
}

const allFours = criterionIds.map(() => 4);

describe("assigning reviewers", () => {
  it("assigns experts and the team with a due date, never a provider, twice, or for a past day", async () => {
    const { key, provider } = await sentApplication();
    const assigned = await as(lead, () => Review.assign({ ...key, reviewerId: esme.personId, dueDate: dueIn(10) }));
    expect(assigned).toEqual([
      expect.objectContaining({ reviewerId: esme.personId, name: people.esme.name, role: "expert", state: "declare" }),
    ]);
    expect(
      await failure(lead, () => Review.assign({ ...key, reviewerId: esme.personId, dueDate: dueIn(10) })),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(lead, () => Review.assign({ ...key, reviewerId: provider.personId, dueDate: dueIn(10) })),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(lead, () => Review.assign({ ...key, reviewerId: team.personId, dueDate: dueIn(-1) })),
    ).toBeInstanceOf(ValidationError);

    const { actor: drafter, organisation } = await signUpAndRegister(
      siteId,
      { name: "Drafting Dora", email: "dora@example.org" },
      {
        legalName: "Draft Days CIC",
        area: "Fleetwood",
        foundedYear: 2024,
        peopleSupported: 0,
        cqcStatus: "not-registered",
        difference: "We are just starting.",
      },
    );
    const draft = await as(drafter, () => Application.start({ siteId, organisationId: organisation.organisationId }));
    const draftKey = {
      siteId,
      organisationId: organisation.organisationId,
      applicationId: draft.application.applicationId,
    };
    expect(
      await failure(lead, () => Review.assign({ ...draftKey, reviewerId: esme.personId, dueDate: dueIn(10) })),
    ).toBeInstanceOf(RuleError);
  });
});

describe("who sees scores", () => {
  it("shows nobody another reviewer's scores until they have submitted their own", async () => {
    const { key } = await sentApplication();
    await assign(key, [esme, eddie, lead]);

    // At the conflict step a reviewer sees whom the application is from, and nothing of it.
    const atConflictStep = await as(esme, () => Review.mine(key));
    expect(atConflictStep).toMatchObject({
      state: "declare",
      organisationName: `Seaside ${applicants}`,
      organisation: null,
      process: null,
      answers: null,
      scores: {},
    });
    expect(await failure(esme, () => Review.panel(key))).toBeInstanceOf(ForbiddenError);

    // An expert not reviewing it cannot even tell it is there.
    const attempts: (() => Promise<unknown>)[] = [
      () => Review.mine(key),
      () => Review.panel(key),
      () => Review.saveScore({ ...key, version: 1, criterionId: "c-1", score: 1, comment: "" }),
      () => Review.submit({ ...key, version: 1 }),
    ];
    for (const attempt of attempts) {
      expect(await failure(outsider, attempt)).toBeInstanceOf(NotFoundError);
    }

    for (const reviewer of [esme, eddie, lead]) await declareNone(reviewer, key);
    const scoring = await as(esme, () => Review.mine(key));
    expect(scoring.state).toBe("scoring");
    expect(scoring.answers?.map((answer) => answer.questionId).sort()).toEqual(Object.keys(answers).sort());
    expect(scoring.organisation).toMatchObject({ area: "Blackpool", cqcStatus: "registered" });

    await score(esme, key, [1, 2, 3, 4, 1, 2, 3, 4, 1]);
    await score(eddie, key, [4, 4, 4], { submit: false });

    // Eddie is still scoring: his own scores only, and no panel.
    const eddies = await as(eddie, () => Review.mine(key));
    expect(Object.keys(eddies.scores)).toEqual(["c-1", "c-2", "c-3"]);
    expect(eddies.scores["c-1"]?.score).toBe(4);
    expect(await failure(eddie, () => Review.panel(key))).toBeInstanceOf(ForbiddenError);

    // The lead is reviewing this one and has not submitted: refused, like any reviewer.
    expect(await failure(lead, () => Review.panel(key))).toBeInstanceOf(ForbiddenError);

    // Esme has submitted: she sees the submitted scores (hers), never Eddie's unsent ones.
    const seenByEsme = await as(esme, () => Review.panel(key));
    expect(seenByEsme.reviewers.map((reviewer) => reviewer.reviewerId)).toEqual([esme.personId]);
    expect(seenByEsme.criteria[0]).toMatchObject({ criterionId: "c-1", scores: [1], average: 1 });
    expect(seenByEsme.waiting.map((reviewer) => reviewer.reviewerId).sort()).toEqual(
      [eddie.personId, lead.personId].sort(),
    );
    expect(JSON.stringify(seenByEsme.waiting)).not.toContain("score");

    // The team member is not reviewing it, so may read the panel.
    expect((await as(team, () => Review.panel(key))).reviewers).toHaveLength(1);

    // Once the lead submits their own, they see the panel too.
    await score(lead, key, allFours);
    const seenByLead = await as(lead, () => Review.panel(key));
    expect(seenByLead.reviewers.map((reviewer) => reviewer.reviewerId)).toEqual(
      expect.arrayContaining([esme.personId, lead.personId]),
    );
    expect(seenByLead.reviewers).toHaveLength(2);
    expect(seenByLead.criteria[0]?.scores).toHaveLength(2);

    // A submitted review is final.
    const { version } = await as(esme, () => Review.mine(key));
    expect(
      await failure(esme, () => Review.saveScore({ ...key, version, criterionId: "c-1", score: 4, comment: "" })),
    ).toBeInstanceOf(RuleError);
    expect(await failure(esme, () => Review.submit({ ...key, version }))).toBeInstanceOf(RuleError);
  });

  it("lets the lead read the panel of an application they are not reviewing", async () => {
    const { key } = await sentApplication();
    await assign(key, [esme]);
    await declareNone(esme, key);
    await score(esme, key, [3, 3, 3, 3, 3, 3, 3, 3, 2]);
    const panel = await as(lead, () => Review.panel(key));
    expect(panel.reviewers).toEqual([
      expect.objectContaining({ reviewerId: esme.personId, name: people.esme.name, role: "expert" }),
    ]);
    expect(panel.criteria.map((criterion) => criterion.average)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 2]);
  });

  it("refuses a review that is not finished, or that abstains on everything", async () => {
    const { key } = await sentApplication();
    await assign(key, [eddie]);
    const declaring = await as(eddie, () => Review.mine(key));
    expect(
      await failure(eddie, () =>
        Review.saveScore({ ...key, version: declaring.version, criterionId: "c-1", score: 3, comment: "" }),
      ),
    ).toBeInstanceOf(RuleError);
    await declareNone(eddie, key);
    const scoring = await as(eddie, () => Review.mine(key));
    expect(
      await failure(eddie, () =>
        Review.saveScore({ ...key, version: scoring.version, criterionId: "c-99", score: 3, comment: "" }),
      ),
    ).toBeInstanceOf(NotFoundError);
    // The default scale has four points.
    expect(
      await failure(eddie, () =>
        Review.saveScore({ ...key, version: scoring.version, criterionId: "c-1", score: 5, comment: "" }),
      ),
    ).toBeInstanceOf(ValidationError);
    expect(
      await failure(eddie, () =>
        Review.saveScore({ ...key, version: scoring.version + 1, criterionId: "c-1", score: 3, comment: "" }),
      ),
    ).toBeInstanceOf(ConflictError);

    const partly = await score(eddie, key, [3, 3], { submit: false });
    const unfinished = await failure(eddie, () => Review.submit({ ...key, version: partly.version }));
    expect(unfinished).toBeInstanceOf(ValidationError);
    expect(Object.keys((unfinished as ValidationError).fields ?? {})).toHaveLength(7);

    const abstaining = await score(
      eddie,
      key,
      criterionIds.map(() => null),
      { submit: false },
    );
    expect(await failure(eddie, () => Review.submit({ ...key, version: abstaining.version }))).toBeInstanceOf(
      RuleError,
    );
  });
});

describe("recusal", () => {
  it("shuts a recused reviewer out of the answers, the panel and the application", async () => {
    const { key } = await sentApplication();
    await assign(key, [erin, team]);

    const declaring = await as(erin, () => Review.mine(key));
    const noReason = await failure(erin, () =>
      Review.declare({ ...key, version: declaring.version, conflict: true, reason: " " }),
    );
    expect(noReason).toBeInstanceOf(ValidationError);

    const recused = await recuse(erin, key);
    expect(recused).toEqual(
      expect.objectContaining({
        state: "recused",
        organisationName: null,
        organisation: null,
        process: null,
        answers: null,
        scores: {},
      }),
    );
    expect(await failure(erin, () => Review.panel(key))).toBeInstanceOf(ForbiddenError);
    expect(await failure(erin, () => Application.get(key))).toBeInstanceOf(ForbiddenError);
    expect(
      await failure(erin, () =>
        Review.saveScore({ ...key, version: recused.version, criterionId: "c-1", score: 3, comment: "" }),
      ),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(erin, () => Review.declare({ ...key, version: recused.version, conflict: false })),
    ).toBeInstanceOf(RuleError);

    // The team see every application, until they recuse themselves from one.
    expect((await as(team, () => Application.get(key))).answers).toHaveLength(5);
    await recuse(team, key);
    expect(await failure(team, () => Application.get(key))).toBeInstanceOf(ForbiddenError);
    expect(await failure(team, () => Review.panel(key))).toBeInstanceOf(ForbiddenError);
    expect((await as(team, () => Review.mine(key))).answers).toBeNull();

    const assignments = await as(lead, () => Review.assignments(key));
    expect(
      assignments.map((assignment) => [assignment.name, assignment.state, assignment.conflictReason]).sort(),
    ).toEqual([
      [people.erin.name, "recused", conflictReason],
      [people.team.name, "recused", conflictReason],
    ]);
  });
});

describe("the panel", () => {
  it("averages the scores given, leaving out abstentions and recused reviewers, and flags disagreement", async () => {
    const { key } = await sentApplication();
    await assign(key, [esme, eddie, team, erin]);
    await recuse(erin, key);
    for (const reviewer of [esme, eddie, team]) await declareNone(reviewer, key);

    const given = new Map([
      //                  c-1   c-2 c-3 c-4 c-5   c-6 c-7 c-8 c-9
      [esme.personId, [4, 3, 1, 4, 4, 4, 4, 4, 2]],
      [eddie.personId, [2, 3, 2, 4, null, 4, 4, 4, 2]],
      [team.personId, [null, 3, 4, 3, 3, 4, 4, 4, 2]],
    ]);
    await score(esme, key, given.get(esme.personId) ?? []);
    const early = await failure(lead, () =>
      Review.recordPanel({
        ...key,
        version: 0,
        agreedView: "The panel agreed the values are strong.",
        feedback: "Tell us more about funding.",
      }),
    );
    expect(early).toBeInstanceOf(RuleError);
    await score(eddie, key, given.get(eddie.personId) ?? []);
    await score(team, key, given.get(team.personId) ?? []);

    const panel = await as(lead, () => Review.panel(key));
    const order = panel.reviewers.map((reviewer) => reviewer.reviewerId);
    expect([...order].sort()).toEqual([esme.personId, eddie.personId, team.personId].sort());
    // Each criterion's scores are listed in the order of the reviewers.
    const column = (index: number) => order.map((reviewerId) => given.get(reviewerId)?.[index]);
    const byId = Object.fromEntries(panel.criteria.map((criterion) => [criterion.criterionId, criterion]));
    expect(byId["c-1"]).toEqual({ criterionId: "c-1", scores: column(0), average: 3, spread: 2, disagreement: true });
    expect(byId["c-2"]).toEqual({ criterionId: "c-2", scores: column(1), average: 3, spread: 0, disagreement: false });
    expect(byId["c-3"]).toEqual({
      criterionId: "c-3",
      scores: column(2),
      average: 7 / 3,
      spread: 3,
      disagreement: true,
    });
    expect(byId["c-4"]).toEqual({
      criterionId: "c-4",
      scores: column(3),
      average: 11 / 3,
      spread: 1,
      disagreement: false,
    });
    expect(byId["c-5"]).toEqual({
      criterionId: "c-5",
      scores: column(4),
      average: 3.5,
      spread: 1,
      disagreement: false,
    });
    expect(byId["c-9"]).toMatchObject({ average: 2, spread: 0, disagreement: false });
    expect(
      panel.criteria.filter((criterion) => criterion.disagreement).map((criterion) => criterion.criterionId),
    ).toEqual(["c-1", "c-3"]);
    expect(panel.recusals).toEqual([{ reviewerId: erin.personId, name: people.erin.name, reason: conflictReason }]);
    expect(panel.waiting).toEqual([]);
    expect(panel.reviewers.find((reviewer) => reviewer.reviewerId === esme.personId)?.comments["c-1"]).toBe(
      "Reviewer note 1 on the rota story",
    );

    const recorded = await as(lead, () =>
      Review.recordPanel({
        ...key,
        version: 0,
        agreedView: "The panel agreed the values are strong.",
        feedback: "Tell us more about how funding follows the person.",
      }),
    );
    expect(recorded.record).toMatchObject({
      version: 1,
      feedback: "Tell us more about how funding follows the person.",
    });
    const stale = await failure(lead, () =>
      Review.recordPanel({
        ...key,
        version: 0,
        agreedView: "A second view, typed at once.",
        feedback: "Other feedback.",
      }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    const corrected = await as(lead, () =>
      Review.recordPanel({
        ...key,
        version: 1,
        agreedView: "The panel agreed, after talking.",
        feedback: "Feedback, corrected.",
      }),
    );
    expect(corrected.record).toMatchObject({ version: 2, agreedView: "The panel agreed, after talking." });
  });
});

describe("reminders", () => {
  const remind = (day: string) => withActor(systemActor, () => Review.remind(day));
  const recipients = (messages: QueuedMessage[]) =>
    messages.map((message) => [message.template, "person" in message.to ? message.to.person : ""]).sort();

  it("reminds 7 days before and 3 days after the due date, once each, only for reviews not submitted", async () => {
    const { key } = await sentApplication();
    // A day no other test's reviews fall due near.
    const due = dueIn(60);
    const before = await allItems();
    await assign(key, [esme, eddie, erin, team], due);
    const assigned = await queuedSince(before);
    expect(recipients(assigned)).toEqual(
      [esme, eddie, erin, team].map((reviewer) => ["review-assigned", reviewer.personId]).sort(),
    );

    await recuse(erin, key);
    await declareNone(team, key);
    await score(team, key, allFours);
    await declareNone(eddie, key);
    await score(eddie, key, [2, 2], { submit: false });
    // Esme has not even declared yet: she is reminded too.

    expect(await remind(addDays(due, -8))).toEqual({ before: 0, overdue: 0 });
    let mark = await allItems();
    expect(await remind(addDays(due, -7))).toEqual({ before: 2, overdue: 0 });
    const dueSoon = await queuedSince(mark);
    expect(recipients(dueSoon)).toEqual([esme, eddie].map((reviewer) => ["review-due-soon", reviewer.personId]).sort());
    expect(dueSoon.every((message) => message.params?.dueDate === due)).toBe(true);

    mark = await allItems();
    expect(await remind(addDays(due, -7))).toEqual({ before: 0, overdue: 0 });
    expect(await queuedSince(mark)).toEqual([]);

    // Eddie is given longer: his reminders start again from the new date.
    const later = addDays(due, 20);
    const eddies = (await as(lead, () => Review.assignments(key))).find(
      (assignment) => assignment.reviewerId === eddie.personId,
    );
    const stale = await failure(lead, () =>
      Review.reschedule({ ...key, reviewerId: eddie.personId, dueDate: later, version: (eddies?.version ?? 0) + 1 }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    await as(lead, () =>
      Review.reschedule({ ...key, reviewerId: eddie.personId, dueDate: later, version: eddies?.version ?? 0 }),
    );

    mark = await allItems();
    expect(await remind(addDays(due, 3))).toEqual({ before: 0, overdue: 1 });
    const overdue = await queuedSince(mark);
    expect(recipients(overdue)).toEqual([["review-overdue", esme.personId]]);
    expect(await remind(addDays(due, 3))).toEqual({ before: 0, overdue: 0 });

    mark = await allItems();
    expect(await remind(addDays(later, -7))).toEqual({ before: 1, overdue: 0 });
    expect(await remind(addDays(later, 3))).toEqual({ before: 0, overdue: 1 });
    expect(await remind(addDays(later, 3))).toEqual({ before: 0, overdue: 0 });
    const eddiesReminders = await queuedSince(mark);
    expect(recipients(eddiesReminders)).toEqual([
      ["review-due-soon", eddie.personId],
      ["review-overdue", eddie.personId],
    ]);

    // Each message says what to do and when, and carries no answer, no organisation and no score.
    const emails = await Promise.all(
      [...assigned, ...dueSoon, ...overdue, ...eddiesReminders].map((message) => render(message, appUrl)),
    );
    const organisationName = (await as(lead, () => Application.get(key))).application.organisationName;
    for (const email of emails) {
      expect(email).toBeDefined();
      const text = `${email?.subject}\n${email?.plain}\n${email?.easyRead}`;
      for (const answer of Object.values(answers)) expect(text).not.toContain(String(answer));
      expect(text).not.toContain(organisationName);
      expect(text).not.toContain("Reviewer note");
      expect(text).toContain(`${appUrl}/reviews/${siteId}/${key.organisationId}/${key.applicationId}`);
    }
    const esmesOverdue = emails.find((email) => email?.template === "review-overdue" && email.to === people.esme.email);
    expect(esmesOverdue?.subject).toBe("Your review for Fylde Coast is overdue");
    const dueDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
      new Date(`${due}T12:00:00Z`),
    );
    expect(esmesOverdue?.plain).toContain(`was due on ${dueDay}`);
  });
});

describe("blind review", () => {
  it("names the organisation to experts only at the conflict step; the team always sees it", async () => {
    await withActor(lead, async () => {
      const draft = await Process.draft({ siteId });
      const blind = await Process.saveSettings({
        siteId,
        version: draft.version,
        settings: { ...draft.definition.settings, blindReview: true },
      });
      await Process.publish({ siteId, version: blind.version });
    });
    const { key } = await sentApplication();
    await assign(key, [eddie, team]);
    const organisationName = `Seaside ${applicants}`;
    expect(await as(eddie, () => Review.mine(key))).toMatchObject({ blind: true, organisationName });
    const scoring = await declareNone(eddie, key);
    expect(scoring).toMatchObject({ blind: true, organisationName: null, organisation: null });
    expect(scoring.answers).toHaveLength(5);
    const teams = await declareNone(team, key);
    expect(teams).toMatchObject({ blind: false, organisationName, organisation: { area: "Blackpool" } });
  });
});

describe("the audit trail", () => {
  it("records every change without a name, a score comment, an answer or a reason", async () => {
    const events = await auditEvents();
    const actions = new Set(events.map((event) => event.action));
    for (const action of [
      "review.assigned",
      "review.no_conflict",
      "review.recused",
      "review.score_saved",
      "review.submitted",
      "review.panel_recorded",
      "review.rescheduled",
      "review.reminded",
      "review.reminded_overdue",
    ]) {
      expect(actions, action).toContain(action);
    }
    const secrets = [
      ...Object.values(people).flatMap((person) => [person.name, person.email]),
      ...Object.values(answers).map(String),
      conflictReason,
      "Reviewer note",
      "Tell us more about how funding",
      "The panel agreed",
    ];
    expect(auditProblems(events, secrets)).toEqual([]);
  });
});
