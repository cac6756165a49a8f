import { Clock } from "@smallsupports/core";
import { describe, expect, it } from "vitest";
import { useTestApp, worldSites } from "../testing";
import { worldAnswers, worldProfile } from "../testing/world";

/**
 * A panel from assignment to development plan, over HTTP against the real app and DynamoDB
 * Local: two experts by experience declare no conflict and score (one abstains on a criterion),
 * the lead reads the panel and records its view, asks the provider for more on one question, the
 * provider answers and sends it back, the lead approves it to walk through with conditions, and
 * the provider reads the decision and keeps the development plan seeded from the weakest criteria.
 */

const { app, tokenFor, call, person, roleIn, state } = useTestApp();

const [siteId] = worldSites.map((site) => site.siteId) as [string];
const lead = () => tokenFor(person(roleIn(siteId, "lead")));
const team = () => tokenFor(person(roleIn(siteId, "team")));

type Key = { siteId: string; organisationId: string; applicationId: string };
interface Criterion {
  criterionId: string;
  scores: (number | null)[];
  average: number | null;
  spread: number;
  disagreement: boolean;
}
interface Goal {
  goalId: string;
  criterionId: string | null;
  title: string;
  now: string;
  aim: string;
  status: string;
  version: number;
}

let applicants = 0;
/** A new provider signs up, registers their organisation (CQC registration in progress), writes and sends. */
async function sentApplication(label: string) {
  const n = ++applicants;
  const name = `${label} Person ${n}`;
  const response = await app().request("/api/dev/sign-up", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, email: `${label.toLowerCase()}.${n}@panel.example.org` }),
  });
  const { token } = (await response.json()) as { token: string };
  const legalName = `${label} Support ${n} CIC`;
  const registered = await call(
    "mutation",
    "organisation.register",
    { siteId, organisation: worldProfile(legalName) },
    token,
  );
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  const { organisationId } = registered.data as { organisationId: string };
  const started = await call("mutation", "application.start", { siteId, organisationId }, token);
  const { application } = started.data as { application: { applicationId: string; version: number } };
  const key: Key = { siteId, organisationId, applicationId: application.applicationId };
  for (const [questionId, value] of Object.entries(worldAnswers)) {
    expect(
      (await call("mutation", "application.saveAnswer", { ...key, questionId, value, version: 0 }, token)).status,
    ).toBe(200);
  }
  const sent = await call("mutation", "application.submit", { ...key, version: application.version }, token);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { token, name, legalName, key };
}

/** The application's version now, as the lead reads it. */
async function versionOf(key: Key): Promise<number> {
  const got = await call("query", "application.get", key, await lead());
  return (got.data as { application: { version: number } }).application.version;
}

/** A reviewer declares no conflict, scores each criterion in order (null abstains) and submits. */
async function review(token: string, key: Key, scores: (number | null)[]) {
  let { version } = (await call("query", "review.mine", key, token)).data as { version: number };
  const declared = await call("mutation", "review.declare", { ...key, version, conflict: false }, token);
  expect(declared.status, JSON.stringify(declared.body)).toBe(200);
  const { process } = declared.data as { process: { definition: { criteria: { criterionId: string }[] } } };
  ({ version } = declared.data as { version: number });
  expect(process.definition.criteria).toHaveLength(scores.length);
  for (const [index, { criterionId }] of process.definition.criteria.entries()) {
    const score = scores[index] ?? null;
    const comment = score === null ? "I could not judge this from the answers." : `Score ${score}: the rota story.`;
    const saved = await call("mutation", "review.saveScore", { ...key, version, criterionId, score, comment }, token);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    ({ version } = saved.data as { version: number });
  }
  // Nobody reads the others' scores before sending their own.
  expect((await call("query", "review.panel", key, token)).code).toBe("FORBIDDEN");
  const submitted = await call("mutation", "review.submit", { ...key, version }, token);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect(submitted.data).toMatchObject({ state: "submitted" });
}

