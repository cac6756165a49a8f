import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead, inviteAndJoin } from "../seeding";
import { allItems, auditProblems, changesSince, kindsOf, useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import { NATIONAL_SCOPE } from "./change";
import { ConflictError, ValidationError } from "./errors";
import * as Membership from "./membership";
import * as Person from "./person";
import * as Site from "./site";

useFreshTable();

const national: Actor = { personId: "", national: true };
let leadA: Actor;
let leadB: Actor;
/** Lead of site A and an expert in site B: two copies of her name to keep in step. */
let kim: Actor;

beforeAll(async () => {
  const nadia = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  national.personId = nadia.personId;
  leadA = await addSiteWithLead(
    national,
    { siteId: "site-a", name: "Site A", area: "Area A" },
    { name: "Ash Lead", email: "ash@example.org" },
  );
  leadB = await addSiteWithLead(
    national,
    { siteId: "site-b", name: "Site B", area: "Area B" },
    { name: "Bex Lead", email: "bex@example.org" },
  );
  const member = await inviteAndJoin(leadA, {
    siteId: "site-a",
    name: "Kim Typo",
    email: "kim@example.org",
    role: "lead",
  });
  await inviteAndJoin(leadB, { siteId: "site-b", name: "Kim Typo", email: "kim@example.org", role: "expert" });
  kim = { personId: member.personId, national: false };
});

const asKim = <T>(run: () => Promise<T>) => withActor(kim, run);
const namesIn = async (siteId: string) =>
  (await Membership.list({ siteId })).items.filter((m) => m.personId === kim.personId).map((m) => m.name);

describe("Person.rename", () => {
  it("renames the person and the copy of their name in every site they belong to, in one change", async () => {
    const before = await allItems();
    const renamed = await asKim(() => Person.rename({ name: "  Kim Tanaka ", version: 1 }));
    expect(renamed).toEqual({
      personId: kim.personId,
      name: "Kim Tanaka",
      email: "kim@example.org",
      national: false,
      version: 2,
    });
    expect(await Person.get({ personId: kim.personId })).toEqual(renamed);
    expect(await namesIn("site-a")).toEqual(["Kim Tanaka"]);
    expect(await namesIn("site-b")).toEqual(["Kim Tanaka"]);
    expect((await Membership.sitesOf(kim.personId)).map((m) => m.name)).toEqual(["Kim Tanaka", "Kim Tanaka"]);
    expect((await Site.get({ siteId: "site-a" })).leads).toContainEqual({ personId: kim.personId, name: "Kim Tanaka" });

    const { added, changed, removed } = await changesSince(before);
    expect(removed).toEqual([]);
    expect(kindsOf(changed)).toEqual(["membership", "membership", "person"]);
    expect(kindsOf(added)).toEqual(["auditEvent"]);
  });

  it("audits that the name changed, never what it was or became", async () => {
    const before = await allItems();
    await asKim(() => Person.rename({ name: "Kimberley Tanaka", version: 2 }));
    const { added } = await changesSince(before);
    expect(added).toMatchObject([
      {
        siteId: NATIONAL_SCOPE,
        action: "person.renamed",
        actorId: kim.personId,
        recordType: "person",
        recordId: kim.personId,
        changed: ["name"],
      },
    ]);
    expect(added[0]).not.toHaveProperty("before");
    expect(added[0]).not.toHaveProperty("after");
    expect(auditProblems(added, ["Kim", "Tanaka", "Kimberley", "@"])).toEqual([]);
  });

  it("leaves a member's own version alone, so a lead's role change made meanwhile still stands", async () => {
    const membership = await Membership.get({ siteId: "site-b", personId: kim.personId });
    await asKim(() => Person.rename({ name: "Kim Tanaka", version: 3 }));
    const changed = await withActor(leadB, () =>
      Membership.changeRole({ siteId: "site-b", personId: kim.personId, role: "team", version: membership.version }),
    );
    expect(changed).toMatchObject({ name: "Kim Tanaka", role: "team" });
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    const before = await allItems();
    await expect(asKim(() => Person.rename({ name: "Kim Stale", version: 1 }))).rejects.toThrow(ConflictError);
    expect(await allItems()).toEqual(before);
    expect((await Person.get({ personId: kim.personId })).name).toBe("Kim Tanaka");
  });

  it("writes nothing when the name is unchanged, and refuses a name too short", async () => {
    const current = await Person.get({ personId: kim.personId });
    const before = await allItems();
    expect(await asKim(() => Person.rename({ name: current.name, version: current.version }))).toEqual(current);
    await expect(asKim(() => Person.rename({ name: "K", version: current.version }))).rejects.toThrow(ValidationError);
    expect(await allItems()).toEqual(before);
  });
});
