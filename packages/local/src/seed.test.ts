import { Activity, Invitation, Person, Site } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { useFreshTable } from "@smallsupports/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "./seed";
import { seedSites } from "./seed-data";

useFreshTable();
beforeAll(() => seed());

describe("the demo seed", () => {
  it("creates twelve sites, each with a lead, a team, experts and providers", async () => {
    const { items } = await withActor(systemActor, () => Site.list({ limit: 100 }));
    expect(items.map((site) => site.siteId).sort()).toEqual(seedSites.map((site) => site.siteId).sort());
    for (const site of items) {
      expect(site.leads).toHaveLength(1);
      expect(site.memberCounts.team).toBeGreaterThanOrEqual(2);
      expect(site.memberCounts.expert).toBeGreaterThanOrEqual(3);
      expect(site.memberCounts.provider).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives every site an activity history and every person a distinct name", async () => {
    for (const site of seedSites) {
      expect((await Activity.list({ siteId: site.siteId, limit: 100 })).items.length).toBeGreaterThanOrEqual(10);
    }
    const people = await Person.directory();
    expect(new Set(people.map((person) => person.name)).size).toBe(people.length);
    expect(people.filter((person) => person.national)).toHaveLength(3);
  });

  it("leaves invitations waiting in every site, and one run out in every third site", async () => {
    const states = await Promise.all(
      seedSites.map(async (site) => {
        const { items } = await withActor(systemActor, () => Invitation.list({ siteId: site.siteId, limit: 100 }));
        return items.map((invitation) => invitation.status).sort();
      }),
    );
    for (const [index, statuses] of states.entries()) {
      expect(statuses).toEqual(index % 3 === 0 ? ["expired", "pending", "pending"] : ["pending", "pending"]);
    }
  });
});
