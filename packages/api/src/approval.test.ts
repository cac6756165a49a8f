import { describe, expect, it } from "vitest";
import { useTestApp, worldSites } from "../testing";
import { worldAnswers, worldProfile } from "../testing/world";

/**
 * Provider approval over HTTP, against the real app and DynamoDB Local: each site shapes and
 * publishes its own process, new providers sign up and register from the public list of open
 * sites, apply on the version published when they start, and the site team moves them along.
 */

const { tokenFor, call, person, roleIn, state } = useTestApp();

const [siteA, siteB] = worldSites.map((site) => site.siteId) as [string, string];
const leadOf = (siteId: string) => person(roleIn(siteId, "lead"));
const teamOf = (siteId: string) => person(roleIn(siteId, "team"));

interface Draft {
  version: number;
  publishedVersion: number;
  definition: {
    pages: { pageId: string; questions: { questionId: string; wording: { plain: string } }[] }[];
    stages: { stageId: string; name: { plain: string; easyRead: string }; description: unknown }[];
    criteria: { criterionId: string; wording: { plain: string; easyRead: string }; characteristic: number | null }[];
  };
}
interface Got {
  application: { applicationId: string; version: number; status: string; stageId: string; processVersion: number };
  process: { number: number; definition: Draft["definition"] };
  answers: { questionId: string; value: unknown; version: number }[];
}

let people = 0;
async function signUp(label: string) {
  const n = ++people;
  const response = await state.app?.request("/api/dev/sign-up", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `${label} Person ${n}`, email: `${label.toLowerCase()}.${n}@apply.example.org` }),
  });
  const body = (await response?.json()) as { token?: string; error?: { message: string } };
  if (!body.token) throw new Error(`Sign-up answered ${response?.status}: ${body.error?.message}`);
  return body.token;
}

async function registerAndStart(siteId: string, label: string) {
  const token = await signUp(label);
  const registered = await call(
    "mutation",
    "organisation.register",
    { siteId, organisation: worldProfile(`${label} Support CIC`) },
    token,
  );
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  const { organisationId } = registered.data as { organisationId: string };
  const started = await call("mutation", "application.start", { siteId, organisationId }, token);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const got = started.data as Got;
  return { token, got, key: { siteId, organisationId, applicationId: got.application.applicationId } };
}

async function draftOf(siteId: string): Promise<Draft> {
  const response = await call("query", "process.draft", { siteId }, await tokenFor(leadOf(siteId)));
  return response.data as Draft;
}

describe("each site designs its own process", () => {
  it("two sites with different processes show different forms, stages and criteria, and old applications keep theirs", async () => {
    const leadB = await tokenFor(leadOf(siteB));
    let draft = await draftOf(siteB);
    const renamed = draft.definition.stages.map((stage) =>
      stage.stageId === "s-panel"
        ? { ...stage, name: { plain: "Experts' panel", easyRead: "Experts read it" } }
        : stage,
    );
    const before = await registerAndStart(siteB, "Pinned");
    for (const [path, input] of [
      ["process.saveStages", { stages: renamed }],
      [
        "process.saveCriteria",
        {
          criteria: [
            ...draft.definition.criteria,
            { wording: { plain: "Known to local families", easyRead: "Families know them" }, characteristic: null },
          ],
        },
      ],
      [
        "process.saveQuestion",
        {
          pageId: "p-values",
          question: {
            kind: "multiple-choice",
            required: false,
            wording: { plain: "Which days could you start?", easyRead: "When can you start?" },
            options: [
              { wording: { plain: "Weekdays", easyRead: "Monday to Friday" } },
              { wording: { plain: "Weekends", easyRead: "Saturday and Sunday" } },
            ],
          },
        },
      ],
      ["process.publish", {}],
    ] as const) {
      const response = await call("mutation", path, { siteId: siteB, version: draft.version, ...input }, leadB);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
      draft = response.data as Draft;
    }
    expect(draft.publishedVersion).toBe(2);

    const inA = await registerAndStart(siteA, "Alder");
    const inB = await registerAndStart(siteB, "Birch");
    const questions = (got: Got) => got.process.definition.pages.flatMap((page) => page.questions);
    expect(questions(inB.got).length).toBe(questions(inA.got).length + 1);
    expect(inB.got.process.definition.stages.find((stage) => stage.stageId === "s-panel")?.name.plain).toBe(
      "Experts' panel",
    );
    expect(inA.got.process.definition.stages.find((stage) => stage.stageId === "s-panel")?.name.plain).toBe(
      "Panel review",
    );
    expect(inB.got.process.definition.criteria).toHaveLength(10);
    expect(inB.got.process.definition.criteria.at(-1)?.characteristic).toBeNull();
    expect(inA.got.process.definition.criteria).toHaveLength(9);

    // The application started before publishing is still on version 1, with version 1's form.
    const pinned = await call("query", "application.get", before.key, before.token);
    expect((pinned.data as Got).process.number).toBe(1);
    expect(questions(pinned.data as Got)).toHaveLength(questions(inA.got).length);
  });

  it("refuses a question that asks for accounts or references, and a stale draft version", async () => {
    const lead = await tokenFor(leadOf(siteA));
    const draft = await draftOf(siteA);
    const paperwork = await call(
      "mutation",
      "process.saveQuestion",
      {
        siteId: siteA,
        version: draft.version,
        pageId: "p-about",
        question: {
          kind: "long-text",
          required: true,
          wording: { plain: "Upload your last two years of annual accounts.", easyRead: "Send your accounts." },
        },
      },
      lead,
    );
    expect(paperwork.code).toBe("BAD_REQUEST");
    expect(paperwork.body.error?.message).toMatch(/accounts or references/);

    const stale = await call(
      "mutation",
      "process.savePage",
      { siteId: siteA, version: draft.version - 1, page: { title: { plain: "Extra", easyRead: "Extra" } } },
      lead,
    );
    expect(stale.code).toBe("CONFLICT");
    expect((await draftOf(siteA)).version).toBe(draft.version);
  });
});

