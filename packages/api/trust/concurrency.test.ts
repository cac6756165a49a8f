import { Activity, Invitation, Membership } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { inviteAndJoin } from "@smallsupports/core/seeding";
import { describe, expect, it } from "vitest";
import { targetSite, useTrustWorld } from "./world";

const world = useTrustWorld();

describe("no lost updates", () => {
  it("50 concurrent role changes to one member: one version wins, the rest get CONFLICT", async () => {
    const member = await inviteAndJoin(systemActor, {
      siteId: targetSite,
      name: "Race Subject",
      email: "race.subject@example.org",
      role: "team",
    });
    const lead = world.caller("lead", targetSite);
    const roles = ["expert", "provider", "lead"] as const;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        world.call(
          "mutation",
          "member.changeRole",
          { siteId: targetSite, personId: member.personId, role: roles[i % roles.length], version: member.version },
          lead.token,
        ),
      ),
    );
    const won = responses.filter((response) => response.status === 200);
    const lost = responses.filter((response) => response.status !== 200);
    expect(won).toHaveLength(1);
    for (const response of lost) expect(response.code).toBe("CONFLICT");

    // The one success is exactly what is stored, and the activity list records it once.
    const stored = await Membership.get({ siteId: targetSite, personId: member.personId });
    expect(won[0]?.data).toMatchObject({ role: stored.role, version: stored.version });
    expect(stored.version).toBe(member.version + 1);
    const events = (await Activity.list({ siteId: targetSite, limit: 100 })).items.filter(
      (event) => event.recordId === member.personId && event.action === "member.role_changed",
    );
    expect(events).toHaveLength(1);
  });

  it("ten rounds of five racing changes, each from the version last seen, keep every successful write", async () => {
    const member = await inviteAndJoin(systemActor, {
      siteId: targetSite,
      name: "Many Changes",
      email: "many.changes@example.org",
      role: "team",
    });
    const lead = world.caller("lead", targetSite);
    // Five people race in each round, each starting from what they last read.
    let successes = 0;
    for (let round = 0; round < 10; round++) {
      const seen = await Membership.get({ siteId: targetSite, personId: member.personId });
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          world.call(
            "mutation",
            "member.changeRole",
            {
              siteId: targetSite,
              personId: member.personId,
              role: seen.role === "team" ? "expert" : "team",
              version: seen.version,
            },
            lead.token,
          ),
        ),
      );
      const won = responses.filter((response) => response.status === 200);
      expect(won).toHaveLength(1);
      successes += won.length;
    }
    const stored = await Membership.get({ siteId: targetSite, personId: member.personId });
    expect(stored.version).toBe(1 + successes);
  });

  it("the same address invited 50 times at once has one invitation", async () => {
    const lead = world.caller("lead", targetSite);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        world.call(
          "mutation",
          "invitation.invite",
          { siteId: targetSite, name: "Only Once", email: "only.once@example.org", role: "expert" },
          lead.token,
        ),
      ),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 200)) expect(response.code).toBe("CONFLICT");
    const { items } = await Invitation.list({ siteId: targetSite, limit: 100 });
    expect(items.filter((invitation) => invitation.email === "only.once@example.org")).toHaveLength(1);
  });

  it("one invitation accepted 20 times at once makes one membership, counted once", async () => {
    const invitation = await withActor(systemActor, () =>
      Invitation.invite({ siteId: targetSite, name: "Joins Once", email: "joins.once@example.org", role: "expert" }),
    );
    const response = await world.app().request("/api/dev/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "joins.once@example.org" }),
    });
    const { token } = (await response.json()) as { token: string };
    const before = (
      await world.call("query", "site.get", { siteId: targetSite }, world.caller("lead", targetSite).token)
    ).data as { memberCounts: { expert: number } };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        world.call(
          "mutation",
          "invitation.accept",
          { siteId: targetSite, invitationId: invitation.invitationId },
          token,
        ),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of responses.filter((r) => r.status !== 200)) expect(r.code).toBeOneOf(["CONFLICT", "NOT_FOUND"]);
    const { items } = await Membership.list({ siteId: targetSite, limit: 100 });
    expect(items.filter((member) => member.email === "joins.once@example.org")).toHaveLength(1);
    const after = (
      await world.call("query", "site.get", { siteId: targetSite }, world.caller("lead", targetSite).token)
    ).data as { memberCounts: { expert: number } };
    expect(after.memberCounts.expert).toBe(before.memberCounts.expert + 1);
  });
});
