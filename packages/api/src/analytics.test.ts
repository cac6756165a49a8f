import { describe, expect, it } from "vitest";
import { useTestApp, worldSites } from "../testing";

/**
 * The dashboard over HTTP: national staff see every site; a site's lead sees their own beside
 * the programme and never another site's name; no one else gets in.
 */
const { tokenFor, call, person, roleIn } = useTestApp();
const [siteA, siteB] = worldSites;

describe("analytics", () => {
  it("gives national staff every site's row and the programme's", async () => {
    const national = await tokenFor(person((p) => p.role === "national"));
    const result = await call("query", "analytics.national", { period: "all" }, national);
    expect(result.status).toBe(200);
    const { sites } = result.data as { sites: { name: string }[] };
    expect(sites.map((site) => site.name)).toEqual(expect.arrayContaining(worldSites.map((site) => site.name)));
  });

  it("gives a site's lead their own site and the programme, and no other site's name or id", async () => {
    const lead = await tokenFor(person(roleIn(siteA.siteId, "lead")));
    for (const path of ["analytics.site", "analytics.exportSite"] as const) {
      const input = {
        siteId: siteA.siteId,
        period: "year",
        ...(path === "analytics.exportSite" ? { table: "sites" } : {}),
      };
      const result = await call(path === "analytics.site" ? "query" : "mutation", path, input, lead);
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      const text = JSON.stringify(result.data);
      expect(text).toContain(siteA.name);
      for (const other of worldSites.filter((site) => site.siteId !== siteA.siteId)) {
        expect(text).not.toContain(other.name);
        expect(text).not.toContain(`"${other.siteId}"`);
      }
    }
  });

  it("refuses a lead asking for another site, the site's other roles, and national staff on a site's view", async () => {
    const lead = await tokenFor(person(roleIn(siteA.siteId, "lead")));
    const other = await call("query", "analytics.site", { siteId: siteB.siteId, period: "year" }, lead);
    expect(other.status).toBe(403);
    for (const role of ["team", "expert", "provider"] as const) {
      const token = await tokenFor(person(roleIn(siteA.siteId, role)));
      expect((await call("query", "analytics.site", { siteId: siteA.siteId }, token)).status).toBe(403);
      expect((await call("query", "analytics.national", {}, token)).status).toBe(403);
    }
  });

  it("refuses a period or table it does not know, in plain words", async () => {
    const national = await tokenFor(person((p) => p.role === "national"));
    const period = await call("query", "analytics.national", { period: "decade" }, national);
    expect(period.status).toBe(400);
    expect(JSON.stringify(period.body)).toContain("Choose this quarter, the last 12 months or all time.");
    const table = await call("mutation", "analytics.exportNational", { table: "people" }, national);
    expect(table.status).toBe(400);
    expect(JSON.stringify(table.body)).toContain("Choose a table to export.");
  });
});
