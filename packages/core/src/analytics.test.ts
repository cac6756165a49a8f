import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithTeam, approvedProvider, establishedProvider, publishAndOpen, signUpAndRegister } from "../seeding";
import { auditEvents, useFreshTable } from "../testing";
import { type Actor, withActor } from "./actor";
import * as Analytics from "./analytics";
import { cellText } from "./analytics-shape";
import { NATIONAL_SCOPE } from "./change";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { standings } from "./organisation-shape";
import { countRoundTrips } from "./round-trips";

useFreshTable();

const north = { siteId: "north", name: "North Site", area: "The North" };
const south = { siteId: "south", name: "South Site", area: "The South" };
const national: Actor = { personId: "national-person", national: true };
let northLead: Actor;

beforeAll(async () => {
  ({ lead: northLead } = await addSiteWithTeam(north, { name: "Nora North", email: "nora@example.org" }, {}));
  const { lead: southLead } = await addSiteWithTeam(south, { name: "Sol South", email: "sol@example.org" }, {});
  await publishAndOpen(northLead, north.siteId);
  await publishAndOpen(southLead, south.siteId);
  for (const [index, name] of ["Ash Support", "Birch Support"].entries()) {
    await approvedProvider(
      northLead,
      north.siteId,
      { name: `Provider ${index}`, email: `north${index}@example.org` },
      establishedProvider(name),
    );
  }
  await signUpAndRegister(north.siteId, { name: "Cara", email: "cara@example.org" }, establishedProvider("Cedar Care"));
  await signUpAndRegister(south.siteId, { name: "Dev", email: "dev@example.org" }, establishedProvider("Dale Homes"));
});

/** Organisations by standing, counted from the organisations themselves. */
async function standingsFromRecords(siteId: string) {
  const { data } = await db.entities.organisation.query.bySite({ siteId }).go({ pages: "all" });
  return Object.fromEntries(
    standings.map((standing) => [standing, data.filter((o) => o.standing === standing).length]),
  );
}

describe("the national dashboard", () => {
  it("shows every site's figures as the records give them, beside the programme's average per site", async () => {
    const dashboard = await withActor(national, () => Analytics.forNational({ period: "all" }));
    expect(dashboard.sites.map((site) => site.name)).toEqual(["North Site", "South Site"]);
    for (const site of dashboard.sites) {
      const fromRecords = await standingsFromRecords(site.siteId);
      for (const standing of ["interest", "applying", "in-review", "approved", "declined"]) {
        expect(site.cells[`standing:${standing}`], `${site.name} ${standing}`).toEqual({
          kind: "number",
          value: fromRecords[standing],
        });
      }
    }
    const [northRow, southRow] = dashboard.sites;
    expect(northRow?.cells.approvals).toEqual({ kind: "number", value: 2 });
    expect(northRow?.cells.decisions).toEqual({ kind: "number", value: 2 });
    expect(northRow?.cells.cohortMembers).toEqual({ kind: "number", value: 2 });
    expect(northRow?.cells.interestRegistered).toEqual({ kind: "number", value: 3 });
    expect(northRow?.cells.decideDays).toEqual({ kind: "days", from: 0, to: 7 });
    expect(southRow?.cells.decideDays).toEqual({ kind: "none" });
    expect(southRow?.cells.interestRegistered).toEqual({ kind: "number", value: 1 });
    // Averages per site: 2 approved in the north and none in the south.
    expect(dashboard.programme.cells["standing:approved"]).toEqual({ kind: "number", value: 1 });
    expect(dashboard.programme.cells.interestRegistered).toEqual({ kind: "number", value: 2 });
    expect(dashboard.pipeline[0]?.counts).toMatchObject({ approved: 2, interest: 1 });
    expect(northRow?.cells.lastRecorded).toMatchObject({ kind: "date", stale: false });
    expect(dashboard.staleSites).toBe(0);
  });

  it("counts this month in this quarter and the last 12 months, month by month", async () => {
    for (const period of ["quarter", "year"] as const) {
      const dashboard = await withActor(national, () => Analytics.forNational({ period }));
      expect(dashboard.months.length).toBe(period === "year" ? 12 : dashboard.months.length);
      const north = dashboard.monthly.find((site) => site.siteId === "north");
      expect(north?.approvals.at(-1)).toBe(2);
      expect(north?.approvals.reduce((sum, count) => sum + count, 0)).toBe(2);
      expect(dashboard.programmeMonthly.interest.at(-1)).toBe(4);
    }
  });

  it("compares panel scores by national characteristic, as shares of the top score", async () => {
    const dashboard = await withActor(national, () => Analytics.forNational({ period: "all" }));
    // The lead decided without a panel, so no scores yet: nothing to show rather than zero.
    expect(dashboard.characteristics).toHaveLength(9);
    expect(dashboard.characteristics[0]?.programme).toEqual({ kind: "none" });
  });

  it("narrows to the chosen sites, keeping the programme's figures those of every site", async () => {
    const all = await withActor(national, () => Analytics.forNational({ period: "all" }));
    const chosen = await withActor(national, () => Analytics.forNational({ period: "all", siteIds: ["south"] }));
    expect(chosen.sites.map((site) => site.siteId)).toEqual(["south"]);
    expect(chosen.characteristics[0]?.bySite).toHaveLength(1);
    expect(chosen.programme).toEqual(all.programme);
  });

  it("reads the same number of times however many sites and records there are", async () => {
    const { result, roundTrips } = await countRoundTrips(() =>
      withActor(national, () => Analytics.forNational({ period: "year" })),
    );
    // The registry, then side by side the sites' all-time items, this year's and last year's:
    // one BatchGetItem each, for up to 100 sites.
    expect(result.months).toHaveLength(12);
    expect(roundTrips.sequential).toBe(2);
    expect(roundTrips.calls.map((call) => call.command).sort()).toEqual([
      "BatchGetItemCommand",
      "BatchGetItemCommand",
      "BatchGetItemCommand",
      "QueryCommand",
    ]);
  });
});

