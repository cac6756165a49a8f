import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithTeam, approvedProvider, asMember, establishedProvider, publishAndOpen } from "../seeding";
import { allItems, changesSince, useFreshTable } from "../testing";
import type { Actor } from "./actor";
import * as Cohort from "./cohort";
import { ConflictError, ForbiddenError, RuleError, ValidationError } from "./errors";
import * as SiteStats from "./site-stats";

useFreshTable();

const siteId = "north-yorkshire";
let lead: Actor;
let dales: { actor: Actor; organisationId: string };
let moors: { actor: Actor; organisationId: string };

const as = <T>(actor: Actor, run: () => Promise<T>) => asMember(actor, siteId, run);
const failure = <T>(actor: Actor, run: () => Promise<T>) => as(actor, run).catch((error: unknown) => error);

beforeAll(async () => {
  ({ lead } = await addSiteWithTeam(
    { siteId, name: "North Yorkshire", area: "North Yorkshire" },
    { name: "Nell Lead", email: "nell@ny.example.org" },
    {},
  ));
  await publishAndOpen(lead, siteId);
  dales = await approvedProvider(
    lead,
    siteId,
    { name: "Dora Dales", email: "dora@dales.example.org" },
    establishedProvider("Dales Support CIC", "Skipton"),
  );
  moors = await approvedProvider(
    lead,
    siteId,
    { name: "Morgan Moors", email: "morgan@moors.example.org" },
    establishedProvider("Moors Support CIC", "Skipton"),
  );
}, 60_000);

describe("the cohort", () => {
  it("holds every approved organisation, counted in the site's statistics", async () => {
    const { organisations } = await as(lead, () => Cohort.directory({ siteId }));
    expect(organisations.map((item) => [item.name, item.joinedHow, item.attendanceRate])).toEqual([
      ["Dales Support CIC", "approval", null],
      ["Moors Support CIC", "approval", null],
    ]);
    expect((await SiteStats.counts(siteId)).get(SiteStats.counterName.cohortMembers)).toBe(2);
  });

  it("shares nothing of a person until they choose, then only what they chose, and stops when asked", async () => {
    const contactsOf = async (viewer: Actor) =>
      (await as(viewer, () => Cohort.directory({ siteId }))).organisations.find(
        (item) => item.organisationId === dales.organisationId,
      )?.contacts;
    expect(await contactsOf(moors.actor)).toEqual([]);
    const mine = await as(dales.actor, () => Cohort.myContact({ siteId }));
    expect(mine).toMatchObject({ sharing: false, version: null, email: "dora@dales.example.org" });

    const shared = await as(dales.actor, () =>
      Cohort.shareContact({ siteId, shareEmail: false, phone: "01756 700 100", about: "Recruiting", version: null }),
    );
    expect(await contactsOf(moors.actor)).toEqual([
      { personId: dales.actor.personId, name: "Dora Dales", email: null, phone: "01756 700 100", about: "Recruiting" },
    ]);
    expect(
      await failure(dales.actor, () =>
        Cohort.shareContact({ siteId, shareEmail: true, phone: "", about: "", version: null }),
      ),
    ).toBeInstanceOf(ConflictError);
    expect(
      await failure(dales.actor, () =>
        Cohort.shareContact({ siteId, shareEmail: true, phone: "call me!", about: "", version: shared.version }),
      ),
    ).toBeInstanceOf(ValidationError);
    const changed = await as(dales.actor, () =>
      Cohort.shareContact({ siteId, shareEmail: true, phone: "", about: "", version: shared.version }),
    );
    expect((await contactsOf(moors.actor))?.[0]).toMatchObject({ email: "dora@dales.example.org", phone: null });

    const before = await allItems();
    await as(dales.actor, () =>
      Cohort.shareContact({ siteId, shareEmail: false, phone: "", about: "", version: changed.version }),
    );
    expect(await contactsOf(moors.actor)).toEqual([]);
    const { removed } = await changesSince(before);
    expect(removed.map((item) => item.__edb_e__)).toEqual(["cohortContact"]);
  });

  it("lets the team take an organisation out with a reason, shown only to the team, and add it back", async () => {
    const { organisations } = await as(lead, () => Cohort.directory({ siteId }));
    const member = organisations.find((item) => item.organisationId === moors.organisationId);
    const key = { siteId, organisationId: moors.organisationId };
    expect(
      await failure(lead, () => Cohort.remove({ ...key, version: member?.version ?? 0, reason: "" })),
    ).toBeInstanceOf(ValidationError);
    const after = await as(lead, () =>
      Cohort.remove({ ...key, version: member?.version ?? 0, reason: "They asked for a break this year." }),
    );
    expect(after.removed).toMatchObject([{ name: "Moors Support CIC", reason: "They asked for a break this year." }]);
    expect(after.organisations.map((item) => item.name)).toEqual(["Dales Support CIC"]);
    expect(
      await failure(lead, () => Cohort.remove({ ...key, version: member?.version ?? 0, reason: "Again." })),
    ).toBeInstanceOf(RuleError);
    expect((await as(dales.actor, () => Cohort.directory({ siteId }))).removed).toEqual([]);
    expect(await failure(moors.actor, () => Cohort.directory({ siteId }))).toBeInstanceOf(ForbiddenError);

    const back = await as(lead, () => Cohort.add({ ...key, reason: "They are back from their break." }));
    expect(back.organisations.map((item) => item.name)).toEqual(["Dales Support CIC", "Moors Support CIC"]);
    expect(await failure(lead, () => Cohort.add({ ...key, reason: "Twice." }))).toBeInstanceOf(RuleError);
    expect((await SiteStats.counts(siteId)).get(SiteStats.counterName.cohortMembers)).toBe(2);
  });
});
