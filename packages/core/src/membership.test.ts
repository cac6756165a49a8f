import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead, inviteAndJoin } from "../seeding";
import { allItems, useFreshTable } from "../testing";
import * as Activity from "./activity";
import { type Actor, systemActor, withActor } from "./actor";
import { ConflictError, NotFoundError, RuleError } from "./errors";
import * as Membership from "./membership";
import * as Person from "./person";
import * as Site from "./site";

useFreshTable();

const national: Actor = { personId: "", national: true };
let lead: Actor;
let leadB: Actor;
const as = <T>(actor: Actor, run: () => Promise<T>) => withActor(actor, run);

beforeAll(async () => {
  const nadia = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  national.personId = nadia.personId;
  lead = await addSiteWithLead(
    national,
    { siteId: "site-a", name: "Site A", area: "Area A" },
    { name: "Lee Lead", email: "lee@example.org" },
  );
  leadB = await addSiteWithLead(
    national,
    { siteId: "site-b", name: "Site B", area: "Area B" },
    { name: "Bea Lead", email: "bea@example.org" },
  );
});

describe("joining a site", () => {
  it("adds the member with the site's count, and audits it as the person joining", async () => {
    const expertsBefore = (await Site.get({ siteId: "site-a" })).memberCounts.expert;
    const member = await inviteAndJoin(lead, {
      siteId: "site-a",
      name: "Sam Patel",
      email: "Sam.Patel@Example.org",
      role: "expert",
    });
    expect(member).toMatchObject({
      siteId: "site-a",
      siteName: "Site A",
      name: "Sam Patel",
      email: "sam.patel@example.org",
      role: "expert",
      version: 1,
    });
    expect((await Site.get({ siteId: "site-a" })).memberCounts.expert).toBe(expertsBefore + 1);
    expect(await Person.findByEmail("sam.patel@example.org")).toMatchObject({ personId: member.personId });
    const [latest] = (await Activity.list({ siteId: "site-a", limit: 1 })).items;
    expect(latest).toMatchObject({
      action: "member.joined",
      actorId: member.personId,
      recordId: member.personId,
      summary: "Sam Patel joined as Expert by experience",
    });
  });

  it("keeps one person record for someone in two sites, with a different role in each", async () => {
    const first = await inviteAndJoin(lead, {
      siteId: "site-a",
      name: "Ria Two-Sites",
      email: "ria@example.org",
      role: "team",
    });
    // The second lead types the name differently; the person keeps their own.
    const second = await inviteAndJoin(leadB, {
      siteId: "site-b",
      name: "Ria Typo",
      email: "ria@example.org",
      role: "lead",
    });
    expect(second.personId).toBe(first.personId);
    expect(second.name).toBe("Ria Two-Sites");
    const sites = await Membership.sitesOf(first.personId);
    expect(sites.map((m) => [m.siteId, m.role])).toEqual([
      ["site-a", "team"],
      ["site-b", "lead"],
    ]);
    expect((await Site.get({ siteId: "site-b" })).leads).toEqual([
      { personId: leadB.personId, name: "Bea Lead" },
      { personId: first.personId, name: "Ria Two-Sites" },
    ]);
  });

  it("lists a site's members a page at a time, and never another site's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof Membership.list>> = await Membership.list({
        siteId: "site-b",
        cursor,
        limit: 1,
      });
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((member) => `${member.siteId} ${member.name}`));
      cursor = page.cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(["site-b Bea Lead", "site-b Ria Two-Sites"]);
  });

  it("says a non-member is not found", async () => {
    await expect(Membership.get({ siteId: "site-b", personId: lead.personId })).rejects.toThrow(NotFoundError);
    expect(await Membership.find("site-b", lead.personId)).toBeUndefined();
  });
});