describe("a site lead's view", () => {
  it("shows their own site beside the programme, and names no other site", async () => {
    const view = await withActor(northLead, () => Analytics.forSite({ siteId: "north", period: "all" }));
    expect(view.sites.map((site) => site.siteId)).toEqual(["north"]);
    const text = JSON.stringify(view);
    expect(text).not.toContain("South Site");
    expect(text).not.toContain('"south"');
    expect(view.programme.cells["standing:approved"]).toEqual({ kind: "number", value: 1 });
  });

  it("is not found for a site that does not exist", async () => {
    await expect(withActor(northLead, () => Analytics.forSite({ siteId: "nowhere", period: "all" }))).rejects.toThrow(
      NotFoundError,
    );
  });
});

describe("exporting a table", () => {
  it("gives the site comparison as CSV named with the period, and audits the export", async () => {
    const before = (await auditEvents()).length;
    const { fileName, csv } = await withActor(national, () =>
      Analytics.exportForNational({ period: "year", table: "sites" }),
    );
    expect(fileName).toMatch(/^small-supports-sites-last-12-months-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, first, second, programme] = csv.trim().split("\n");
    expect(header).toMatch(/^Site,Registered interest,Writing an application,/);
    expect(first).toMatch(/^North Site,1,0,0,2,0,0,0,3,2,2,0 to 7 days,2,/);
    expect(second).toMatch(/^South Site,1,/);
    expect(programme).toMatch(/^Programme average per site,1,0,0,1,/);
    const events = await auditEvents();
    expect(events).toHaveLength(before + 1);
    expect(events.find((event) => event.action === "analytics.exported")).toMatchObject({
      siteId: NATIONAL_SCOPE,
      recordId: "sites",
    });
  });

  it("writes every figure as the page shows it", () => {
    expect(cellText({ kind: "fewer-than-8" })).toBe("fewer than 8");
    expect(cellText({ kind: "share", value: 0.756, outOf: 10 })).toBe("76%");
    expect(cellText({ kind: "days", from: 366, to: null })).toBe("over 365 days");
  });
});
