import { Application, Clock, Process, Review } from "@smallsupports/core";
import {
  addSiteWithLead,
  asMember,
  inviteAndJoin,
  publishAndOpen,
  signUpAndRegister,
} from "@smallsupports/core/seeding";
import { afterAll, describe, expect, it } from "vitest";
import { worldAnswers } from "../testing/world";
import { fixtures } from "./fixtures";
import { asLead, decidedFor, freshSent, goalIn, reviewTo, worldMember } from "./panel-records";
import { freshInvitee, setUp, unique } from "./records";
import {
  allProcedures,
  type Caller,
  type CallerKind,
  expectNothingPersonalIn,
  otherSite,
  tableDigest,
  targetSite,
  useTrustWorld,
} from "./world";

/**
 * The rules of panel review, attacked over HTTP through the real app: a reviewer reaches only the
 * applications assigned to them; one who declared a conflict reads nothing more of it; nobody reads
 * others' scores before submitting their own (the lead only once not reviewing it); a provider
 * reaches only their own organisation's decision and plan; blind review hides the organisation
 * from experts after the conflict step. The rules are the services', so every attack goes through
 * the procedures the web app calls, never around them.
 */

const world = useTrustWorld();
afterAll(() => expectNothingPersonalIn(world.state.logs, world.secrets));

const caller = (kind: CallerKind) => world.caller(kind, targetSite);

/** Calls as `who`, and proves nothing in the response holds any of `secrets`. */
async function call(who: Caller, type: "query" | "mutation", path: string, input: unknown, secrets: string[]) {
  const response = await world.call(type, path, input, who.token);
  const body = JSON.stringify(response.body);
  expect(
    secrets.filter((secret) => body.includes(secret)),
    `${who.kind} calling ${path}`,
  ).toEqual([]);
  return response;
}

/** A refused call: the code given, nothing of `secrets` in the answer, and nothing written. */
async function refused(
  who: Caller,
  type: "query" | "mutation",
  path: string,
  input: unknown,
  secrets: string[],
  code: string,
) {
  const before = type === "mutation" ? await tableDigest() : undefined;
  const response = await call(who, type, path, input, secrets);
  expect(response.code, `${who.kind} calling ${path}: ${JSON.stringify(response.body)}`).toBe(code);
  if (before) expect(await tableDigest()).toBe(before);
}

/** The site's expert who is not the expert the suite calls as. */
async function otherExpertId(): Promise<string> {
  const [first, second] = await Promise.all([
    worldMember(targetSite, "expert", 0),
    worldMember(targetSite, "expert", 1),
  ]);
  return first === caller("expert").personId ? second : first;
}

/**
 * A sent application that another expert has reviewed and submitted: its name, a distinctive
 * answer and the expert's comment, which only those allowed may see.
 */
async function reviewedByAnotherExpert() {
  const sent = await freshSent(targetSite);
  const review = await reviewTo(sent.key, await otherExpertId(), "submitted");
  const [comment] = review.secrets as [string];
  return { key: sent.key, comment, secrets: [...sent.secrets, comment] };
}

const inTwoWeeks = () => Clock.addDays(Clock.today(), 14);

const idOf = (who: Caller) => who.personId as string;

describe("a reviewer reaches only the applications assigned to them", () => {
  it("an expert not assigned can read neither the application's review nor its panel", async () => {
    const { key, secrets } = await reviewedByAnotherExpert();
    await refused(caller("expert"), "query", "review.mine", key, secrets, "NOT_FOUND");
    await refused(caller("expert"), "query", "review.panel", key, secrets, "NOT_FOUND");
    await refused(
      caller("expert"),
      "mutation",
      "review.declare",
      { ...key, version: 1, conflict: false },
      secrets,
      "NOT_FOUND",
    );
  });
});

describe("a reviewer who declared a conflict of interest reads nothing more of the application", () => {
  it("an expert: their review shows no answers and no organisation, and the panel is refused", async () => {
    const { key, secrets } = await reviewedByAnotherExpert();
    const expert = caller("expert");
    await reviewTo(key, idOf(expert), "recused");
    const mine = await call(expert, "query", "review.mine", key, secrets);
    expect(mine.status).toBe(200);
    expect(mine.data).toMatchObject({
      state: "recused",
      organisationName: null,
      organisation: null,
      process: null,
      answers: null,
      scores: {},
    });
    await refused(expert, "query", "review.panel", key, secrets, "FORBIDDEN");
    await refused(expert, "query", "application.get", key, secrets, "FORBIDDEN");
  });

  it.each(["lead", "team"] as const)(
    "a %s, whose role otherwise sees every application, is refused it and its panel",
    async (kind) => {
      const { key, secrets } = await reviewedByAnotherExpert();
      const recused = caller(kind);
      await reviewTo(key, idOf(recused), "recused");
      // The application's service refuses with a rule, not a role: the caller is a lead or team member.
      await refused(recused, "query", "application.get", key, secrets, "FORBIDDEN");
      await refused(recused, "query", "review.panel", key, secrets, "FORBIDDEN");
      const mine = await call(recused, "query", "review.mine", key, secrets);
      expect(mine.data).toMatchObject({ state: "recused", answers: null, organisationName: null });
      if (kind === "lead") {
        const { version } = await Application.read(key);
        await refused(
          recused,
          "mutation",
          "decision.requestInformation",
          { ...key, version, questionIds: ["q-values"], message: "Tell us more about your rota." },
          secrets,
          "FORBIDDEN",
        );
        await refused(
          recused,
          "mutation",
          "decision.decide",
          { ...key, version, outcome: "approved", rationale: "The panel saw support shaped around each person." },
          secrets,
          "FORBIDDEN",
        );
      }
    },
  );
});

