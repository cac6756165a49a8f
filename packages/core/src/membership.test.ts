import { beforeAll, describe, expect, it } from "vitest";
import { allItems, useFreshTable } from "../testing";
import * as Activity from "./activity";
import { type Actor, withActor } from "./actor";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Membership from "./membership";
import * as Person from "./person";
import * as Site from "./site";

useFreshTable();

const national: Actor = { personId: "national-1", national: true };
const lead: Actor = { personId: "lead-actor", national: false };
const as = <T>(actor: Actor, run: () => Promise<T>) => withActor(actor, run);

beforeAll(async () => {
  await as(national, () => Site.create({ siteId: "site-a", name: "Site A", area: "Area A" }));
  await as(national, () => Site.create({ siteId: "site-b", name: "Site B", area: "Area B" }));
});

describe("Membership.invite", () => {
  it("adds a new person, counts them and audits it in the same transaction", async () => {
    const member = await as(lead, () =>
      Membership.invite({ siteId: "site-a", name: "Sam Patel", email: "Sam.Patel@Example.org", role: "expert" }),
    );
    expect(member).toMatchObject({
      siteId: "site-a",
      name: "Sam Patel",
      email: "sam.patel@example.org",
      role: "expert",
      version: 1,
    });
    expect((await Site.get({ siteId: "site-a" })).memberCounts.expert).toBe(1);
    expect(await Person.findByEmail("sam.patel@example.org")).toMatchObject({ personId: member.personId });
    const activity = await Activity.list({ siteId: "site-a" });
    expect(activity.items[0]).toMatchObject({
      action: "member.invited",
      actorId: "lead-actor",
      recordId: member.personId,
      summary: "Invited Sam Patel as Expert by experience",
    });
  });

  it("adds someone who already signs in under their existing record, with a different role per site", async () => {
    const first = await as(lead, () =>
      Membership.invite({ siteId: "site-a", name: "Ria Two-Sites", email: "ria@example.org", role: "team" }),
    );
    const second = await as(lead, () =>
      Membership.invite({ siteId: "site-b", name: "Ria Typo", email: "ria@example.org", role: "lead" }),
    );
    expect(second.personId).toBe(first.personId);
    expect(second.name).toBe("Ria Two-Sites");
    const sites = await Membership.sitesOf(first.personId);
    expect(sites.map((m) => [m.siteId, m.role])).toEqual([
      ["site-a", "team"],
      ["site-b", "lead"],
    ]);
    expect((await Site.get({ siteId: "site-b" })).leads).toEqual([{ personId: first.personId, name: "Ria Two-Sites" }]);
  });

  it("refuses a second invitation to the same site and writes nothing", async () => {
    await as(lead, () =>
      Membership.invite({ siteId: "site-a", name: "Once Only", email: "once@example.org", role: "team" }),
    );
    const before = await allItems();
    await expect(
      as(lead, () =>
        Membership.invite({ siteId: "site-a", name: "Once Only", email: "once@example.org", role: "expert" }),
      ),
    ).rejects.toThrow(/already a member/);
    expect(await allItems()).toEqual(before);
  });

  it("refuses a site that does not exist and writes nothing", async () => {
    const before = await allItems();
    await expect(
      as(lead, () =>
        Membership.invite({ siteId: "no-such-site", name: "Nobody", email: "nobody@example.org", role: "team" }),
      ),
    ).rejects.toThrow(NotFoundError);
    expect(await allItems()).toEqual(before);
  });

  it.each([
    [{ siteId: "site-a", name: "X", email: "x@example.org", role: "team" }, /Name/],
    [{ siteId: "site-a", name: "Valid Name", email: "not-an-email", role: "team" }, /valid email/],
    [{ siteId: "site-a", name: "Valid Name", email: "v@example.org", role: "owner" }, /Choose a role/],
    [{ siteId: "site-a", email: "v@example.org", role: "team" }, /Name: This is required/],
    [{ siteId: "site-a", name: "Valid Name", email: "v@example.org" }, /Role: Choose a role/],
  ])("refuses invalid input %j and writes nothing", async (input, message) => {
    const before = await allItems();
    const attempt = as(lead, () => Membership.invite(input as never));
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await allItems()).toEqual(before);
  });
});

describe("Membership.changeRole and remove", () => {
  it("changes a role, moves the counts, bumps the version and audits before and after", async () => {
    const member = await as(lead, () =>
      Membership.invite({ siteId: "site-a", name: "Role Changer", email: "changer@example.org", role: "provider" }),
    );
    const countsBefore = (await Site.get({ siteId: "site-a" })).memberCounts;
    const changed = await as(lead, () =>
      Membership.changeRole({ siteId: "site-a", personId: member.personId, role: "team", version: 1 }),
    );
    expect(changed).toMatchObject({ role: "team", version: 2 });
    const countsAfter = (await Site.get({ siteId: "site-a" })).memberCounts;
    expect(countsAfter.provider).toBe(countsBefore.provider - 1);
    expect(countsAfter.team).toBe(countsBefore.team + 1);
    const [latest] = (await Activity.list({ siteId: "site-a", limit: 1 })).items;
    expect(latest).toMatchObject({ action: "member.role_changed", recordId: member.personId });
  });

  it("refuses a stale version with a conflict and writes nothing", async () => {
    const member = await as(lead, () =>
      Membership.invite({ siteId: "site-a", name: "Stale Reader", email: "stale@example.org", role: "team" }),
    );
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
    const member = await as(lead, () =>
      Membership.invite({ siteId: "site-a", name: "Race Target", email: "race@example.org", role: "team" }),
    );
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
    const member = await as(lead, () =>
      Membership.invite({ siteId: "site-a", name: "Leaving Soon", email: "leaving@example.org", role: "expert" }),
    );
    await as(lead, () =>
      Membership.invite({ siteId: "site-b", name: "Leaving Soon", email: "leaving@example.org", role: "team" }),
    );
    const expertsBefore = (await Site.get({ siteId: "site-a" })).memberCounts.expert;
    await as(lead, () => Membership.remove({ siteId: "site-a", personId: member.personId, version: 1 }));
    expect(await Membership.find("site-a", member.personId)).toBeUndefined();
    expect((await Site.get({ siteId: "site-a" })).memberCounts.expert).toBe(expertsBefore - 1);
    expect((await Membership.sitesOf(member.personId)).map((m) => m.siteId)).toEqual(["site-b"]);
  });

  it("never leaves a site without a project lead", async () => {
    await as(national, () => Site.create({ siteId: "one-lead", name: "One Lead", area: "Area" }));
    const only = await as(national, () =>
      Membership.invite({ siteId: "one-lead", name: "Only Lead", email: "only-lead@example.org", role: "lead" }),
    );
    const before = await allItems();
    await expect(
      as(lead, () => Membership.changeRole({ siteId: "one-lead", personId: only.personId, role: "team", version: 1 })),
    ).rejects.toThrow(RuleError);
    await expect(
      as(lead, () => Membership.remove({ siteId: "one-lead", personId: only.personId, version: 1 })),
    ).rejects.toThrow(RuleError);
    expect(await allItems()).toEqual(before);

    const second = await as(national, () =>
      Membership.invite({ siteId: "one-lead", name: "Second Lead", email: "second-lead@example.org", role: "lead" }),
    );
    await as(lead, () => Membership.remove({ siteId: "one-lead", personId: only.personId, version: 1 }));
    expect((await Site.get({ siteId: "one-lead" })).leads).toEqual([
      { personId: second.personId, name: "Second Lead" },
    ]);
  });
});
