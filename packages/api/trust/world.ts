import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AttributeValue, QueryCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { Membership, NATIONAL_SCOPE } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { dynamo } from "@smallsupports/core/dynamo";
import { inviteAndJoin } from "@smallsupports/core/seeding";
import { afterAll, beforeAll, expect } from "vitest";
import type { DevPerson } from "../src/dev-sign-in";
import type { LogLine } from "../src/log";
import { appRouter } from "../src/root";
import type { Access } from "../src/trpc";
import { useTestApp, worldSites } from "../testing";
import { worldMentorName, worldOrganisationName } from "../testing/world";

/** The site under attack, and the site the attackers belong to. */
export const targetSite: string = worldSites[0].siteId;
export const otherSite: string = worldSites[1].siteId;

export type CallerKind =
  | "lead"
  | "team"
  | "expert"
  | "provider"
  | "cohortProvider"
  | "national"
  | "mentor"
  | "outsider"
  | "anonymous";
export interface Caller {
  kind: CallerKind;
  siteId: string | null;
  personId: string | null;
  token: string | undefined;
}

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  access: Access | undefined;
  inputs: { safeParse(value: unknown): { success: boolean } }[];
}

/** Every procedure in the router, read from the router itself rather than from a list. */
export function allProcedures(): ProcedureInfo[] {
  // tRPC keeps a flat map of every procedure by path; its public type hides the details we read.
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureInfo["type"]; meta?: { access?: Access }; inputs: ProcedureInfo["inputs"] } }
  >;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      access: procedure._def.meta?.access,
      inputs: procedure._def.inputs,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A fingerprint of what an attack could change: every item of the attacked sites' partitions,
 * the site registry and national activity, plus the number of items in the whole table (so a
 * write anywhere else shows too). Equal fingerprints mean nothing was written. Reading only these
 * partitions keeps thousands of digests fast as the world grows.
 */
export async function tableDigest(): Promise<string> {
  const { client, tableName } = dynamo();
  const hash = createHash("sha256");
  for (const partition of [
    `site#${targetSite}`,
    `site#${otherSite}`,
    "sites",
    "open-sites",
    `site#${NATIONAL_SCOPE}`,
  ]) {
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": { S: partition } },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      hash.update(JSON.stringify(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
  }
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, Select: "COUNT", ConsistentRead: true, ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return hash.update(`items:${count}`).digest("hex");
}

/**
 * The seeded app plus the callers the trust suite attacks with: each role in the target site
 * and in another site, national staff, a signed-in person with no site, and no token at all.
 */