describe("nobody reads other reviewers' scores before submitting their own", () => {
  it("a reviewer is refused the panel while declaring and scoring, and reads it once they submit", async () => {
    const { key, comment } = await reviewedByAnotherExpert();
    const expert = caller("expert");
    await asLead(targetSite, () => Review.assign({ ...key, reviewerId: idOf(expert), dueDate: inTwoWeeks() }));
    // The other expert's comment is the secret here: the caller may read the application, not the scores.
    await refused(expert, "query", "review.panel", key, [comment], "FORBIDDEN");

    let { version } = (await call(expert, "query", "review.mine", key, [comment])).data as { version: number };
    const declared = await call(expert, "mutation", "review.declare", { ...key, version, conflict: false }, [comment]);
    expect(declared.status).toBe(200);
    const { process } = declared.data as {
      version: number;
      process: { definition: { criteria: { criterionId: string }[] } };
    };
    ({ version } = declared.data as { version: number });
    await refused(expert, "query", "review.panel", key, [comment], "FORBIDDEN");

    for (const { criterionId } of process.definition.criteria) {
      const saved = await call(
        expert,
        "mutation",
        "review.saveScore",
        { ...key, version, criterionId, score: 2, comment: "Shaped around one person." },
        [comment],
      );
      expect(saved.status).toBe(200);
      ({ version } = saved.data as { version: number });
      await refused(expert, "query", "review.panel", key, [comment], "FORBIDDEN");
    }
    expect((await call(expert, "mutation", "review.submit", { ...key, version }, [comment])).status).toBe(200);

    const panel = await world.call("query", "review.panel", key, expert.token);
    expect(panel.status).toBe(200);
    const { reviewers } = panel.data as { reviewers: { reviewerId: string; comments: Record<string, string> }[] };
    expect(reviewers.map((reviewer) => reviewer.reviewerId).sort()).toEqual(
      [idOf(expert), await otherExpertId()].sort(),
    );
    expect(JSON.stringify(panel.body)).toContain(comment);
  });

  it("the lead is refused the panel while reviewing it unsubmitted, and reads it when not reviewing it", async () => {
    const lead = caller("lead");
    const reviewing = await reviewedByAnotherExpert();
    const { comment } = reviewing;
    await reviewTo(reviewing.key, idOf(lead), "declare");
    await refused(lead, "query", "review.panel", reviewing.key, [comment], "FORBIDDEN");
    const { version } = (await call(lead, "query", "review.mine", reviewing.key, [comment])).data as {
      version: number;
    };
    expect(
      (await call(lead, "mutation", "review.declare", { ...reviewing.key, version, conflict: false }, [comment]))
        .status,
    ).toBe(200);
    await refused(lead, "query", "review.panel", reviewing.key, [comment], "FORBIDDEN");
    // The team member is not reviewing it, so they may read it.
    expect(
      JSON.stringify((await world.call("query", "review.panel", reviewing.key, caller("team").token)).body),
    ).toContain(comment);

    const notReviewing = await reviewedByAnotherExpert();
    const panel = await world.call("query", "review.panel", notReviewing.key, lead.token);
    expect(panel.status).toBe(200);
    expect(JSON.stringify(panel.body)).toContain(notReviewing.comment);
  });
});

describe("a provider reaches only their own organisation's decision and plan", () => {
  it("another organisation's decision, requests and plan are not found, and nothing of them shows", async () => {
    const other = await decidedFor(targetSite, undefined, "walking-through");
    const goal = await goalIn(targetSite, other.key.organisationId);
    const secrets = [...other.secrets, goal.title];
    const provider = caller("provider");
    const { siteId, organisationId } = other.key;
    await refused(provider, "query", "decision.get", other.key, secrets, "NOT_FOUND");
    await refused(provider, "query", "decision.informationRequests", other.key, secrets, "NOT_FOUND");
    await refused(provider, "query", "plan.get", { siteId, organisationId }, secrets, "NOT_FOUND");
    await refused(
      provider,
      "mutation",
      "plan.updateGoal",
      {
        siteId,
        organisationId,
        goalId: goal.goalId,
        version: goal.version,
        goal: { title: "Hijacked", now: "", aim: "", actions: "", owner: "", targetDate: null, status: "done" },
      },
      secrets,
      "NOT_FOUND",
    );
    // The site team reads them: the refusal above is the record-level rule, not a missing record.
    expect((await world.call("query", "decision.get", other.key, caller("team").token)).status).toBe(200);
    expect((await world.call("query", "plan.get", { siteId, organisationId }, caller("team").token)).status).toBe(200);
  });
});

