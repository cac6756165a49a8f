import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead, asMember, inviteAndJoin, publishAndOpen, signUpAndRegister } from "../seeding";
import { useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import * as Application from "./application";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Membership from "./membership";
import * as Organisation from "./organisation";
import * as Person from "./person";
import * as Process from "./process";
import * as Site from "./site";
import * as SiteStats from "./site-stats";

useFreshTable();

const siteId = "cumbria";
let lead: Actor;
let team: Actor;

const profile = {
  legalName: "Fellside Support CIC",
  tradingName: "Fellside",
  area: "Kendal",
  foundedYear: 2019,
  peopleSupported: 6,
  cqcStatus: "in-progress" as "not-registered" | "in-progress" | "registered",
  cqcRating: undefined as "good" | undefined,
  difference: "We build support around one person at a time.",
};

beforeAll(async () => {
  const national = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  lead = await addSiteWithLead(
    { personId: national.personId, national: true },
    { siteId, name: "Cumbria", area: "Cumbria" },
    { name: "Lena Lead", email: "lena@example.org" },
  );
  const teamMember = await inviteAndJoin(lead, { siteId, role: "team", name: "Tom Team", email: "tom@example.org" });
  team = { personId: teamMember.personId, national: false };
  await publishAndOpen(lead, siteId);
});

let applicants = 0;
async function newApplicant(overrides: Partial<typeof profile> = {}) {
  applicants++;
  const { actor, organisation } = await signUpAndRegister(
    siteId,
    { name: `Applicant ${applicants}`, email: `applicant${applicants}@example.org` },
    { ...profile, ...overrides },
  );
  const as = <T>(run: () => Promise<T>) => asMember(actor, siteId, run);
  return { actor, organisation, as, key: { siteId, organisationId: organisation.organisationId } };
}

const requiredAnswers: Record<string, Application.AnswerValue> = {
  "q-how-started": "Two of us left a large provider to do this properly.",
  "q-people-now": "o-1-to-5",
  "q-values": "The person decides.",
  "q-one-person": "We moved a rota around someone's football.",
  "q-different": "We are small on purpose.",
};

async function fillRequired(
  as: <T>(run: () => Promise<T>) => Promise<T>,
  key: { siteId: string; organisationId: string; applicationId: string },
) {
  for (const [questionId, value] of Object.entries(requiredAnswers)) {
    await as(() => Application.saveAnswer({ ...key, questionId, value, version: 0 }));
  }
}

describe("registering and applying", () => {
  it("registers interest, starts on the newest version, saves answers, submits and locks them", async () => {
    const applicant = await newApplicant();
    expect(applicant.organisation).toMatchObject({ standing: "interest", legalName: "Fellside Support CIC" });
    const member = await withActor(lead, () => Organisation.get(applicant.key).catch((error) => error));
    // Outside a site request there is no membership to check against: the rule refuses.
    expect(member).toBeInstanceOf(Error);

    const started = await applicant.as(() => Application.start(applicant.key));
    expect(started.application).toMatchObject({ status: "draft", stageId: "s-interest", processVersion: 1 });
    const key = { ...applicant.key, applicationId: started.application.applicationId };

    const saved = await applicant.as(() =>
      Application.saveAnswer({ ...key, questionId: "q-local", value: true, version: 0 }),
    );
    expect(saved).toMatchObject({ value: true, version: 1 });
    const trimmed = await applicant.as(() =>
      Application.saveAnswer({ ...key, questionId: "q-local", value: false, version: 1 }),
    );
    expect(trimmed).toMatchObject({ value: false, version: 2 });

    const refused = await applicant
      .as(() => Application.submit({ ...key, version: started.application.version }))
      .catch((error) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused as ValidationError).fields ?? {}).sort()).toEqual([
      "q-different",
      "q-how-started",
      "q-one-person",
      "q-people-now",
      "q-values",
    ]);

    await fillRequired(applicant.as, key);
    const submitted = await applicant.as(() => Application.submit({ ...key, version: started.application.version }));
    expect(submitted).toMatchObject({ status: "submitted", stageId: "s-application" });

    const locked = await applicant
      .as(() => Application.saveAnswer({ ...key, questionId: "q-local", value: true, version: 2 }))
      .catch((error) => error);
    expect(locked).toBeInstanceOf(RuleError);

    const organisation = await applicant.as(() => Organisation.get(applicant.key));
    expect(organisation).toMatchObject({ standing: "in-review", currentApplicationId: key.applicationId });
  });

  it("refuses an answer that does not fit its question", async () => {
    const applicant = await newApplicant();
    const { application } = await applicant.as(() => Application.start(applicant.key));
    const key = { ...applicant.key, applicationId: application.applicationId };
    for (const [questionId, value] of [
      ["q-people-now", "o-not-an-option"],
      ["q-local", "yes"],
      ["q-values", 42],
    ] as const) {
      const error = await applicant
        .as(() => Application.saveAnswer({ ...key, questionId, value, version: 0 }))
        .catch((caught) => caught);
      expect(error).toBeInstanceOf(ValidationError);
    }
    const missing = await applicant
      .as(() => Application.saveAnswer({ ...key, questionId: "q-nope", value: "x", version: 0 }))
      .catch((caught) => caught);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it("lets two tabs save one answer only once each version: the stale one is told, nothing is lost", async () => {
    const applicant = await newApplicant();
    const { application } = await applicant.as(() => Application.start(applicant.key));
    const key = { ...applicant.key, applicationId: application.applicationId, questionId: "q-values" };
    await applicant.as(() => Application.saveAnswer({ ...key, value: "First tab", version: 0 }));
    const stale = await applicant
      .as(() => Application.saveAnswer({ ...key, value: "Second tab", version: 0 }))
      .catch((error) => error);
    expect(stale).toBeInstanceOf(ConflictError);
    const { answers } = await applicant.as(() =>
      Application.get({ ...applicant.key, applicationId: key.applicationId }),
    );
    expect(answers.find((answer) => answer.questionId === "q-values")).toMatchObject({
      value: "First tab",
      version: 1,
    });
  });

  it("keeps an application on the version it started on when a new version is published", async () => {
    const applicant = await newApplicant();
    const { application } = await applicant.as(() => Application.start(applicant.key));
    const draft = await withActor(lead, () => Process.draft({ siteId }));
    const reworded = await withActor(lead, () =>
      Process.saveQuestion({
        siteId,
        version: draft.version,
        pageId: "p-values",
        question: {
          kind: "short-text",
          required: false,
          wording: { plain: "What is your favourite walk?", easyRead: "Where do you like to walk?" },
        },
      }),
    );
    await withActor(lead, () => Process.publish({ siteId, version: reworded.version }));

    const pinned = await applicant.as(() =>
      Application.get({ ...applicant.key, applicationId: application.applicationId }),
    );
    expect(pinned.process.number).toBe(1);
    expect(pinned.process.definition.pages.flatMap((page) => page.questions)).toHaveLength(6);

    const later = await newApplicant();
    const fresh = await later.as(() => Application.start(later.key));
    expect(fresh.process.number).toBe(2);
    expect(fresh.process.definition.pages.flatMap((page) => page.questions)).toHaveLength(7);
  });

  it("withdraws, and the organisation may apply again", async () => {
    const applicant = await newApplicant();
    const { application } = await applicant.as(() => Application.start(applicant.key));
    const key = { ...applicant.key, applicationId: application.applicationId };
    const twice = await applicant.as(() => Application.start(applicant.key)).catch((error) => error);
    expect(twice).toBeInstanceOf(RuleError);

    const withdrawn = await applicant.as(() => Application.withdraw({ ...key, version: application.version }));
    expect(withdrawn.status).toBe("withdrawn");
    expect(await applicant.as(() => Organisation.get(applicant.key))).toMatchObject({
      standing: "withdrawn",
      currentApplicationId: null,
    });
    const again = await applicant.as(() => Application.start(applicant.key));
    expect(again.application.applicationId).not.toBe(application.applicationId);
    expect(await applicant.as(() => Application.history(applicant.key))).toHaveLength(2);
  });

  it("refuses a closed site, and one organisation per person per site", async () => {
    const applicant = await newApplicant();
    const second = await withActor(applicant.actor, () =>
      Organisation.register({ siteId, organisation: profile }).catch((error) => error),
    );
    expect(second).toBeInstanceOf(ConflictError);
    const teamApplying = await withActor(team, () =>
      Organisation.register({ siteId, organisation: profile }).catch((error) => error),
    );
    expect(teamApplying).toBeInstanceOf(RuleError);

    await withActor(lead, () => Site.setOpen({ siteId, open: false }));
    expect(await Site.listOpen()).toEqual([]);
    const closed = await applicant.as(() => Application.start(applicant.key)).catch((error) => error);
    expect(closed).toBeInstanceOf(RuleError);
    await withActor(lead, () => Site.setOpen({ siteId, open: true }));
    expect((await Site.listOpen()).map((site) => site.siteId)).toEqual([siteId]);
  });
});

describe("record-level rule", () => {
  it("a provider reaches only their own organisation's records", async () => {
    const mine = await newApplicant();
    const theirs = await newApplicant();
    const { application } = await theirs.as(() => Application.start(theirs.key));
    const key = { ...theirs.key, applicationId: application.applicationId };
    const attempts: (() => Promise<unknown>)[] = [
      () => Organisation.get(theirs.key),
      () => Application.get(key),
      () => Application.history(theirs.key),
      () => Application.saveAnswer({ ...key, questionId: "q-values", value: "hijack", version: 0 }),
      () => Application.withdraw({ ...key, version: 1 }),
      () => Application.start(theirs.key),
    ];
    for (const attempt of attempts) {
      expect(await mine.as(attempt).catch((error) => error)).toBeInstanceOf(NotFoundError);
    }
    // The site team sees every organisation in the site.
    expect(await asMember(team, siteId, () => Application.get(key))).toMatchObject({
      application: { status: "draft" },
    });
  });
});

describe("the board", () => {
  it("moves a sent application between stages, one of two racing moves wins, and counts follow", async () => {
    const applicant = await newApplicant({ cqcStatus: "registered", cqcRating: "good" });
    const { application } = await applicant.as(() => Application.start(applicant.key));
    const key = { ...applicant.key, applicationId: application.applicationId };
    await fillRequired(applicant.as, key);
    const submitted = await applicant.as(() => Application.submit({ ...key, version: application.version }));

    const [first, second] = await Promise.allSettled([
      asMember(lead, siteId, () => Application.moveStage({ ...key, version: submitted.version, stageId: "s-panel" })),
      asMember(team, siteId, () =>
        Application.moveStage({ ...key, version: submitted.version, stageId: "s-conversation" }),
      ),
    ]);
    const outcomes = [first.status, second.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const loser = (first.status === "rejected" ? first : second) as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);

    const back = await asMember(lead, siteId, async () => {
      const current = await Application.get(key);
      return Application.moveStage({ ...key, version: current.application.version, stageId: "s-interest" }).catch(
        (error) => error,
      );
    });
    expect(back).toBeInstanceOf(RuleError);

    const summary = await asMember(lead, siteId, () => Application.boardSummary({ siteId }));
    const counts = Object.fromEntries(summary.columns.map((column) => [column.column, column.count]));
    const current = await asMember(lead, siteId, () => Application.get(key));
    expect(counts[current.application.stageId]).toBeGreaterThanOrEqual(1);

    const registered = await asMember(lead, siteId, () =>
      Application.board({ siteId, column: current.application.stageId, cqcStatus: "registered", limit: 10 }),
    );
    expect(registered.items.map((item) => item.applicationId)).toContain(key.applicationId);
    const notRegistered = await asMember(lead, siteId, () =>
      Application.board({ siteId, column: current.application.stageId, cqcStatus: "not-registered", limit: 10 }),
    );
    expect(notRegistered.items).toEqual([]);
    const longWait = await asMember(lead, siteId, () =>
      Application.board({ siteId, column: current.application.stageId, minDaysInStage: 30, limit: 10 }),
    );
    expect(longWait.items).toEqual([]);
  });

  it("keeps every counter equal to the records it counts", async () => {
    const counts = await SiteStats.counts(siteId);
    const columns = await asMember(lead, siteId, () => Application.boardSummary({ siteId }));
    for (const column of columns.columns) {
      let found = 0;
      let cursor: string | null | undefined;
      do {
        const page = await asMember(lead, siteId, () =>
          Application.board({ siteId, column: column.column, limit: 3, cursor }),
        );
        found += page.items.length;
        cursor = page.cursor;
      } while (cursor);
      expect(found, column.column).toBe(column.count);
    }
    const standings = [...counts.entries()].filter(([name]) => name.startsWith("standing:"));
    expect(standings.reduce((total, [, value]) => total + value, 0)).toBe(applicants);
  });
});

describe("organisation details", () => {
  it("are corrected by the organisation, and the board's copies follow", async () => {
    const applicant = await newApplicant();
    const { application } = await applicant.as(() => Application.start(applicant.key));
    const updated = await applicant.as(() =>
      Organisation.update({
        ...applicant.key,
        version: applicant.organisation.version + 1,
        organisation: {
          ...profile,
          tradingName: undefined,
          legalName: "Renamed CIC",
          cqcStatus: "registered",
          cqcRating: "good",
        },
      }),
    );
    expect(updated).toMatchObject({ legalName: "Renamed CIC", tradingName: null, cqcRating: "good" });
    const { items } = await asMember(lead, siteId, () =>
      Application.board({ siteId, column: "s-interest", cqcStatus: "registered", limit: 50 }),
    );
    expect(items.find((item) => item.applicationId === application.applicationId)).toMatchObject({
      organisationName: "Renamed CIC",
    });
    const unrated = await asMember(team, siteId, () =>
      Organisation.update({
        ...applicant.key,
        version: updated.version,
        organisation: { ...profile, peopleSupported: 9 },
      }),
    );
    expect(unrated).toMatchObject({ cqcRating: null, peopleSupported: 9, tradingName: "Fellside" });
  });
});

describe("rules that keep records straight", () => {
  it("refuses an impossible date plainly, never with a fault", async () => {
    let draft = await withActor(lead, () => Process.draft({ siteId }));
    draft = await withActor(lead, () =>
      Process.saveQuestion({
        siteId,
        version: draft.version,
        pageId: "p-about",
        question: { kind: "date", required: false, wording: { plain: "When did you start?", easyRead: "When?" } },
      }),
    );
    await withActor(lead, () => Process.publish({ siteId, version: draft.version }));
    const applicant = await newApplicant();
    const { application, process } = await applicant.as(() => Application.start(applicant.key));
    const question = process.definition.pages.flatMap((page) => page.questions).find((q) => q.kind === "date");
    const key = { ...applicant.key, applicationId: application.applicationId, questionId: question?.questionId ?? "" };
    for (const value of ["2026-13-01", "2026-00-10", "9999-99-99", "2026-02-30"]) {
      const error = await applicant.as(() => Application.saveAnswer({ ...key, value, version: 0 })).catch((e) => e);
      expect(error, value).toBeInstanceOf(ValidationError);
    }
    expect(await applicant.as(() => Application.saveAnswer({ ...key, value: "2024-02-29", version: 0 }))).toMatchObject(
      {
        value: "2024-02-29",
      },
    );
  });

  it("keeps a provider who acts for an organisation a provider", async () => {
    const applicant = await newApplicant();
    const member = await withActor(lead, () => Membership.get({ siteId, personId: applicant.actor.personId }));
    const error = await withActor(lead, () =>
      Membership.changeRole({ siteId, personId: member.personId, role: "team", version: member.version }),
    ).catch((caught) => caught);
    expect(error).toBeInstanceOf(RuleError);
  });

  it("lets a provider the site invited register while the site is closed; nobody else", async () => {
    const invited = await inviteAndJoin(lead, {
      siteId,
      role: "provider",
      name: "Ivy Invited",
      email: "ivy.invited@example.org",
    });
    await withActor(lead, () => Site.setOpen({ siteId, open: false }));
    try {
      const registered = await withActor({ personId: invited.personId, national: false }, () =>
        Organisation.register({ siteId, organisation: { ...profile, legalName: "Ivy's Circle CIC" } }),
      );
      expect(registered.standing).toBe("interest");
      const stranger = await newApplicant().catch((caught) => caught);
      expect(stranger).toBeInstanceOf(RuleError);
    } finally {
      await withActor(lead, () => Site.setOpen({ siteId, open: true }));
    }
  });

  it("keeps the first stage first, so drafts and sent applications never share a column", async () => {
    const draft = await withActor(lead, () => Process.draft({ siteId }));
    const [first, second, ...rest] = draft.definition.stages;
    for (const stages of [
      [second, first, ...rest],
      [second, ...rest],
    ]) {
      const error = await withActor(lead, () =>
        Process.saveStages({ siteId, version: draft.version, stages: stages as typeof draft.definition.stages }),
      ).catch((caught) => caught);
      expect(error).toBeInstanceOf(RuleError);
    }
  });
});