export function useTrustWorld() {
  const seeded = useTestApp();
  const callers = new Map<string, Caller>();
  const secrets: string[] = [];

  beforeAll(async () => {
    const find = (match: (p: DevPerson) => boolean) => seeded.person(match);
    const add = async (kind: CallerKind, siteId: string | null, person: DevPerson | null) => {
      callers.set(`${kind}@${siteId ?? "-"}`, {
        kind,
        siteId,
        personId: person?.id ?? null,
        token: person ? await seeded.tokenFor(person) : undefined,
      });
    };
    for (const siteId of [targetSite, otherSite]) {
      for (const role of ["lead", "team", "expert", "provider"] as const) {
        await add(role, siteId, find(seeded.roleIn(siteId, role)));
      }
    }
    // The target site's other provider calls the cohort's procedures (see cohortCaller), so the
    // first provider's organisation stays free to apply for the application procedures' calls.
    const providers = seeded.state.people.filter(seeded.roleIn(targetSite, "provider"));
    const first = find(seeded.roleIn(targetSite, "provider"));
    await add("cohortProvider", targetSite, providers.find((person) => person.id !== first.id) ?? null);
    await add(
      "national",
      null,
      find((p) => p.role === "national"),
    );
    await add(
      "mentor",
      null,
      find((p) => p.name === worldMentorName),
    );
    // Someone who can sign in but belongs to no site: invited somewhere, joined, then removed.
    const otherLead = find(seeded.roleIn(otherSite, "lead"));
    const outsider = await inviteAndJoin(
      { personId: otherLead.id, national: false },
      { siteId: otherSite, name: "Olive Outsider", email: "olive.outsider@example.org", role: "team" },
    );
    await withActor(systemActor, () =>
      Membership.remove({ siteId: otherSite, personId: outsider.personId, version: outsider.version }),
    );
    await add("outsider", null, {
      id: outsider.personId,
      name: outsider.name,
      role: "team",
      site: null,
      memberships: [],
    });
    await add("anonymous", null, null);

    // Everyone's name and email: the log check looks for each of them.
    const siteIds = new Set(seeded.state.people.flatMap((p) => p.memberships.map((m) => m.siteId)));
    for (const siteId of siteIds) {
      const { items } = await Membership.list({ siteId, limit: 100 });
      for (const member of items) secrets.push(member.name, member.email);
    }
    for (const person of seeded.state.people) secrets.push(person.name);
    secrets.push("Olive Outsider", "olive.outsider@example.org");
    for (const siteIndex of worldSites.keys()) secrets.push(...organisationNames(siteIndex));
  });

  function caller(kind: CallerKind, siteId: string | null = null): Caller {
    const found = callers.get(`${kind}@${siteId ?? "-"}`);
    if (!found) throw new Error(`No caller ${kind}@${siteId}`);
    return found;
  }

  /**
   * Names and emails of the target site's members, and its organisations' names: none may appear
   * in a refused response.
   */
  async function targetSecrets(): Promise<string[]> {
    const { items } = await Membership.list({ siteId: targetSite, limit: 100 });
    return [...items.flatMap((member) => [member.name, member.email]), ...organisationNames(0)];
  }

  /**
   * A provider calling a procedure that needs their organisation in the cohort (its sessions, its
   * mentoring pairings) gets the target
   * site's other provider: putting an organisation in the cohort approves it, and an approved
   * organisation cannot apply again, which the application procedures' calls by the first
   * provider need. Undefined for any other call.
   */
  function cohortCaller(access: Access, kind: CallerKind): Caller | undefined {
    if (kind !== "provider" || access.kind !== "site") return undefined;
    if (access.records !== "cohort" && access.records !== "pair") return undefined;
    return caller("cohortProvider", targetSite);
  }

  /** Someone a fixture made for one attack (a provider outside the cohort, say), signed in. */
  async function signedInAs(personId: string): Promise<Caller> {
    const person = { id: personId, name: "", role: "provider", site: null, memberships: [] } as DevPerson;
    return { kind: "provider", siteId: targetSite, personId, token: await seeded.tokenFor(person) };
  }

  return { ...seeded, caller, cohortCaller, signedInAs, targetSecrets, secrets };
}

/** Log lines carry ids, codes and timings only: these keys, and values of these shapes. */
const logShape: Record<string, RegExp> = {
  level: /^(info|error)$/,
  requestId: /^[0-9a-f-]{36}$/,
  procedure: /^[a-zA-Z.]+$/,
  siteId: /^[a-z0-9-]+$/,
  callerId: /^[0-9a-f-]{36}$/,
  method: /^[A-Z]+$/,
  path: /^\/[a-zA-Z0-9/._,-]*$/,
  status: /^\d{3}$/,
  durationMs: /^\d+$/,
  dynamoRoundTrips: /^\d+$/,
  dynamoSequential: /^\d+$/,
  error: /^[A-Za-z]+$/,
};

/** Proves no log line holds a name, an email or anything a person typed. */
export function expectNothingPersonalIn(logs: LogLine[], secrets: string[]) {
  expect(logs.length).toBeGreaterThan(0);
  const text = JSON.stringify(logs);
  const found = [...new Set(secrets)].filter((secret) => secret.length >= 4 && text.includes(secret));
  expect(found).toEqual([]);
  for (const line of logs) {
    for (const [key, value] of Object.entries(line)) {
      expect(logShape[key], `unexpected log field ${key}`).toBeDefined();
      expect(String(value)).toMatch(logShape[key] as RegExp);
    }
  }
}

/** Adds this file's figures to the run's trust report (printed by report.ts at the end). */
export function recordFigures(file: string, figures: Record<string, number>) {
  const dir = join(import.meta.dirname, "../../../.test-artifacts/trust");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${file}.json`), JSON.stringify(figures));
}

export function useFigures(file: string, figures: Record<string, number>) {
  afterAll(() => recordFigures(file, figures));
}

/** The legal names of one world site's organisations (two provider members' and three sign-ups'). */
function organisationNames(siteIndex: number): string[] {
  return Array.from({ length: 5 }, (_, index) => worldOrganisationName(siteIndex, index));
}
