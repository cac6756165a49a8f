import { beforeAll, describe, expect, it } from "vitest";
import {
  addSiteWithTeam,
  approvedProvider,
  asMember,
  establishedProvider,
  publishAndOpen,
  signUpAndRegister,
} from "../seeding";
import { allItems, auditEvents, auditProblems, queuedSince, useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import { NATIONAL_SCOPE } from "./change";
import { dayMs } from "./clock";
import * as CohortSession from "./cohort-session";
import { ForbiddenError } from "./errors";
import { toUkTime } from "./london-time";
import * as Mentoring from "./mentoring";
import { render } from "./messages";
import * as NationalEvent from "./national-event";
import type { QueuedMessage } from "./outbox";
import * as Person from "./person";
import * as SiteStats from "./site-stats";

useFreshTable();

const [north, south] = ["northumbria", "sussex"];
let national: Actor;
const leads: Record<string, Actor> = {};
const providers: Record<string, { actor: Actor; organisationId: string }[]> = {};
let applicant: Actor;

const as = <T>(actor: Actor, siteId: string, run: () => Promise<T>) => asMember(actor, siteId, run);
const failure = (run: () => Promise<unknown>) => run().catch((error: unknown) => error);

beforeAll(async () => {
  const staff = await withActor(systemActor, () =>
    Person.addNational({ name: "Nia National", email: "nia@national.example.org" }),
  );
  national = { personId: staff.personId, national: true };
  for (const siteId of [north, south]) {
    const { lead } = await addSiteWithTeam(
      { siteId, name: siteId === north ? "Northumbria" : "Sussex", area: siteId },
      { name: `Lead of ${siteId}`, email: `lead@${siteId}.example.org` },
      {},
    );
    leads[siteId] = lead;
    await publishAndOpen(lead, siteId);
    providers[siteId] = [];
    for (const index of [1, 2]) {
      providers[siteId]?.push(
        await approvedProvider(
          lead,
          siteId,
          { name: `Provider ${index} of ${siteId}`, email: `p${index}@${siteId}.example.org` },
          establishedProvider(`${siteId === north ? "Tyne" : "Downs"} Support ${index} CIC`, siteId),
        ),
      );
    }
  }
  ({ actor: applicant } = await signUpAndRegister(
    north,
    { name: "Ann Applicant", email: "ann@applicant.example.org" },
    { ...establishedProvider("Not Approved Yet CIC", north) },
  ));
}, 120_000);

const provider = (siteId: string, index: number) =>
  (providers[siteId] as { actor: Actor; organisationId: string }[])[index] as { actor: Actor; organisationId: string };

const eventFields = (title: string): CohortSession.SessionFields => ({
  kind: "training",
  title,
  description: "A national training day for every site's cohort on working with families.",
  easyRead: "Training for everyone. How to work with families.",
  day: toUkTime(new Date(Date.now() + 30 * dayMs)).day,
  startTime: "10:00",
  endTime: "15:00",
  format: "online",
  place: "",
  stepFree: false,
  hearingLoop: false,
  quietRoom: false,
  link: "https://meet.example.org/national-training",
  audience: "Every site's cohort",
  capacity: 3,
});

describe("national events", () => {
  it("are run by national staff only, in the national partition with its own audit trail", async () => {
    expect(
      await failure(() =>
        withActor(leads[north] as Actor, () => NationalEvent.create({ session: eventFields("Not allowed") })),
      ),
    ).toBeInstanceOf(ForbiddenError);
    const event = await withActor(national, () => NationalEvent.create({ session: eventFields("Families day") }));
    expect(event.siteId).toBe(NATIONAL_SCOPE);
    const audits = (await auditEvents()).filter((item) => item.recordId === event.sessionId);
    expect(audits.map((item) => [item.siteId, item.action])).toEqual([[NATIONAL_SCOPE, "session.created"]]);
  });

  it("are open to every site's cohort, booked through the provider's own site and counted there", async () => {
    const { items } = await withActor(national, () => NationalEvent.list({ when: "upcoming", limit: 10 }));
    const event = items.find((item) => item.title === "Families day") as CohortSession.SessionView;
    const key = { sessionId: event.sessionId };
    const before = { north: await SiteStats.counts(north), south: await SiteStats.counts(south) };
    for (const [siteId, index] of [
      [north, 0],
      [south, 0],
      [south, 1],
      [north, 1],
    ] as const) {
      await as(provider(siteId, index).actor, siteId, () => NationalEvent.book({ siteId, ...key }));
    }
    // Every site's providers see it, with their own place.
    const seen = await as(provider(north, 1).actor, north, () =>
      NationalEvent.forCohort({ siteId: north, when: "upcoming", limit: 10 }),
    );
    expect(seen.items.find((item) => item.sessionId === key.sessionId)?.myPlace?.status).toBe("waiting");
    expect(
      await failure(() => as(applicant, north, () => NationalEvent.book({ siteId: north, ...key }))),
    ).toBeInstanceOf(ForbiddenError);
    const bookings = (counts: Map<string, number>, was: Map<string, number>) =>
      (counts.get(SiteStats.counterName.bookings) ?? 0) - (was.get(SiteStats.counterName.bookings) ?? 0);
    expect(bookings(await SiteStats.counts(north), before.north)).toBe(1);
    expect(bookings(await SiteStats.counts(south), before.south)).toBe(2);

    // National staff see every place by organisation and site; a site's team only its own.
    const all = await withActor(national, () => NationalEvent.get(key));
    expect(all.places.map((place) => [place.siteName, place.organisationName, place.status])).toEqual([
      ["Northumbria", "Tyne Support 1 CIC", "booked"],
      ["Sussex", "Downs Support 1 CIC", "booked"],
      ["Sussex", "Downs Support 2 CIC", "booked"],
      ["Northumbria", "Tyne Support 2 CIC", "waiting"],
    ]);
    const team = await as(leads[south] as Actor, south, () => NationalEvent.getForCohort({ siteId: south, ...key }));
    expect(team.places.map((place) => place.organisationSiteId)).toEqual([south, south]);
    const own = await as(provider(south, 1).actor, south, () => NationalEvent.getForCohort({ siteId: south, ...key }));
    expect(own.places.map((place) => place.organisationId)).toEqual([provider(south, 1).organisationId]);

    // A place given up goes to the first waiting, from another site, who is told with a link to their own site.
    const mark = await allItems();
    await as(provider(south, 0).actor, south, () => NationalEvent.cancelPlace({ siteId: south, ...key }));
    const [offer, ...others] = await queuedSince(mark);
    expect(others).toEqual([]);
    expect(offer).toMatchObject({
      siteId: NATIONAL_SCOPE,
      template: "place-offered",
      to: { person: provider(north, 1).actor.personId },
    });
    const email = await render(offer as QueuedMessage, "https://smallsupports.example.org");
    expect(email?.plain).toContain(`/sites/${north}/cohort/national/${key.sessionId}`);
    expect(email?.plain).toContain("the national Small Supports partnership");
  });

  it("never show national staff a site's own sessions or mentoring, nor one site's sessions to another", async () => {
    const [mentee, mentor] = [provider(north, 0), provider(north, 1)];
    const pairing = await as(leads[north] as Actor, north, () =>
      Mentoring.create({
        siteId: north,
        menteeOrganisationId: mentee.organisationId,
        mentorPersonId: mentor.actor.personId,
        goals: "Secret goals of a northern pair.",
      }),
    );
    const key = { siteId: north, pairId: pairing.pair.pairId };
    expect(await failure(() => withActor(national, () => Mentoring.get(key)))).toBeInstanceOf(ForbiddenError);
    expect(await failure(() => withActor(national, () => Mentoring.list({ siteId: north })))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(
      await failure(() => withActor(national, () => CohortSession.list({ siteId: north, when: "upcoming", limit: 5 }))),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await failure(() =>
        as(provider(south, 0).actor, south, () => CohortSession.list({ siteId: north, when: "upcoming", limit: 5 })),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect(auditProblems(await auditEvents(), ["Secret goals", "Families day"])).toEqual([]);
  });
});