describe("providers apply", () => {
  it("lists open sites publicly, with nothing but what the page shows", async () => {
    const response = await call("query", "site.listOpen", undefined);
    expect(response.status).toBe(200);
    const sites = response.data as Record<string, unknown>[];
    expect(sites.map((site) => site.siteId)).toEqual(expect.arrayContaining([siteA, siteB]));
    for (const site of sites) expect(Object.keys(site).sort()).toEqual(["area", "lookingFor", "name", "siteId"]);
  });

  it("saves answers one at a time, tells a second tab it is out of date, checks required answers and locks them on sending", async () => {
    const { token, key, got } = await registerAndStart(siteA, "Tabs");
    const save = (questionId: string, value: unknown, version: number) =>
      call("mutation", "application.saveAnswer", { ...key, questionId, value, version }, token);
    expect((await save("q-values", "From the first tab.", 0)).status).toBe(200);
    const secondTab = await save("q-values", "From the second tab.", 0);
    expect(secondTab.code).toBe("CONFLICT");
    expect(secondTab.body.error?.message).toMatch(/another tab or by a colleague/);

    const early = await call("mutation", "application.submit", { ...key, version: got.application.version }, token);
    expect(early.code).toBe("BAD_REQUEST");
    expect(Object.keys(early.body.error?.data.fieldErrors ?? {}).sort()).toEqual([
      "q-different",
      "q-how-started",
      "q-one-person",
      "q-people-now",
    ]);

    for (const [questionId, value] of Object.entries(worldAnswers)) {
      if (questionId !== "q-values") expect((await save(questionId, value, 0)).status).toBe(200);
    }
    const sent = await call("mutation", "application.submit", { ...key, version: got.application.version }, token);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.data).toMatchObject({ status: "submitted", stageId: "s-application" });
    expect((await save("q-local", true, 0)).code).toBe("PRECONDITION_FAILED");

    // The site team moves it on; two at once: one wins, the other is told in plain words.
    const [first, second] = await Promise.all([
      call(
        "mutation",
        "application.moveStage",
        { ...key, stageId: "s-panel", version: (sent.data as { version: number }).version },
        await tokenFor(leadOf(siteA)),
      ),
      call(
        "mutation",
        "application.moveStage",
        { ...key, stageId: "s-conversation", version: (sent.data as { version: number }).version },
        await tokenFor(teamOf(siteA)),
      ),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const board = await call("query", "application.boardSummary", { siteId: siteA }, await tokenFor(teamOf(siteA)));
    const columns = (board.data as { columns: { column: string; count: number }[] }).columns;
    expect(columns.map((column) => column.column)).toEqual([
      "s-interest",
      "s-application",
      "s-panel",
      "s-conversation",
      "s-decision",
      "decided",
      "withdrawn",
    ]);
  });

  it("withdraws after confirming, and the organisation can apply again", async () => {
    const { token, key, got } = await registerAndStart(siteA, "Again");
    const withdrawn = await call(
      "mutation",
      "application.withdraw",
      { ...key, version: got.application.version },
      token,
    );
    expect(withdrawn.data).toMatchObject({ status: "withdrawn" });
    const { applicationId: _, ...organisationKey } = key;
    const again = await call("mutation", "application.start", organisationKey, token);
    expect(again.status).toBe(200);
    const history = await call("query", "application.history", organisationKey, token);
    expect((history.data as { status: string }[]).map((application) => application.status)).toEqual(
      expect.arrayContaining(["withdrawn", "draft"]),
    );
  });

  it("an applicant cannot reach another organisation's records, and learns nothing of it", async () => {
    const mine = await registerAndStart(siteA, "Mine");
    const theirs = await registerAndStart(siteA, "Theirs");
    for (const [kind, path, input] of [
      ["query", "organisation.get", { siteId: siteA, organisationId: theirs.key.organisationId }],
      ["query", "application.get", theirs.key],
      ["mutation", "application.saveAnswer", { ...theirs.key, questionId: "q-values", value: "x", version: 0 }],
    ] as const) {
      const response = await call(kind, path, input, mine.token);
      expect(response.code, path).toBe("NOT_FOUND");
      expect(JSON.stringify(response.body)).not.toContain("Theirs Support CIC");
    }
  });

  it("signs up with a plain word per field, sends a known address to sign in, and limits attempts per address", async () => {
    const post = async (body: unknown) => {
      const response = await state.app?.request("/api/dev/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response?.status, body: (await response?.json()) as { error?: { fieldErrors?: object } } };
    };
    const bad = await post({ name: "A", email: "not an address" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error?.fieldErrors ?? {}).sort()).toEqual(["email", "name"]);
    const attempt = () => post({ name: "Repeat Person", email: "repeat@apply.example.org" });
    const statuses = [];
    for (let tries = 0; tries < 6; tries++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([200, 409, 409, 409, 409, 429]);
  });

  it("limits registering per address", async () => {
    const token = await signUp("Busy");
    const codes: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await call(
        "mutation",
        "organisation.register",
        // A site it is already registered with is refused, but every attempt counts.
        { siteId: siteA, organisation: worldProfile("Busy Support CIC") },
        token,
      );
      codes.push(response.code);
    }
    expect(codes[0]).toBeUndefined();
    expect(codes.slice(1, 5)).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"]);
    expect(codes[5]).toBe("TOO_MANY_REQUESTS");
  });
});