describe("a panel from assignment to development plan", () => {
  it("two experts score, the lead asks for more and approves to walk through, and the provider keeps the plan", async () => {
    const provider = await sentApplication("Journey");
    const { key } = provider;
    const leadToken = await lead();
    const experts = state.people.filter(roleIn(siteId, "expert"));
    expect(experts).toHaveLength(2);
    const [esme, eddie] = (await Promise.all(experts.map((expert) => tokenFor(expert)))) as [string, string];

    // The lead assigns two experts with a due date; each finds it in their inbox, to declare.
    const dueDate = Clock.addDays(Clock.today(), 14);
    for (const expert of experts) {
      const assigned = await call("mutation", "review.assign", { ...key, reviewerId: expert.id, dueDate }, leadToken);
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    }
    const assignments = await call("query", "review.assignments", key, leadToken);
    expect(assignments.data).toHaveLength(2);
    expect(assignments.data).toEqual(
      expect.arrayContaining(
        experts.map((expert) => expect.objectContaining({ reviewerId: expert.id, state: "declare", dueDate })),
      ),
    );
    const inbox = await call("query", "me.inbox", undefined, esme);
    expect(inbox.data).toContainEqual(
      expect.objectContaining({ kind: "declare", applicationId: key.applicationId, dueDate, dueInDays: 14 }),
    );

    // Esme scores every criterion; Eddie abstains on the second. They disagree most on the fourth.
    await review(esme, key, [1, 3, 4, 4, 2, 4, 4, 4, 4]);
    await review(eddie, key, [2, null, 4, 2, 2, 4, 4, 4, 4]);

    const panel = await call("query", "review.panel", key, leadToken);
    expect(panel.status, JSON.stringify(panel.body)).toBe(200);
    const { criteria, reviewers, recusals, waiting } = panel.data as {
      criteria: Criterion[];
      reviewers: { reviewerId: string }[];
      recusals: unknown[];
      waiting: unknown[];
    };
    expect(reviewers).toHaveLength(2);
    expect(recusals).toEqual([]);
    expect(waiting).toEqual([]);
    const byId = new Map(criteria.map((criterion) => [criterion.criterionId, criterion]));
    expect(byId.get("c-1")).toMatchObject({ average: 1.5, spread: 1, disagreement: false });
    // The abstention is shown as no score and left out of the average: 3, not 1.5.
    expect(byId.get("c-2")).toMatchObject({ average: 3, spread: 0 });
    expect(byId.get("c-2")?.scores).toContain(null);
    expect(byId.get("c-4")).toMatchObject({ average: 3, spread: 2, disagreement: true });
    expect(criteria.filter((criterion) => criterion.disagreement).map((criterion) => criterion.criterionId)).toEqual([
      "c-4",
    ]);

    const agreedView = "The panel agreed the organisation shapes support around each person.";
    const feedback = "We would like to hear more about how you recruit staff with each person and their family.";
    const recorded = await call(
      "mutation",
      "review.recordPanel",
      { ...key, version: 0, agreedView, feedback },
      leadToken,
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.data).toMatchObject({ record: { agreedView, feedback, version: 1 } });

    // The lead asks for more on one question; only that question opens again to the provider.
    const message = "Tell us how the person chooses who supports them.";
    const asked = await call(
      "mutation",
      "decision.requestInformation",
      { ...key, version: await versionOf(key), questionIds: ["q-values"], message },
      leadToken,
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.data).toMatchObject({ requestedQuestionIds: ["q-values"] });
    expect((await call("query", "me.inbox", undefined, provider.token)).data).toContainEqual(
      expect.objectContaining({ kind: "information-requested", applicationId: key.applicationId }),
    );
    // Deciding waits for the answers.
    const early = await call(
      "mutation",
      "decision.decide",
      {
        ...key,
        version: await versionOf(key),
        outcome: "approved",
        rationale: "The panel saw support shaped around each person.",
      },
      leadToken,
    );
    expect(early.code).toBe("PRECONDITION_FAILED");

    const got = await call("query", "application.get", key, provider.token);
    const { answers, application } = got.data as {
      answers: { questionId: string; version: number }[];
      application: { version: number };
    };
    const answerVersion = (questionId: string) => answers.find((answer) => answer.questionId === questionId)?.version;
    const newAnswer = "The person meets everyone first and says who stays.";
    const saved = await call(
      "mutation",
      "application.saveAnswer",
      { ...key, questionId: "q-values", value: newAnswer, version: answerVersion("q-values") },
      provider.token,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const locked = await call(
      "mutation",
      "application.saveAnswer",
      { ...key, questionId: "q-different", value: "Changed.", version: answerVersion("q-different") },
      provider.token,
    );
    expect(locked.code).toBe("PRECONDITION_FAILED");
    const sentBack = await call(
      "mutation",
      "decision.sendBack",
      { ...key, version: application.version },
      provider.token,
    );
    expect(sentBack.status, JSON.stringify(sentBack.body)).toBe(200);
    expect(sentBack.data).toMatchObject({ openRequestId: null, requestedQuestionIds: [] });

    const requests = await call("query", "decision.informationRequests", key, leadToken);
    expect(requests.data).toEqual([
      expect.objectContaining({
        questionIds: ["q-values"],
        message,
        status: "answered",
        answersBefore: { "q-values": worldAnswers["q-values"] },
        answersAfter: { "q-values": newAnswer },
      }),
    ]);

    // The lead approves it to walk through, with conditions; the organisation's standing follows.
    const conditions = ["Finish registering with the Care Quality Commission.", "Agree a recruitment plan with us."];
    const rationale = "The panel saw support shaped around each person, and registration is under way.";
    const decided = await call(
      "mutation",
      "decision.decide",
      { ...key, version: await versionOf(key), outcome: "walking-through", rationale, conditions },
      leadToken,
    );
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    const letter = await call("query", "decision.get", key, provider.token);
    expect(letter.status).toBe(200);
    expect(letter.data).toMatchObject({
      outcome: "walking-through",
      rationale,
      conditions,
      feedback,
      organisationName: provider.legalName,
      whatWouldChange: null,
    });
    const organisation = await call(
      "query",
      "organisation.get",
      { siteId, organisationId: key.organisationId },
      provider.token,
    );
    expect(organisation.data).toMatchObject({ standing: "walking-through" });
    expect((await call("query", "me.inbox", undefined, provider.token)).data).toContainEqual(
      expect.objectContaining({ kind: "decision", applicationId: key.applicationId }),
    );
    // The experts' reviews are finished, so they have left their inboxes.
    expect((await call("query", "me.inbox", undefined, esme)).data).not.toContainEqual(
      expect.objectContaining({ applicationId: key.applicationId }),
    );

    // The plan opens with a goal for each of the three weakest criteria (lowest averages first;
    // the abstention never dragged the second down), then one for each condition.
    const organisationKey = { siteId, organisationId: key.organisationId };
    const plan = await call("query", "plan.get", organisationKey, provider.token);
    expect(plan.status).toBe(200);
    const { goals, open } = plan.data as { goals: Goal[]; open: boolean };
    expect(open).toBe(true);
    expect(goals.map((goal) => goal.criterionId)).toEqual(["c-1", "c-5", "c-2", null, null]);
    expect(goals.slice(3).map((goal) => goal.title)).toEqual(conditions);
    expect(goals[0]?.now).toMatch(/1\.5 of 4/);
    expect(goals.every((goal) => goal.status === "not-started")).toBe(true);

    const [first] = goals as [Goal];
    const { goalId, version } = first;
    const goal = {
      title: first.title,
      now: first.now,
      aim: first.aim,
      actions: "Each person meets their supporters before they start.",
      owner: "Our manager",
      targetDate: Clock.addDays(Clock.today(), 90),
      status: "in-progress",
    };
    const updated = await call(
      "mutation",
      "plan.updateGoal",
      { ...organisationKey, goalId, version, goal },
      provider.token,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const stale = await call(
      "mutation",
      "plan.updateGoal",
      { ...organisationKey, goalId, version, goal: { ...goal, status: "done" } },
      await team(),
    );
    expect(stale.code).toBe("CONFLICT");
    const seenByTeam = await call("query", "plan.get", organisationKey, await team());
    expect((seenByTeam.data as { goals: Goal[] }).goals[0]).toMatchObject({
      ...goal,
      goalId,
      updatedByName: provider.name,
      version: version + 1,
    });
  });

  it("two decisions at once: exactly one is recorded, the other is told", async () => {
    const { key, token } = await sentApplication("Race");
    const leadToken = await lead();
    const version = await versionOf(key);
    const rationale = "The panel read the application and met the organisation's people.";
    const responses = await Promise.all([
      call("mutation", "decision.decide", { ...key, version, outcome: "approved", rationale }, leadToken),
      call(
        "mutation",
        "decision.decide",
        {
          ...key,
          version,
          outcome: "not-yet",
          rationale,
          whatWouldChange: "Show how one person's support was shaped.",
        },
        leadToken,
      ),
    ]);
    const [won, ...others] = responses.filter((response) => response.status === 200);
    expect(won).toBeDefined();
    expect(others).toEqual([]);
    expect(responses.filter((response) => response.status !== 200).map((response) => response.code)).toEqual([
      "CONFLICT",
    ]);
    const { outcome } = (won as (typeof responses)[number]).data as { outcome: string };
    expect((await call("query", "decision.get", key, token)).data).toMatchObject({ outcome });
    const organisation = await call("query", "organisation.get", { siteId, organisationId: key.organisationId }, token);
    expect(organisation.data).toMatchObject({ standing: outcome });
  });
});