describe("blind review hides the organisation from experts after the conflict step", () => {
  it("shows an expert the organisation's name only to declare a conflict, and the team everything", async () => {
    const siteName = unique("Blind Site");
    const siteId = siteName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const leadInvitee = freshInvitee();
    const lead = await addSiteWithLead(setUp, { siteId, name: siteName, area: "Blind area" }, leadInvitee);
    const expertInvitee = freshInvitee();
    const expert = await inviteAndJoin(lead, { siteId, role: "expert", ...expertInvitee });
    await asMember(lead, siteId, async () => {
      const draft = await Process.draft({ siteId });
      await Process.saveSettings({
        siteId,
        version: draft.version,
        settings: { ...draft.definition.settings, blindReview: true },
      });
    });
    await publishAndOpen(lead, siteId);

    const profile = {
      legalName: unique("Blindorg"),
      area: unique("Blindarea"),
      foundedYear: 1987,
      peopleSupported: 7,
      cqcStatus: "in-progress" as const,
      difference: unique("Blinddifference"),
    };
    const applicant = await signUpAndRegister(siteId, freshInvitee(), profile);
    const key = await asMember(applicant.actor, siteId, async () => {
      const organisationKey = { siteId, organisationId: applicant.organisation.organisationId };
      const { application } = await Application.start(organisationKey);
      const applicationKey = { ...organisationKey, applicationId: application.applicationId };
      for (const [questionId, value] of Object.entries(worldAnswers)) {
        await Application.saveAnswer({ ...applicationKey, questionId, value, version: 0 });
      }
      await Application.submit({ ...applicationKey, version: application.version });
      return applicationKey;
    });
    await asMember(lead, siteId, async () => {
      for (const reviewerId of [expert.personId, lead.personId]) {
        await Review.assign({ ...key, reviewerId, dueDate: inTwoWeeks() });
      }
    });
    const identifying = [profile.legalName, profile.area, profile.difference];

    const expertToken = await world.signInByEmail(expertInvitee.email);
    const atConflictStep = await world.call("query", "review.mine", key, expertToken);
    expect(atConflictStep.data).toMatchObject({ state: "declare", blind: true, organisationName: profile.legalName });
    const { version } = atConflictStep.data as { version: number };
    expect(
      (await world.call("mutation", "review.declare", { ...key, version, conflict: false }, expertToken)).status,
    ).toBe(200);
    const scoring = await world.call("query", "review.mine", key, expertToken);
    expect(scoring.data).toMatchObject({ state: "scoring", blind: true, organisationName: null, organisation: null });
    expect((scoring.data as { answers: unknown[] }).answers.length).toBeGreaterThan(0);
    const inbox = await world.call("query", "me.inbox", undefined, expertToken);
    for (const response of [scoring, inbox]) {
      const body = JSON.stringify(response.body);
      expect(identifying.filter((secret) => body.includes(secret))).toEqual([]);
      expect(body).not.toContain("1987");
    }

    // Blind review is for experts by experience: the lead sees who applied at every step.
    const leadToken = await world.signInByEmail(leadInvitee.email);
    const leadReview = await world.call("query", "review.mine", key, leadToken);
    const leadVersion = (leadReview.data as { version: number }).version;
    await world.call("mutation", "review.declare", { ...key, version: leadVersion, conflict: false }, leadToken);
    const leadScoring = await world.call("query", "review.mine", key, leadToken);
    expect(leadScoring.data).toMatchObject({
      blind: false,
      organisationName: profile.legalName,
      organisation: { area: profile.area, foundedYear: 1987 },
    });
  });
});

describe("an id from another site, sent with the caller's own site id, is refused", () => {
  // Every new procedure that names a record: the other site's lead (or provider, for what only a
  // provider may do) names the target site's record under their own site.
  const namingRecords = [
    "decision.decide",
    "decision.get",
    "decision.informationRequests",
    "decision.requestInformation",
    "decision.sendBack",
    "plan.addGoal",
    "plan.get",
    "plan.removeGoal",
    "plan.updateGoal",
    "review.assign",
    "review.assignments",
    "review.declare",
    "review.mine",
    "review.panel",
    "review.recordPanel",
    "review.reschedule",
    "review.saveScore",
    "review.submit",
    "review.unassign",
    "time.remove",
  ];

  it.each(namingRecords)("%s", async (path) => {
    const procedure = allProcedures().find((candidate) => candidate.path === path);
    if (procedure?.access?.kind !== "site") throw new Error(`${path} is not a site procedure.`);
    const attacker = world.caller(procedure.access.roles.includes("lead") ? "lead" : "provider", otherSite);
    const input = { ...((await fixtures[path]?.valid(targetSite)) as object), siteId: otherSite };
    const before = await tableDigest();
    const response = await call(
      attacker,
      procedure.type as "query" | "mutation",
      path,
      input,
      await world.targetSecrets(),
    );
    expect(response.code, JSON.stringify(response.body)).toBe("NOT_FOUND");
    expect(await tableDigest()).toBe(before);
  });
});
