import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead } from "../seeding";
import { allItems, countTransactions, useFreshTable } from "../testing";
import * as Activity from "./activity";
import { type Actor, systemActor, withActor } from "./actor";
import { ForbiddenError, ValidationError } from "./errors";
import * as Invitation from "./invitation";
import * as Person from "./person";
import * as Site from "./site";

useFreshTable();

const national: Actor = { personId: "", national: true };
const notNational: Actor = { personId: "lead-1", national: false };
const asNational = <T>(run: () => Promise<T>) => withActor(national, run);

beforeAll(async () => {
  const nadia = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  national.personId = nadia.personId;
});

const lead = { name: "Lena Lead", email: "lena.lead@example.org" };

describe("Site.create", () => {
  it("creates the registry entry, statistics, a draft approval process and the lead's invitation in one change", async () => {
    let created: Site.SiteSummary | undefined;
    const transactions = await countTransactions(async () => {
      created = await asNational(() =>
        Site.create({ siteId: "north-east", name: "North East", area: "Tyne and Wear", lead }),
      );
    });
    expect(transactions).toBe(1);
    const site = created as Site.SiteSummary;
    expect(site).toMatchObject({ siteId: "north-east", name: "North East", area: "Tyne and Wear", version: 1 });
    // The lead is invited, not yet a member: nobody is counted until they join.
    expect(site.memberCounts).toEqual({ lead: 0, team: 0, expert: 0, provider: 0 });
    expect(site.leads).toEqual([]);

    const items = await allItems();
    const inSite = items.filter((item) => item.pk === "site#north-east");
    expect(inSite.map((item) => String(item.sk).split("#")[0]).sort()).toEqual([
      "audit",
      "audit",
      "figures",
      "invitation",
      "invitee",
      "outbox",
      "process",
      "stats",
    ]);
    const process = inSite.find((item) => item.sk === "process#draft");
    expect(process).toMatchObject({ publishedVersion: 0, version: 1 });
    expect(JSON.parse(String(process?.definition)).criteria).toHaveLength(9);
    expect(items.some((item) => item.pk === "sites" && item.sk === "site#north-east")).toBe(true);

    const [invitation] = await asNational(() => Invitation.leadInvitations({ siteId: "north-east" }));
    expect(invitation).toMatchObject({ name: "Lena Lead", email: "lena.lead@example.org", role: "lead" });
    expect(invitation?.invitedBy).toBe(national.personId);

    const activity = await Activity.list({ siteId: "north-east" });
    expect(activity.items.map((item) => [item.action, item.actorName]).sort()).toEqual([
      ["invitation.sent", "Nadia National"],
      ["site.created", "Nadia National"],
    ]);
  });

  it("counts and names the lead once they have joined", async () => {
    const sol = await addSiteWithLead(
      national,
      { siteId: "south-west", name: "South West", area: "Devon" },
      { name: "Sol Lead", email: "sol.lead@example.org" },
    );
    const site = await Site.get({ siteId: "south-west" });
    expect(site.memberCounts).toEqual({ lead: 1, team: 0, expert: 0, provider: 0 });
    expect(site.leads).toEqual([{ personId: sol.personId, name: "Sol Lead" }]);
    expect(await asNational(() => Invitation.leadInvitations({ siteId: "south-west" }))).toEqual([]);
  });

  it("takes the address as typed in any case, with spaces around it", async () => {
    const site = await asNational(() =>
      Site.create({ siteId: "  West-Midlands ", name: "West Midlands", area: "Birmingham", lead }),
    );
    expect(site.siteId).toBe("west-midlands");
    expect((await Site.get({ siteId: "WEST-MIDLANDS" })).name).toBe("West Midlands");
  });

  it("refuses a duplicate address and writes nothing", async () => {
    await asNational(() => Site.create({ siteId: "dup-site", name: "First", area: "Somewhere", lead }));
    const before = await allItems();
    await expect(
      asNational(() =>
        Site.create({
          siteId: "dup-site",
          name: "Second",
          area: "Elsewhere",
          lead: { name: "Other Lead", email: "other.lead@example.org" },
        }),
      ),
    ).rejects.toThrow(/already exists/);
    expect(await allItems()).toEqual(before);
  });

  it.each([
    [{ siteId: "Bad Slug", name: "Fine name", area: "Fine area", lead }, /lower-case/],
    [{ siteId: "ok-slug", name: "", area: "Fine area", lead }, /site name/],
    [{ siteId: "ok-slug", name: "Fine name", area: "x".repeat(500), lead }, /area/],
    [{ siteId: "ok-slug", name: "Fine name", area: "Fine area", lead, extra: 1 }, /Unexpected field/],
    [{ siteId: 12, name: "Fine name", area: "Fine area", lead }, /Site id/],
    [{ siteId: "ok-slug", name: "Fine name", area: "Fine area" }, /Lead: Name the site's project lead/],
    [{ siteId: "ok-slug", name: "Fine name", area: "Fine area", lead: { name: "Lena Lead" } }, /Email/],
    [{ siteId: "ok-slug", name: "Fine name", area: "Fine area", lead: { ...lead, email: "nope" } }, /valid email/],
  ])("refuses invalid input %j with a plain message and writes nothing", async (input, message) => {
    const before = await allItems();
    const attempt = asNational(() => Site.create(input as never));
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await allItems()).toEqual(before);
  });

  it("refuses anyone who is not national staff", async () => {
    await expect(
      withActor(notNational, () => Site.create({ siteId: "sneaky", name: "Sneaky", area: "Nowhere", lead })),
    ).rejects.toThrow(ForbiddenError);
    expect((await allItems()).some((item) => item.pk === "site#sneaky")).toBe(false);
  });
});

describe("Site.list", () => {
  it("pages through every site in address order", async () => {
    for (const id of ["list-a", "list-b", "list-c"]) {
      await asNational(() => Site.create({ siteId: id, name: `Site ${id}`, area: "Area", lead }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof Site.list>> = await Site.list({ cursor, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((site) => site.siteId));
      cursor = page.cursor;
    } while (cursor);
    expect(seen.filter((id) => id.startsWith("list-"))).toEqual(["list-a", "list-b", "list-c"]);
    expect([...seen].sort()).toEqual(seen);
  });
});
