import { afterAll, describe, expect, it } from "vitest";
import type { Access } from "../src/trpc";
import { fixtures } from "./fixtures";
import {
  allProcedures,
  type Caller,
  expectNothingPersonalIn,
  otherSite,
  recordFigures,
  tableDigest,
  targetSite,
  useTrustWorld,
} from "./world";

const world = useTrustWorld();
const refused = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"];
const figures = { attacks: 0, leaks: 0 };

afterAll(() => {
  recordFigures("isolation", figures);
  expectNothingPersonalIn(world.state.logs, world.secrets);
});

/** Makes one hostile call and proves it was refused, leaked nothing and changed nothing. */
async function attack(path: string, type: "query" | "mutation", caller: Caller, input: unknown, extra: string[] = []) {
  const secrets = [...(await world.targetSecrets()), ...extra];
  const before = await tableDigest();
  const response = await world.call(type, path, input, caller.token);
  const body = JSON.stringify(response.body);
  const leaked = secrets.filter((secret) => body.includes(secret));
  figures.attacks++;
  if (leaked.length || !refused.includes(response.code ?? "")) figures.leaks++;
  expect(response.code, `${caller.kind}@${caller.siteId} calling ${path}`).toBeOneOf(refused);
  expect(leaked).toEqual([]);
  expect(await tableDigest()).toBe(before);
}

const siteProcedures = allProcedures().filter((procedure) => procedure.access?.kind === "site");
const nationalProcedures = allProcedures().filter((procedure) => procedure.access?.kind === "national");

describe("a caller from outside the site is refused and sees nothing", () => {
  it.each(siteProcedures.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const attackers = [
      ...(["lead", "team", "expert", "provider"] as const).map((kind) => world.caller(kind, otherSite)),
      world.caller("outsider"),
      world.caller("anonymous"),
    ];
    for (const attacker of attackers) {
      const input = await fixtures[path]?.valid(targetSite);
      await attack(path, procedure.type as "query" | "mutation", attacker, input);
    }
  });
});

describe("an id from another site, sent with the caller's own site, is refused", () => {
  const swappable = siteProcedures.filter((procedure) => fixtures[procedure.path]?.swap);
  it("covers every procedure that names a record", () => {
    expect(swappable.map((procedure) => procedure.path)).toEqual([
      "application.get",
      "application.moveStage",
      "invitation.cancel",
      "invitation.correct",
      "invitation.resend",
      "member.changeRole",
      "member.remove",
      "organisation.get",
      "organisation.update",
    ]);
  });
  it.each(swappable.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    // The other site's lead may do anything in their own site, but not to the target's records.
    const lead = world.caller("lead", otherSite);
    const input = await fixtures[path]?.swap?.(otherSite, targetSite);
    await attack(path, procedure.type as "query" | "mutation", lead, input);
  });
});

describe("national procedures refuse everyone but national staff", () => {
  it.each(nationalProcedures.map((procedure) => [procedure.path, procedure] as const))(
    "%s",
    async (path, procedure) => {
      const attackers = [
        ...(["lead", "team", "expert", "provider"] as const).map((kind) => world.caller(kind, targetSite)),
        world.caller("outsider"),
        world.caller("anonymous"),
      ];
      for (const attacker of attackers) {
        await attack(path, procedure.type as "query" | "mutation", attacker, await fixtures[path]?.valid(targetSite));
      }
    },
  );
});

describe("national mentors' procedures refuse everyone but national mentors", () => {
  const mentorProcedures = allProcedures().filter((procedure) => procedure.access?.kind === "mentor");
  it.each(mentorProcedures.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const attackers = [
      ...(["lead", "team", "expert", "provider"] as const).map((kind) => world.caller(kind, targetSite)),
      world.caller("national"),
      world.caller("outsider"),
      world.caller("anonymous"),
    ];
    for (const attacker of attackers) {
      await attack(path, procedure.type as "query" | "mutation", attacker, await fixtures[path]?.valid(targetSite));
    }
  });
});

describe("signed-in procedures without a site answer only about the caller", () => {
  const authedProcedures = allProcedures().filter((procedure) => procedure.access?.kind === "authed");
  it.each(authedProcedures.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const type = procedure.type as "query" | "mutation";
    await attack(path, type, world.caller("anonymous"), await fixtures[path]?.valid(targetSite));
    const secrets = await world.targetSecrets();
    const lead = world.caller("lead", otherSite);
    const response = await world.call(
      type,
      path,
      await fixtures[path]?.valid(otherSite, lead.personId ?? undefined),
      lead.token,
    );
    expect(response.status).toBe(200);
    figures.attacks++;
    expect(secrets.filter((secret) => JSON.stringify(response.body).includes(secret))).toEqual([]);
  });
});

describe("a record-level rule refuses a caller who does not own the record", () => {
  const recordLevel = allProcedures().filter(
    (procedure) => (procedure.access as (Access & { records?: string }) | undefined)?.records,
  );

  it("every procedure that declares a record-level rule comes with an attack on it, and only those", () => {
    expect(recordLevel.filter((procedure) => !fixtures[procedure.path]?.notOwner).map((p) => p.path)).toEqual([]);
    const declared = new Set(recordLevel.map((procedure) => procedure.path));
    expect(
      Object.entries(fixtures)
        .filter(([path, fixture]) => fixture.notOwner && !declared.has(path))
        .map(([path]) => path),
    ).toEqual([]);
  });

  it.each(recordLevel.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const attempt = await fixtures[path]?.notOwner?.(targetSite);
    if (!attempt) throw new Error(`${path} needs notOwner in trust/fixtures.ts`);
    const caller =
      typeof attempt.caller === "string"
        ? world.caller(attempt.caller, targetSite)
        : await world.signedInAs(attempt.caller.personId);
    await attack(path, procedure.type as "query" | "mutation", caller, attempt.input, attempt.secrets);
  });
});
