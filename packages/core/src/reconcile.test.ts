import { beforeAll, describe, expect, it } from "vitest";
import {
  addSiteWithTeam,
  approvedProvider,
  asMember,
  establishedProvider,
  publishAndOpen,
  signUpAndRegister,
} from "../seeding";
import { useFreshTable } from "../testing";
import type { Actor } from "./actor";
import { NATIONAL_SCOPE } from "./change";
import { today } from "./clock";
import { db } from "./db";
import * as ExpertTime from "./expert-time";
import { figureField } from "./figures-shape";
import * as Reconcile from "./reconcile";
import * as SiteStats from "./site-stats";

useFreshTable();

const north = { siteId: "north", name: "North Site", area: "The North" };
const partitions = [north.siteId, NATIONAL_SCOPE];
let lead: Actor;
let expert: Actor;
const thisMonth = today().slice(0, 7);
const year = thisMonth.slice(0, 4);
const month = thisMonth.slice(5, 7);

beforeAll(async () => {
  ({ lead, expert } = await addSiteWithTeam(
    north,
    { name: "Nora North", email: "nora@example.org" },
    { expert: { name: "Eli Expert", email: "eli@example.org", role: "expert" } },
  ));
  await publishAndOpen(lead, north.siteId);
  await approvedProvider(lead, north.siteId, { name: "Ada", email: "ada@example.org" }, establishedProvider("Ash"));
  await signUpAndRegister(north.siteId, { name: "Ben", email: "ben@example.org" }, establishedProvider("Birch"));
  await asMember(expert, north.siteId, () =>
    ExpertTime.log({ siteId: north.siteId, date: today(), minutes: 90, activity: "reading" }),
  );
});

const figuresItem = async (period: string) =>
  (await db.entities.siteFigures.get(SiteStats.figuresKey(north.siteId, period)).go({ consistent: true }))
    .data as Record<string, unknown> | null;

async function reconcile(fix: boolean) {
  return Reconcile.reconcile({ fix, siteIds: partitions });
}

describe("reconciling a site's figures with its records", () => {
  it("finds every figure as the changes counted it", async () => {
    const results = await reconcile(false);
    expect(results.map((result) => result.siteId)).toEqual(partitions);
    expect(results.flatMap((result) => result.drift)).toEqual([]);
    // Not vacuous: the records gave figures, and they are the stored ones.
    const counts = await SiteStats.counts(north.siteId);
    expect(counts.get("interest")).toBe(2);
    expect(counts.get("standing:approved")).toBe(1);
    expect(counts.get("expert:minutes")).toBe(90);
  });

  it("names each figure that drifted, by item and month, and puts it right without touching the site's last record", async () => {
    const before = await figuresItem("all");
    await db.entities.siteFigures
      .update(SiteStats.figuresKey(north.siteId, "all"))
      .add({ [figureField("interest")]: 5 })
      .go();
    await db.entities.siteFigures
      .update(SiteStats.figuresKey(north.siteId, year))
      .set({ [figureField("expert:minutes", month)]: 15 })
      .go();
    const counts = await SiteStats.counts(north.siteId);
    const column = [...counts.keys()].find((name) => name.startsWith("column:")) as string;
    const columnCount = counts.get(column) as number;
    await db.entities.siteCount.update({ siteId: north.siteId, counter: column }).add({ value: -1 }).go();

    const [checked] = await reconcile(false);
    expect(checked?.fixed).toBe(false);
    expect(checked?.drift).toEqual(
      expect.arrayContaining([
        { siteId: north.siteId, item: "all", figure: "interest", stored: 7, expected: 2 },
        {
          siteId: north.siteId,
          item: year,
          figure: "expert:minutes",
          month: thisMonth,
          stored: 15,
          expected: 90,
        },
        { siteId: north.siteId, item: "board", figure: column, stored: columnCount - 1, expected: columnCount },
      ]),
    );
    expect(checked?.drift).toHaveLength(3);
    // Checking alone writes nothing.
    expect((await reconcile(false))[0]?.drift).toHaveLength(3);

    const [fixed] = await reconcile(true);
    expect(fixed).toMatchObject({ fixed: true });
    expect((await reconcile(false)).flatMap((result) => result.drift)).toEqual([]);
    expect((await figuresItem("all"))?.lastRecordedAt).toBe(before?.lastRecordedAt);
  });

  it("backfills a year's item that is missing from the records already there", async () => {
    await db.entities.siteFigures.delete(SiteStats.figuresKey(north.siteId, year)).go();
    const [checked] = await reconcile(false);
    expect(checked?.drift).toEqual(
      expect.arrayContaining([
        { siteId: north.siteId, item: year, figure: "interest", month: thisMonth, stored: 0, expected: 2 },
        { siteId: north.siteId, item: year, figure: "submitted", month: thisMonth, stored: 0, expected: 1 },
        { siteId: north.siteId, item: year, figure: "decision:approved", month: thisMonth, stored: 0, expected: 1 },
      ]),
    );
    await reconcile(true);
    expect((await figuresItem(year))?.[figureField("interest", month)]).toBe(2);
    expect((await reconcile(false)).flatMap((result) => result.drift)).toEqual([]);
  });

  it("never loses a change counted while it puts figures right", async () => {
    await db.entities.siteFigures
      .update(SiteStats.figuresKey(north.siteId, "all"))
      .add({ [figureField("interest")]: 3, [figureField("standing:interest")]: 3 })
      .go();
    // Registrations counting into the very figures being written over: each write is conditional
    // on the figure still holding what was read, so one of the two gives way and tries again.
    await Promise.all([
      reconcile(true),
      ...[1, 2, 3, 4].map((index) =>
        signUpAndRegister(
          north.siteId,
          { name: `Cai ${index}`, email: `cai${index}@example.org` },
          establishedProvider(`Cedar ${index}`),
        ),
      ),
    ]);
    expect((await reconcile(false)).flatMap((result) => result.drift)).toEqual([]);
    expect((await SiteStats.counts(north.siteId)).get("interest")).toBe(6);
  });
});
