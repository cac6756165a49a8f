import { type AttributeValue, ScanCommand } from "@aws-sdk/client-dynamodb";
import { Membership } from "@smallsupports/core";
import { dynamo } from "@smallsupports/core/dynamo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Access } from "../src/trpc";
import { worldOrganisationName } from "../testing/world";
import { fixtures } from "./fixtures";
import { type SentinelRecords, sentinelMark, sentinelRecords } from "./sentinel-records";
import { allProcedures, expectNothingPersonalIn, recordFigures, targetSite, useTrustWorld } from "./world";

/**
 * Issue 12, national analytics: no procedure ever gives national staff an individual's record or
 * an application's answers. Every procedure of the router is called by the world's national staff
 * member, with its fixture's input aimed at the target site, which holds an organisation with
 * distinctive text in every record (sentinel-records.ts); where the input names an organisation,
 * an application or a mentoring pairing, it is called a second time naming the sentinel's.
 *
 * The rule, as the code has it. National staff may read: every site's summary and counts, with its
 * leads' names (site.list, site.get); a site's open project-lead invitations, with the name and
 * address typed on them (invitation.leadInvitations); the national mentors they named; the places
 * at the national events they run, naming the person and organisation who booked each
 * (nationalEvent.get, which nobody of the target site books here); the national figures (counts and
 * averages only); and their own record. So no answer reaches them, in text or as an answer item;
 * no reviewer's score or comment; nothing else the site keeps about an organisation (the panel's
 * view, the decision's reasons, requests for more information, development goals, contact
 * details, mentoring goals and notes); no email of a member of the site; no name of a member other
 * than a lead; and no organisation's name.
 *
 * National staff can hold a site membership: nothing stops them accepting an invitation (or
 * registering an organisation), and a member is then let in by their role in that site like anyone
 * else. This file tests the plain national role, a member of no site (checked first), calling the
 * target site, of which they never become a member here. (The invitation.accept and
 * organisation.register fixtures make them a member of spare sites of their own along the way.)
 */

const world = useTrustWorld();
let sentinel: SentinelRecords;
const figures = { calls: 0, leaks: 0 };

beforeAll(async () => {
  sentinel = await sentinelRecords(targetSite);
});

afterAll(() => {
  recordFigures("national-reach", figures);
  expectNothingPersonalIn(world.state.logs, [...world.secrets, ...Object.values(sentinel.texts)]);
});

/**
 * The distinctive texts the fixtures give the records they build (panel-records.ts,
 * cohort-records.ts and fixtures.ts): answers, comments, goals, notes, requests, decisions and the
 * panel's feedback. The records the fixtures make for national staff's calls are checked with them
 * too; the last test proves the table holds each, so a renamed label cannot make this vacuous.
 */
const fixtureTexts = [
  "Secret answer",
  "Secret comment",
  "Secret goal",
  "Secret mentoring goals",
  "Secret meeting notes",
  "Secret national mentoring goals",
  "Secret national meeting notes",
  "Tell us more",
  "The panel's reasons for its decision",
];

/** Keys under which a response carries an application's answers. */
const answerKeys = new Set(["answers", "answersBefore", "answersAfter"]);
/** Keys under which a response carries reviewers' scores or comments. */
const reviewKeys = new Set(["scores", "comments", "comment"]);

/**
 * What of an application or a person a response body holds: each forbidden text found, and every
 * answer item, set of answers and reviewer's scores or comments, by where it is, whatever it says.
 */
function reachIn(body: unknown, forbidden: readonly string[]): string[] {
  const text = JSON.stringify(body);
  const found = forbidden.filter((secret) => text.includes(secret)).map((secret) => `text "${secret}"`);
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, `${at}[${index}]`);
      return;
    }
    if (!value || typeof value !== "object") return;
    if ("questionId" in value && "value" in value) found.push(`an answer item at ${at}`);
    for (const [key, inner] of Object.entries(value)) {
      if (answerKeys.has(key)) found.push(`an application's answers at ${at}.${key}`);
      if (reviewKeys.has(key)) found.push(`a reviewer's scores or comments at ${at}.${key}`);
      walk(inner, `${at}.${key}`);
    }
  };
  walk(body, "body");
  return found;
}

/** Every email of the target site's members, and every name but the leads' (which national staff see). */
async function peopleOfSite(): Promise<string[]> {
  const people: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof Membership.list>> = await Membership.list({
      siteId: targetSite,
      cursor,
      limit: 100,
    });
    for (const member of page.items) {
      people.push(member.email);
      if (member.role !== "lead") people.push(member.name);
    }
    cursor = page.cursor;
  } while (cursor);
  return people;
}

