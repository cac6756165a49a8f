import { beforeAll, describe, expect, it } from "vitest";
import {
  addSiteWithTeam,
  approvedProvider,
  asMember,
  establishedProvider,
  publishAndOpen,
  signUpAndRegister,
} from "../seeding";
import { allItems, auditEvents, auditProblems, changesSince, queuedSince, useFreshTable } from "../testing";
import * as Activity from "./activity";
import { type Actor, systemActor, withActor } from "./actor";
import { addDays, atTime, dayMs, today } from "./clock";
import * as Cohort from "./cohort";
import * as CohortSession from "./cohort-session";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import { fromUkTime, toUkTime } from "./london-time";
import { render } from "./messages";
import type { QueuedMessage } from "./outbox";
import * as SiteStats from "./site-stats";

useFreshTable();

const siteId = "cumbria";

let lead: Actor;
let team: Actor;
/** People of twenty approved organisations, each in the cohort. */
const providers: { actor: Actor; organisationId: string }[] = [];
let applicant: Actor;

const as = <T>(actor: Actor, run: () => Promise<T>) => asMember(actor, siteId, run);
const failure = <T>(actor: Actor, run: () => Promise<T>) => as(actor, run).catch((error: unknown) => error);
const provider = (index: number) => providers[index] as { actor: Actor; organisationId: string };

beforeAll(async () => {
  ({ lead, team } = await addSiteWithTeam(
    { siteId, name: "Cumbria", area: "Cumbria" },
    { name: "Lena Lead", email: "lena@cumbria.example.org" },
    { team: { name: "Tom Team", email: "tom@cumbria.example.org", role: "team" } },
  ));
  await publishAndOpen(lead, siteId);
  for (let index = 0; index < 20; index++) {
    providers.push(
      await approvedProvider(
        lead,
        siteId,
        { name: `Provider ${index + 1}`, email: `provider${index + 1}@cumbria.example.org` },
        establishedProvider(`Fellside Support ${index + 1} CIC`),
      ),
    );
  }
  ({ actor: applicant } = await signUpAndRegister(
    siteId,
    { name: "Anna Applicant", email: "anna@cumbria.example.org" },
    {
      legalName: "Not Yet Approved CIC",
      area: "Kendal",
      foundedYear: 2024,
      peopleSupported: 1,
      cqcStatus: "not-registered",
      difference: "We are just starting out.",
    },
  ));
}, 120_000);

/** A UK day some weeks ahead, YYYY-MM-DD. */
const daysAhead = (days: number) => toUkTime(new Date(Date.now() + days * dayMs)).day;

const sessionInput = (overrides: Partial<CohortSession.SessionFields> = {}): CohortSession.SessionFields => ({
  kind: "networking",
  title: "Networking morning",
  description: "Meet the other providers in the cohort, share what is working and what is hard.",
  easyRead: "Meet other providers. Talk about your work. There is tea and cake.",
  day: daysAhead(21),
  startTime: "10:00",
  endTime: "12:00",
  format: "in-person",
  place: "Kendal Town Hall, Highgate, Kendal LA9 4DL",
  stepFree: true,
  hearingLoop: true,
  quietRoom: false,
  link: "",
  audience: "Everyone in the cohort",
  capacity: 10,
  ...overrides,
});

async function scheduled(overrides: Partial<CohortSession.SessionFields> = {}) {
  return as(lead, () => CohortSession.create({ siteId, session: sessionInput(overrides) }));
}