describe("Membership.changeRole and remove", () => {
  it("changes a role, moves the counts, bumps the version and audits before and after", async () => {
    const member = await inviteAndJoin(lead, {
      siteId: "site-a",
      name: "Role Changer",
      email: "changer@example.org",
      role: "provider",
    });
    const countsBefore = (await Site.get({ siteId: "site-a" })).memberCounts;
    const changed = await as(lead, () =>
      Membership.changeRole({ siteId: "site-a", personId: member.personId, role: "team", version: 1 }),
    );
    expect(changed).toMatchObject({ role: "team", version: 2 });
    const countsAfter = (await Site.get({ siteId: "site-a" })).memberCounts;
    expect(countsAfter.provider).toBe(countsBefore.provider - 1);
    expect(countsAfter.team).toBe(countsBefore.team + 1);
    const [latest] = (await Activity.list({ siteId: "site-a", limit: 1 })).items;
    expect(latest).toMatchObject({
      action: "member.role_changed",
      recordId: member.personId,
      summary: "Changed Role Changer's role from Provider lead to Site team",
    });
  });

  it("refuses a stale version with a conflict and writes nothing", async () => {
    const member = await inviteAndJoin(lead, {
      siteId: "site-a",
      name: "Stale Reader",
      email: "stale@example.org",
      role: "team",
    });
    await as(lead, () =>
      Membership.changeRole({ siteId: "site-a", personId: member.personId, role: "expert", version: 1 }),
    );
    const before = await allItems();
    await expect(
      as(lead, () =>
        Membership.changeRole({ siteId: "site-a", personId: member.personId, role: "provider", version: 1 }),
      ),
    ).rejects.toThrow(ConflictError);
    await expect(
      as(lead, () => Membership.remove({ siteId: "site-a", personId: member.personId, version: 1 })),
    ).rejects.toThrow(ConflictError);
    expect(await allItems()).toEqual(before);
  });

  it("lets exactly one of many concurrent role changes win; the rest conflict", async () => {
    const member = await inviteAndJoin(lead, {
      siteId: "site-a",
      name: "Race Target",
      email: "race@example.org",
      role: "team",
    });
    const roles = ["expert", "provider", "lead", "expert", "provider", "lead", "expert", "provider"] as const;
    const results = await Promise.allSettled(
      roles.map((role) =>
        as(lead, () => Membership.changeRole({ siteId: "site-a", personId: member.personId, role, version: 1 })),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(ConflictError);
    }
    const stored = await Membership.get({ siteId: "site-a", personId: member.personId });
    expect(stored.version).toBe(2);
    expect(stored.role).toBe((won[0] as PromiseFulfilledResult<{ role: string }>).value.role);
  });

  it("removes a member with their count and leaves their other sites alone", async () => {
    const member = await inviteAndJoin(lead, {
      siteId: "site-a",
      name: "Leaving Soon",
      email: "leaving@example.org",
      role: "expert",
    });
    await inviteAndJoin(leadB, { siteId: "site-b", name: "Leaving Soon", email: "leaving@example.org", role: "team" });
    const expertsBefore = (await Site.get({ siteId: "site-a" })).memberCounts.expert;
    await as(lead, () => Membership.remove({ siteId: "site-a", personId: member.personId, version: 1 }));
    expect(await Membership.find("site-a", member.personId)).toBeUndefined();
    expect((await Site.get({ siteId: "site-a" })).memberCounts.expert).toBe(expertsBefore - 1);
    expect((await Membership.sitesOf(member.personId)).map((m) => m.siteId)).toEqual(["site-b"]);
    // Their person record stays, for the site they still belong to.
    expect(await Person.findByEmail("leaving@example.org")).toMatchObject({ personId: member.personId });
  });

  it("never leaves a site without a project lead", async () => {
    const only = await addSiteWithLead(
      national,
      { siteId: "one-lead", name: "One Lead", area: "Area" },
      { name: "Only Lead", email: "only-lead@example.org" },
    );
    const before = await allItems();
    await expect(
      as(only, () => Membership.changeRole({ siteId: "one-lead", personId: only.personId, role: "team", version: 1 })),
    ).rejects.toThrow(RuleError);
    await expect(
      as(only, () => Membership.remove({ siteId: "one-lead", personId: only.personId, version: 1 })),
    ).rejects.toThrow(RuleError);
    expect(await allItems()).toEqual(before);

    const second = await inviteAndJoin(only, {
      siteId: "one-lead",
      name: "Second Lead",
      email: "second-lead@example.org",
      role: "lead",
    });
    await as({ personId: second.personId, national: false }, () =>
      Membership.remove({ siteId: "one-lead", personId: only.personId, version: 1 }),
    );
    expect((await Site.get({ siteId: "one-lead" })).leads).toEqual([
      { personId: second.personId, name: "Second Lead" },
    ]);
  });
});