/** Everything no response to national staff may hold, as the table stands now. */
async function forbidden(): Promise<string[]> {
  const organisations = Array.from({ length: 5 }, (_, index) => worldOrganisationName(0, index));
  return [sentinelMark, ...Object.values(sentinel.texts), ...fixtureTexts, ...organisations, ...(await peopleOfSite())];
}

/** The fixture's input naming the sentinel's organisation, application or pairing instead, if it names one. */
function aimedAtSentinel(input: unknown): unknown {
  if (!input || typeof input !== "object") return undefined;
  const ids: Record<string, string> = {
    organisationId: sentinel.key.organisationId,
    applicationId: sentinel.key.applicationId,
    pairId: sentinel.pairKey.pairId,
  };
  const named = Object.keys(ids).filter((key) => key in input);
  if (named.length === 0) return undefined;
  return { ...input, siteId: targetSite, ...Object.fromEntries(named.map((key) => [key, ids[key]])) };
}

/** Every item of the table, as text: where a sentinel must be, for a check for it to mean anything. */
async function tableText(): Promise<string> {
  const { client, tableName } = dynamo();
  let text = "";
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    text += JSON.stringify(page.Items ?? []);
    start = page.LastEvaluatedKey;
  } while (start);
  return text;
}

/** Whether the declared rule lets national staff in, as a member of no site. */
function nationalMayCall(access: Access): boolean {
  if (access.kind === "site") return access.nationalMayRead;
  return access.kind !== "mentor";
}

describe("the sentinel is there to be found", () => {
  it("national staff are the plain national role: a member of no site", async () => {
    const national = world.caller("national");
    expect(await Membership.sitesOf(national.personId as string)).toEqual([]);
  });

  it("is in the table", async () => {
    const text = await tableText();
    expect(Object.values(sentinel.texts).filter((secret) => !text.includes(secret))).toEqual([]);
  });

  it("reaches the site's lead, and the check finds every text, answer and review in what the lead reads", async () => {
    const lead = world.caller("lead", targetSite);
    const { key, pairKey } = sentinel;
    const organisation = { siteId: key.siteId, organisationId: key.organisationId };
    const reads: [string, unknown][] = [
      ["application.get", key],
      ["review.panel", key],
      ["decision.get", key],
      ["decision.informationRequests", key],
      ["organisation.get", organisation],
      ["plan.get", organisation],
      ["cohort.directory", { siteId: targetSite }],
      ["mentoring.get", pairKey],
      ["member.list", { siteId: targetSite, limit: 100 }],
    ];
    const people = await peopleOfSite();
    const found: string[] = [];
    for (const [path, input] of reads) {
      const response = await world.call("query", path, input, lead.token);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
      found.push(...reachIn(response.body, [...Object.values(sentinel.texts), ...people]));
    }
    const missing = [...Object.values(sentinel.texts), ...people].filter(
      (secret) => !found.includes(`text "${secret}"`),
    );
    expect(missing).toEqual([]);
    expect(people).toContain(sentinel.person.email);
    for (const kind of ["an answer item", "an application's answers", "a reviewer's scores or comments"]) {
      expect(
        found.some((finding) => finding.startsWith(kind)),
        kind,
      ).toBe(true);
    }
  });
});

describe("no procedure gives national staff an answer, a review or a person's record", () => {
  it.each(allProcedures().map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const national = world.caller("national");
    const access = procedure.access as Access;
    const type = procedure.type as "query" | "mutation";
    const input = await fixtures[path]?.valid(targetSite, national.personId ?? undefined);
    const aimed = aimedAtSentinel(input);
    for (const attempt of aimed === undefined ? [input] : [input, aimed]) {
      const response = await world.call(type, path, attempt, national.token);
      const reached = reachIn(response.body, await forbidden());
      figures.calls++;
      if (reached.length) figures.leaks++;
      expect(reached, `national staff calling ${path} with ${JSON.stringify(attempt)}`).toEqual([]);
      if (!nationalMayCall(access)) expect(response.code, path).toBe("FORBIDDEN");
      // A refusal proves nothing about what an answer would hold, so those let in must be answered.
      else if (attempt === input) expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    }
    expect(await Membership.find(targetSite, national.personId as string)).toBeUndefined();
  });
});

describe("the fixtures' own records were there to be found", () => {
  it("the table holds each of their distinctive texts", async () => {
    const text = await tableText();
    expect(fixtureTexts.filter((secret) => !text.includes(secret))).toEqual([]);
  });
});