describe("UK times and the clock changes", () => {
  it("stores UTC and shows UK time, on both sides of each change", async () => {
    expect(fromUkTime("2027-01-12", "10:00").toISOString()).toBe("2027-01-12T10:00:00.000Z");
    expect(fromUkTime("2027-07-12", "10:00").toISOString()).toBe("2027-07-12T09:00:00.000Z");
    expect(toUkTime("2027-07-12T09:00:00.000Z")).toEqual({ day: "2027-07-12", time: "10:00" });
  });

  it("refuses a time the March change skips, with a plain message for that field", async () => {
    // 28 March 2027: the clocks go from 01:00 to 02:00.
    const error = (() => {
      try {
        fromUkTime("2027-03-28", "01:30", "startTime");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields?.startTime).toMatch(/no 01:30 on Sunday 28 March 2027/);
    expect(fromUkTime("2027-03-28", "00:59").toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(fromUkTime("2027-03-28", "02:00").toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("takes the first 01:30 on the October change, while clocks still show summer time", async () => {
    // 31 October 2027: 01:00 to 02:00 happens twice, first in BST (UTC+1), then in GMT.
    expect(fromUkTime("2027-10-31", "01:30").toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(fromUkTime("2027-10-31", "00:30").toISOString()).toBe("2027-10-30T23:30:00.000Z");
    expect(fromUkTime("2027-10-31", "02:30").toISOString()).toBe("2027-10-31T02:30:00.000Z");
  });

  it("refuses a session starting in the skipped hour and changes nothing", async () => {
    const before = await allItems();
    const error = await failure(lead, () =>
      atTime(new Date("2027-02-01T09:00:00Z"), () =>
        CohortSession.create({
          siteId,
          session: sessionInput({ day: "2027-03-28", startTime: "01:15", endTime: "03:00" }),
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toHaveProperty("startTime");
    expect(await changesSince(before)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("keeps a session across the October change at the hour the team chose", async () => {
    const session = await as(lead, () =>
      atTime(new Date("2027-10-01T09:00:00Z"), () =>
        CohortSession.create({
          siteId,
          session: sessionInput({ day: "2027-10-31", startTime: "01:30", endTime: "02:30" }),
        }),
      ),
    );
    expect(session.startsAt).toBe("2027-10-31T00:30:00.000Z");
    // 02:30 GMT is two hours of wall-clock difference but two hours of time too: the repeated hour.
    expect(session.endsAt).toBe("2027-10-31T02:30:00.000Z");
    expect([session.day, session.startTime, session.endTime]).toEqual(["2027-10-31", "01:30", "02:30"]);
  });
});

describe("scheduling", () => {
  it("refuses bad input in plain words and changes nothing", async () => {
    const before = await allItems();
    const cases: [Partial<CohortSession.SessionFields>, RegExp][] = [
      [{ endTime: "09:00" }, /must end after it starts/],
      [{ format: "online", link: "not a link" }, /link to join, starting https/],
      [{ format: "in-person", place: "" }, /Write where the session is/],
      [{ capacity: 0 }, /at least 1 place/],
      [{ capacity: 41 }, /at most 40 places/],
      [{ title: "" }, /Title/],
      [{ startTime: "25:00" }, /24-hour clock/],
      [{ day: toUkTime(new Date(Date.now() - dayMs)).day }, /has not passed yet/],
    ];
    for (const [overrides, message] of cases) {
      const error = await failure(lead, () => CohortSession.create({ siteId, session: sessionInput(overrides) }));
      expect(error, String(message)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toMatch(message);
    }
    expect(await changesSince(before)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("lists upcoming sessions soonest first and past ones latest first, with the caller's own place", async () => {
    const later = await scheduled({ title: "Later training", day: daysAhead(60) });
    const sooner = await scheduled({ title: "Sooner training", day: daysAhead(2) });
    await as(provider(0).actor, () => CohortSession.book({ siteId, sessionId: sooner.sessionId }));
    const upcoming = await as(provider(0).actor, () => CohortSession.list({ siteId, when: "upcoming", limit: 50 }));
    const ids = upcoming.items.map((item) => item.sessionId);
    expect(ids.indexOf(sooner.sessionId)).toBeLessThan(ids.indexOf(later.sessionId));
    expect(upcoming.items.find((item) => item.sessionId === sooner.sessionId)?.myPlace?.status).toBe("booked");
    expect(upcoming.items.find((item) => item.sessionId === later.sessionId)?.myPlace).toBeNull();
    const past = await as(lead, () => CohortSession.list({ siteId, when: "past", limit: 50 }));
    expect(past.items.every((item) => item.started)).toBe(true);
  });
});

describe("booking", () => {
  it("gives 10 places to exactly 10 of 20 people booking at once, and queues or turns away the rest", async () => {
    const session = await scheduled({ capacity: 10 });
    const { sessionId } = session;
    const results = await Promise.all(
      providers.map(({ actor }) =>
        as(actor, () => CohortSession.book({ siteId, sessionId })).then(
          (view) => ({ personId: actor.personId, outcome: view.myPlace?.status ?? "none" }),
          (error: unknown) => ({
            personId: actor.personId,
            outcome: error instanceof ConflictError ? "conflict" : error,
          }),
        ),
      ),
    );
    for (const result of results) expect(["booked", "waiting", "conflict"]).toContain(result.outcome);
    const booked = results.filter((result) => result.outcome === "booked");
    const waiting = results.filter((result) => result.outcome === "waiting");
    expect(booked).toHaveLength(10);

    const { session: stored, places } = await as(lead, () => CohortSession.get({ siteId, sessionId }));
    expect(stored.booked).toBe(10);
    expect(stored.waiting).toBe(waiting.length);
    // Every place matches what its booker was told: none lost, none doubled.
    expect(
      places
        .filter((place) => place.status === "booked")
        .map((place) => place.personId)
        .sort(),
    ).toEqual(booked.map((result) => result.personId).sort());
    expect(
      places
        .filter((place) => place.status === "waiting")
        .map((place) => place.personId)
        .sort(),
    ).toEqual(waiting.map((result) => result.personId).sort());
    expect(new Set(places.map((place) => place.personId)).size).toBe(places.length);
    const entries = (await allItems()).filter(
      (item) => item.__edb_e__ === "waitingEntry" && item.sessionId === sessionId,
    );
    expect(entries).toHaveLength(waiting.length);
  });

  it("hands a freed place to the first waiting and tells them; the queue moves up", async () => {
    const session = await scheduled({ capacity: 1, title: "Small training" });
    const { sessionId } = session;
    const [first, second, third] = [provider(0), provider(1), provider(2)];
    expect((await as(first.actor, () => CohortSession.book({ siteId, sessionId }))).myPlace?.status).toBe("booked");
    const secondView = await as(second.actor, () => CohortSession.book({ siteId, sessionId }));
    expect(secondView.myPlace).toEqual({ status: "waiting", position: 1, attended: null });
    const thirdView = await as(third.actor, () => CohortSession.book({ siteId, sessionId }));
    expect(thirdView.myPlace).toEqual({ status: "waiting", position: 2, attended: null });
    expect(await failure(second.actor, () => CohortSession.book({ siteId, sessionId }))).toBeInstanceOf(RuleError);

    const before = await allItems();
    const after = await as(first.actor, () => CohortSession.cancelPlace({ siteId, sessionId }));
    expect([after.booked, after.waiting]).toEqual([1, 1]);
    const messages = await queuedSince(before);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ template: "place-offered", to: { person: second.actor.personId } });
    const email = await render(messages[0] as QueuedMessage, "https://smallsupports.example.org");
    expect(email?.subject).toBe('You have a place at "Small training"');
    expect(email?.plain).toContain(`/sites/${siteId}/cohort/sessions/${sessionId}`);

    expect((await as(second.actor, () => CohortSession.get({ siteId, sessionId }))).session.myPlace?.status).toBe(
      "booked",
    );
    expect((await as(third.actor, () => CohortSession.get({ siteId, sessionId }))).session.myPlace?.position).toBe(1);

    // Someone leaving the waiting list frees no place.
    const left = await as(third.actor, () => CohortSession.cancelPlace({ siteId, sessionId }));
    expect([left.booked, left.waiting]).toEqual([1, 0]);
    expect(await failure(third.actor, () => CohortSession.cancelPlace({ siteId, sessionId }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("lets only people of organisations in the cohort book: not an applicant, not the team", async () => {
    const { sessionId } = await scheduled();
    const before = await allItems();
    expect(await failure(applicant, () => CohortSession.book({ siteId, sessionId }))).toBeInstanceOf(ForbiddenError);
    expect(await failure(applicant, () => CohortSession.list({ siteId, when: "upcoming", limit: 10 }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await failure(team, () => CohortSession.book({ siteId, sessionId }))).toBeInstanceOf(ForbiddenError);
    expect(await changesSince(before)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("stops an organisation taken out of the cohort from booking, and lets it back in", async () => {
    const { sessionId } = await scheduled();
    const leaving = provider(19);
    const directory = await as(lead, () => Cohort.directory({ siteId }));
    const member = directory.organisations.find((item) => item.organisationId === leaving.organisationId);
    expect(member?.joinedHow).toBe("approval");
    await as(lead, () =>
      Cohort.remove({
        siteId,
        organisationId: leaving.organisationId,
        version: member?.version ?? 0,
        reason: "They have stopped trading for now.",
      }),
    );
    expect(await failure(leaving.actor, () => CohortSession.book({ siteId, sessionId }))).toBeInstanceOf(
      ForbiddenError,
    );
    const after = await as(lead, () => Cohort.directory({ siteId }));
    expect(after.removed.map((item) => item.organisationId)).toContain(leaving.organisationId);
    expect((await as(provider(0).actor, () => Cohort.directory({ siteId }))).removed).toEqual([]);
    await as(lead, () =>
      Cohort.add({ siteId, organisationId: leaving.organisationId, reason: "They are trading again." }),
    );
    expect((await as(leaving.actor, () => CohortSession.book({ siteId, sessionId }))).myPlace?.status).toBe("booked");
  });

  it("shows a provider only their own organisation's places, with the counts", async () => {
    const { sessionId } = await scheduled();
    for (const index of [0, 1, 2]) await as(provider(index).actor, () => CohortSession.book({ siteId, sessionId }));
    const seen = await as(provider(1).actor, () => CohortSession.get({ siteId, sessionId }));
    expect(seen.session.booked).toBe(3);
    expect(seen.places.map((place) => place.organisationId)).toEqual([provider(1).organisationId]);
    expect((await as(team, () => CohortSession.get({ siteId, sessionId }))).places).toHaveLength(3);
  });
});

describe("changing and cancelling", () => {
  it("needs a reason, keeps capacity at or above the places booked, and tells everyone", async () => {
    const session = await scheduled({ capacity: 2, title: "Training on rotas" });
    const { sessionId } = session;
    for (const index of [0, 1, 2, 3]) await as(provider(index).actor, () => CohortSession.book({ siteId, sessionId }));
    const current = await as(lead, () => CohortSession.get({ siteId, sessionId }));
    const key = { siteId, sessionId, version: current.session.version };

    const tooSmall = await failure(lead, () =>
      CohortSession.update({ ...key, session: sessionInput({ capacity: 1 }), reason: "A smaller room." }),
    );
    expect(tooSmall).toBeInstanceOf(ValidationError);
    expect((tooSmall as ValidationError).fields?.capacity).toMatch(/2 places are booked/);
    expect(
      await failure(lead, () => CohortSession.update({ ...key, session: sessionInput(), reason: "" })),
    ).toBeInstanceOf(ValidationError);

    const before = await allItems();
    const changed = await as(lead, () =>
      CohortSession.update({
        ...key,
        session: sessionInput({ capacity: 3, title: "Training on rotas", startTime: "13:00", endTime: "15:00" }),
        reason: "The room is free in the afternoon and is bigger.",
      }),
    );
    expect([changed.booked, changed.waiting, changed.startTime]).toEqual([3, 1, "13:00"]);
    const messages = await queuedSince(before);
    // The first waiting is given the new place; the others are told of the change.
    expect(messages.filter((message) => message.template === "place-offered").map((message) => message.to)).toEqual([
      { person: provider(2).actor.personId },
    ]);
    expect(
      messages
        .filter((message) => message.template === "session-changed")
        .map((message) => (message.to as { person: string }).person)
        .sort(),
    ).toEqual([provider(0), provider(1), provider(3)].map((item) => item.actor.personId).sort());
    const email = await render(
      messages.find((message) => message.template === "session-changed") as QueuedMessage,
      "https://smallsupports.example.org",
    );
    expect(email?.plain).toContain("The room is free in the afternoon and is bigger.");
    expect(email?.plain).toContain("1:00pm to 3:00pm");

    expect(
      await failure(lead, () => CohortSession.cancel({ ...key, reason: "Nobody can come that day." })),
    ).toBeInstanceOf(ConflictError);
    const beforeCancel = await allItems();
    const cancelled = await as(lead, () =>
      CohortSession.cancel({ siteId, sessionId, version: changed.version, reason: "The trainer is unwell." }),
    );
    expect(cancelled.status).toBe("cancelled");
    const told = await queuedSince(beforeCancel);
    expect(told.map((message) => message.template)).toEqual(Array(4).fill("session-cancelled"));
    expect(await failure(provider(5).actor, () => CohortSession.book({ siteId, sessionId }))).toBeInstanceOf(RuleError);
  });
});

describe("attendance", () => {
  it("is recorded after the session, counted for each organisation and the site, and can be corrected", async () => {
    const weekAgo = new Date(Date.now() - 7 * dayMs);
    const session = await atTime(new Date(weekAgo.getTime() - 14 * dayMs), async () => {
      const created = await as(lead, () =>
        CohortSession.create({
          siteId,
          session: sessionInput({ day: toUkTime(weekAgo).day, title: "Past networking" }),
        }),
      );
      for (const index of [4, 5, 6]) {
        await as(provider(index).actor, () => CohortSession.book({ siteId, sessionId: created.sessionId }));
      }
      return created;
    });
    const { sessionId } = session;
    const [came, alsoCame, missed] = [provider(4), provider(5), provider(6)];
    const statsBefore = await SiteStats.counts(siteId);

    const future = await scheduled();
    expect(
      await failure(lead, () =>
        CohortSession.recordAttendance({ siteId, sessionId: future.sessionId, version: future.version, attended: [] }),
      ),
    ).toBeInstanceOf(RuleError);
    expect(
      await failure(lead, () =>
        CohortSession.recordAttendance({ siteId, sessionId, version: session.version, attended: [applicant.personId] }),
      ),
    ).toBeInstanceOf(ValidationError);

    const recorded = await as(lead, () =>
      CohortSession.recordAttendance({
        siteId,
        sessionId,
        version: session.version,
        attended: [came.actor.personId, alsoCame.actor.personId],
      }),
    );
    expect(recorded.session.attendanceRecorded).toBe(true);
    expect(recorded.places.map((place) => [place.personId, place.attended])).toEqual(
      expect.arrayContaining([
        [came.actor.personId, true],
        [alsoCame.actor.personId, true],
        [missed.actor.personId, false],
      ]),
    );
    // Corrected: the third did come after all, the second did not.
    await as(lead, () =>
      CohortSession.recordAttendance({
        siteId,
        sessionId,
        version: recorded.session.version,
        attended: [came.actor.personId, missed.actor.personId],
      }),
    );
    const statsAfter = await SiteStats.counts(siteId);
    const moved = (name: string) => (statsAfter.get(name) ?? 0) - (statsBefore.get(name) ?? 0);
    expect([
      moved(SiteStats.counterName.sessionsHeld),
      moved(SiteStats.counterName.attended),
      moved(SiteStats.counterName.missed),
    ]).toEqual([1, 2, 1]);

    const directory = await as(lead, () => Cohort.directory({ siteId }));
    const rateOf = (organisationId: string) =>
      directory.organisations.find((item) => item.organisationId === organisationId)?.attendanceRate;
    expect([rateOf(came.organisationId), rateOf(alsoCame.organisationId), rateOf(missed.organisationId)]).toEqual([
      1, 0, 1,
    ]);

    const history = await as(alsoCame.actor, () =>
      CohortSession.ofOrganisation({ siteId, organisationId: alsoCame.organisationId }),
    );
    expect(history.find((item) => item.session.sessionId === sessionId)).toMatchObject({
      status: "booked",
      attended: false,
    });
    expect(
      await failure(alsoCame.actor, () =>
        CohortSession.ofOrganisation({ siteId, organisationId: came.organisationId }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await failure(came.actor, () => CohortSession.cancelPlace({ siteId, sessionId }))).toBeInstanceOf(RuleError);
  });
});

describe("reminders", () => {
  it("go two days before to everyone with a place (not those waiting), once however often the sweep runs", async () => {
    const day = addDays(today(), CohortSession.reminderDaysBefore);
    const { sessionId } = await scheduled({ day, capacity: 2, title: "Soon networking" });
    for (const index of [7, 8, 9]) await as(provider(index).actor, () => CohortSession.book({ siteId, sessionId }));
    const before = await allItems();
    // Another test's session may start that day too: this one's messages are the ones to check.
    const first = await withActor(systemActor, () => CohortSession.remind());
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const messages = (await queuedSince(before)).filter((message) => message.params?.sessionId === sessionId);
    expect(messages.map((message) => (message.to as { person: string }).person).sort()).toEqual(
      [provider(7), provider(8)].map((item) => item.actor.personId).sort(),
    );
    const email = await render(messages[0] as QueuedMessage, "https://smallsupports.example.org");
    expect(email?.subject).toBe('Reminder: "Soon networking" is in two days');
    expect(await withActor(systemActor, () => CohortSession.remind())).toEqual({ sessions: 0, reminded: 0 });
  });
});

describe("the record of it", () => {
  it("audits every step without a name or typed text, and words it in the activity list", async () => {
    const events = await auditEvents();
    expect(
      auditProblems(events, ["The trainer is unwell.", "They have stopped trading for now.", "Provider 1"]),
    ).toEqual([]);
    const actions = new Set(events.map((event) => event.action));
    for (const action of [
      "cohort.joined",
      "cohort.removed",
      "cohort.added",
      "session.created",
      "session.updated",
      "session.cancelled",
      "session.booked",
      "session.waiting",
      "session.place_given_up",
      "session.attendance_recorded",
      "session.reminded",
    ]) {
      expect(actions, action).toContain(action);
    }
    const { items } = await as(lead, () => Activity.list({ siteId, limit: 100 }));
    const summaries = items.map((item) => item.summary);
    expect(summaries).toContain('Cancelled "Training on rotas"');
    expect(
      summaries.some((summary) => /^Provider \d+ \(Fellside Support \d+ CIC\) booked a place at "/.test(summary)),
    ).toBe(true);
    expect(
      summaries.some((summary) => summary.includes(" on cohortSession ") || summary.includes(" on session ")),
    ).toBe(false);
  });
});
