import { auditEvents, auditProblems } from "@smallsupports/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import type { Access } from "../src/trpc";
import { fixtureNamePrefix, fixtures } from "./fixtures";
import { allProcedures, expectNothingPersonalIn, tableDigest, targetSite, useTrustWorld } from "./world";

const world = useTrustWorld();
afterAll(() => expectNothingPersonalIn(world.state.logs, world.secrets));

const mutations = allProcedures().filter((procedure) => procedure.type === "mutation");

/** Someone the procedure's rule lets in. */
function allowedCaller(access: Access) {
  if (access.kind === "national") return world.caller("national");
  if (access.kind === "mentor") return world.caller("mentor");
  if (access.kind === "site") {
    const kind = access.roles[0] ?? "lead";
    return world.cohortCaller(access, kind) ?? world.caller(kind, targetSite);
  }
  return world.caller("lead", targetSite);
}

describe("every successful change leaves an audit event naming the actor and the record", () => {
  it.each(mutations.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const fixture = fixtures[path];
    if (!fixture?.recordIdOf || !fixture.auditSiteOf) throw new Error(`${path} needs recordIdOf and auditSiteOf`);
    const caller = allowedCaller(procedure.access as Access);
    const input = await fixture.valid(targetSite, caller.personId ?? undefined);
    const auditSite = fixture.auditSiteOf(input);
    // The stored events, not the activity list: that one words events for readers (and never
    // names who declined an invitation), and national changes have no list of their own.
    const eventsIn = async (siteId: string) => (await auditEvents()).filter((event) => event.siteId === siteId);
    const before = (await eventsIn(auditSite)).map((event) => event.eventId);

    const response = await world.call("mutation", path, input, caller.token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);

    const added = (await eventsIn(auditSite)).filter((event) => !before.includes(event.eventId));
    expect(added.length).toBeGreaterThanOrEqual(1);
    expect(added).toContainEqual(
      expect.objectContaining({ actorId: caller.personId, recordId: fixture.recordIdOf(input, response.data) }),
    );
  });
});

describe("a change that fails leaves no audit event and no other write", () => {
  it.each(mutations.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const fixture = fixtures[path];
    const caller = allowedCaller(procedure.access as Access);
    const valid = (await fixture?.valid(targetSite, caller.personId ?? undefined)) as Record<string, unknown>;
    const before = await tableDigest();
    // Valid in every way but one: a field that no procedure accepts.
    const response = await world.call("mutation", path, { ...valid, unexpected: "field" }, caller.token);
    expect(response.code).toBe("BAD_REQUEST");
    expect(await tableDigest()).toBe(before);
  });
});

describe("audit events, kept for good, hold nothing personal", () => {
  it("after every change above: ids and codes only, no name, email or typed text", async () => {
    const events = await auditEvents();
    expect(events.length).toBeGreaterThan(mutations.length);
    expect(auditProblems(events, [...world.secrets, fixtureNamePrefix, "Trust Site", "@"])).toEqual([]);
  });
});
