import { beforeAll, describe, expect, it } from "vitest";
import { allItems, useFreshTable } from "../testing";
import * as Activity from "./activity";
import { type Actor, systemActor, withActor } from "./actor";
import { ConflictError, ForbiddenError, ValidationError } from "./errors";
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

describe("Site.create", () => {
  it("creates the registry entry, statistics, a draft approval process and an audit event together", async () => {
    const site = await asNational(() =>
      Site.create({ siteId: "north-east", name: "North East", area: "Tyne and Wear" }),
    );
    expect(site).toMatchObject({ siteId: "north-east", name: "North East", area: "Tyne and Wear", version: 1 });
    expect(site.memberCounts).toEqual({ lead: 0, team: 0, expert: 0, provider: 0 });

    const items = await allItems();
    const inSite = items.filter((item) => item.pk === "site#north-east");
    expect(inSite.map((item) => String(item.sk).split("#")[0]).sort()).toEqual(["audit", "process", "stats"]);
    const process = inSite.find((item) => item.sk === "process#default");
    expect(process).toMatchObject({ status: "draft" });
    expect(process?.criteria).toHaveLength(9);
    expect(items.some((item) => item.pk === "sites" && item.sk === "site#north-east")).toBe(true);

    const activity = await Activity.list({ siteId: "north-east" });
    expect(activity.items).toHaveLength(1);
    expect(activity.items[0]).toMatchObject({
      action: "site.created",
      actorId: national.personId,
      actorName: "Nadia National",
    });
  });

  it("refuses a duplicate address and writes nothing", async () => {
    await asNational(() => Site.create({ siteId: "dup-site", name: "First", area: "Somewhere" }));
    const before = await allItems();
    await expect(
      asNational(() => Site.create({ siteId: "dup-site", name: "Second", area: "Elsewhere" })),
    ).rejects.toThrow(ConflictError);
    expect(await allItems()).toEqual(before);
  });

  it.each([
    [{ siteId: "Bad Slug", name: "Fine name", area: "Fine area" }, /lower-case/],
    [{ siteId: "ok-slug", name: "", area: "Fine area" }, /site name/],
    [{ siteId: "ok-slug", name: "Fine name", area: "x".repeat(500) }, /area/],
    [{ siteId: "ok-slug", name: "Fine name", area: "Fine area", extra: 1 }, /Unexpected field/],
    [{ siteId: 12, name: "Fine name", area: "Fine area" }, /Site id/],
  ])("refuses invalid input %j with a plain message and writes nothing", async (input, message) => {
    const before = await allItems();
    const attempt = asNational(() => Site.create(input as never));
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await allItems()).toEqual(before);
  });

  it("refuses anyone who is not national staff", async () => {
    await expect(
      withActor(notNational, () => Site.create({ siteId: "sneaky", name: "Sneaky", area: "Nowhere" })),
    ).rejects.toThrow(ForbiddenError);
    expect((await allItems()).some((item) => item.pk === "site#sneaky")).toBe(false);
  });
});

describe("Site.list", () => {
  it("pages through every site in address order", async () => {
    for (const id of ["list-a", "list-b", "list-c"]) {
      await asNational(() => Site.create({ siteId: id, name: `Site ${id}`, area: "Area" }));
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
