import { afterAll, describe, expect, it } from "vitest";
import type { Access } from "../src/trpc";
import { fixtures } from "./fixtures";
import {
  allProcedures,
  type CallerKind,
  expectNothingPersonalIn,
  tableDigest,
  targetSite,
  useTrustWorld,
} from "./world";

const world = useTrustWorld();
const { cohortCaller } = world;
afterAll(() => expectNothingPersonalIn(world.state.logs, world.secrets));

const insiders: CallerKind[] = ["lead", "team", "expert", "provider", "national", "mentor"];

/** What the declared rule says this kind of caller may do. */
function allowed(access: Access, kind: CallerKind): boolean {
  switch (access.kind) {
    case "public":
    case "authed":
      return true;
    case "national":
      return kind === "national";
    case "mentor":
      return kind === "mentor";
    case "site":
      return kind === "national" ? access.nationalMayRead : (access.roles as readonly string[]).includes(kind);
  }
}

describe("inside the site, each role can call exactly what its rule allows", () => {
  it.each(allProcedures().map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const access = procedure.access as Access;
    const type = procedure.type as "query" | "mutation";
    for (const kind of insiders) {
      const caller =
        cohortCaller(access, kind) ?? world.caller(kind, kind === "national" || kind === "mentor" ? null : targetSite);
      const input = await fixtures[path]?.valid(targetSite, caller.personId ?? undefined);
      const before = await tableDigest();
      const response = await world.call(type, path, input, caller.token);
      if (allowed(access, kind)) {
        expect(response.status, `${kind} should be able to call ${path}: ${JSON.stringify(response.body)}`).toBe(200);
      } else {
        expect(response.code, `${kind} should not be able to call ${path}`).toBe("FORBIDDEN");
        expect(await tableDigest()).toBe(before);
      }
    }
  });

  it("matches what the roles are for", () => {
    const rule = (path: string) => fixtures[path]?.access;
    // Experts and providers never see the member list or change it; only leads change it.
    expect(allowed(rule("member.list") as Access, "expert")).toBe(false);
    expect(allowed(rule("member.list") as Access, "provider")).toBe(false);
    expect(allowed(rule("invitation.invite") as Access, "team")).toBe(false);
    expect(allowed(rule("invitation.list") as Access, "team")).toBe(false);
    // National staff invite project leads, never anyone else, and never see a site's other invitations.
    expect(allowed(rule("invitation.inviteLead") as Access, "national")).toBe(true);
    expect(allowed(rule("invitation.invite") as Access, "national")).toBe(false);
    // National staff read a site's summary, never its members.
    expect(allowed(rule("site.get") as Access, "national")).toBe(true);
    expect(allowed(rule("member.list") as Access, "national")).toBe(false);
  });
});
