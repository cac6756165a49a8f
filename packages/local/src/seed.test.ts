import { Activity, Application, Invitation, Person, Process, Site, SiteStats } from "@smallsupports/core";
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

describe("the demo's provider approval", () => {
  it("publishes every site's process and leaves all but one open to applications", async () => {
    const open = await Site.listOpen();
    expect(open.map((site) => site.siteId).sort()).toEqual(
      seedSites
        .map((site) => site.siteId)
        .filter((siteId) => siteId !== "kent-medway")
        .sort(),
    );
    for (const site of seedSites) expect(await Process.latestNumber(site.siteId)).toBeGreaterThanOrEqual(1);
    // Lancashire and South Cumbria's example cohort applied on the first version; later ones on the second.
    expect(await Process.latestNumber("lancashire-south-cumbria")).toBe(2);
  });

  it("has organisations at every point of applying in every site, counted as they stand", async () => {
    for (const site of seedSites) {
      const counts = await SiteStats.counts(site.siteId);
      for (const standing of ["interest", "applying", "in-review", "withdrawn"]) {
        expect(counts.get(`standing:${standing}`), `${site.siteId} ${standing}`).toBeGreaterThanOrEqual(1);
      }
      for (const column of ["s-interest", "s-application", "s-panel", "s-conversation", "s-decision", "withdrawn"]) {
        expect(counts.get(`column:${column}`), `${site.siteId} ${column}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("holds Lancashire and South Cumbria's three example providers", async () => {
    const names: string[] = [];
    for (const column of ["s-interest", "s-panel", "s-conversation"]) {
      const { items } = await Application.board({ siteId: "lancashire-south-cumbria", column, limit: 50 });
      names.push(...items.map((item) => item.organisationName));
    }
    expect(names).toEqual(expect.arrayContaining(["Lune Valley Living", "Pendle Circles Ltd", "Bay Horizons"]));
  });
});
