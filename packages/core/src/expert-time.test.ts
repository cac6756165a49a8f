import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithTeam, asMember } from "../seeding";
import { auditEvents, auditProblems, useFreshTable } from "../testing";
import type { Actor } from "./actor";
import { atTime } from "./clock";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import * as ExpertTime from "./expert-time";

useFreshTable();

const siteId = "cheshire";
/** Midday in London on a Friday in March, so every date below is the same in any time zone. */
const friday = new Date("2026-03-20T12:00:00.000Z");
let lead: Actor;
let team: Actor;
let esme: Actor;
let hyperlink: Actor;
let command: Actor;
const people = {
  lead: { name: "Lena Lead", email: "lena@example.org" },
  team: { name: "Tom Team", email: "tom@example.org" },
  esme: { name: "Esme Expert", email: "esme@example.org" },
  // Names a spreadsheet would run as formulas if the export wrote them as they are.
  hyperlink: { name: '=HYPERLINK("https://evil.example","Click")', email: "hyper@example.org" },
  command: { name: "+cmd|' /C calc'!A0", email: "cmd@example.org" },
};

beforeAll(async () => {
  ({ lead, team, esme, hyperlink, command } = await addSiteWithTeam(
    { siteId, name: "Cheshire and Merseyside", area: "Cheshire and Merseyside" },
    people.lead,
    {
      team: { ...people.team, role: "team" },
      esme: { ...people.esme, role: "expert" },
      hyperlink: { ...people.hyperlink, role: "expert" },
      command: { ...people.command, role: "expert" },
    },
  ));
});

/** Acts as a member on that Friday. */
const as = <T>(actor: Actor, run: () => Promise<T>) => atTime(friday, () => asMember(actor, siteId, run));
const failure = <T>(actor: Actor, run: () => Promise<T>) => as(actor, run).catch((error: unknown) => error);
const log = (actor: Actor, date: string, minutes: number, activity: ExpertTime.TimeEntry["activity"]) =>
  as(actor, () => ExpertTime.log({ siteId, date, minutes, activity }));

describe("recording time", () => {
  it("takes quarter hours on a day up to today, and lists a person's own month newest first", async () => {
    for (const minutes of [0, 20, 50, 13 * 60]) {
      expect(
        await failure(esme, () => ExpertTime.log({ siteId, date: "2026-03-02", minutes, activity: "reading" })),
        String(minutes),
      ).toBeInstanceOf(ValidationError);
    }
    const tomorrow = await failure(esme, () =>
      ExpertTime.log({ siteId, date: "2026-03-21", minutes: 60, activity: "reading" }),
    );
    expect(tomorrow).toBeInstanceOf(ValidationError);
    expect((tomorrow as ValidationError).fields).toEqual({ date: "Record time on or before today." });
    expect(
      await failure(esme, () => ExpertTime.log({ siteId, date: "2025-03-19", minutes: 60, activity: "reading" })),
    ).toBeInstanceOf(ValidationError);
    expect(
      await failure(esme, () => ExpertTime.log({ siteId, date: "2026-02-30", minutes: 60, activity: "reading" })),
    ).toBeInstanceOf(ValidationError);

    await log(esme, "2026-03-02", 90, "reading");
    const logged = await log(esme, "2026-03-10", 45, "panel");
    // Another month's time is counted in that month.
    await log(esme, "2026-02-27", 60, "training");
    await log(esme, "2026-03-20", 15, "reading");
    expect(logged).toMatchObject({ month: "2026-03", minutes: 135 });
    expect(logged.entries.map((entry) => [entry.date, entry.minutes, entry.activity])).toEqual([
      ["2026-03-10", 45, "panel"],
      ["2026-03-02", 90, "reading"],
    ]);
    const march = await as(esme, () => ExpertTime.mine({ siteId, month: "2026-03" }));
    expect(march.minutes).toBe(150);
    expect(march.entries.map((entry) => entry.date)).toEqual(["2026-03-20", "2026-03-10", "2026-03-02"]);
    expect((await as(esme, () => ExpertTime.mine({ siteId, month: "2026-02" }))).minutes).toBe(60);
    // Each person sees only their own.
    expect((await as(team, () => ExpertTime.mine({ siteId, month: "2026-03" }))).entries).toEqual([]);
  });

  it("removes an entry once, only by the person who recorded it, under the version they saw", async () => {
    const { entries } = await as(esme, () => ExpertTime.mine({ siteId, month: "2026-03" }));
    const today = entries.find((entry) => entry.date === "2026-03-20");
    if (!today) throw new Error("The entry for today is missing.");
    const key = { siteId, date: today.date, entryId: today.entryId };

    expect(await failure(lead, () => ExpertTime.remove({ ...key, version: today.version }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await failure(esme, () => ExpertTime.remove({ ...key, version: today.version + 1 }))).toBeInstanceOf(
      ConflictError,
    );
    const after = await as(esme, () => ExpertTime.remove({ ...key, version: today.version }));
    expect(after.minutes).toBe(135);
    expect(after.entries.map((entry) => entry.entryId)).not.toContain(today.entryId);
    expect(await failure(esme, () => ExpertTime.remove({ ...key, version: today.version }))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("the month's totals and pay", () => {
  it("adds up each person's month, and pays experts only, in whole pence at the site's day rate", async () => {
    await log(hyperlink, "2026-03-12", 7.5 * 60, "panel");
    await log(command, "2026-03-13", 15, "interview");
    await log(lead, "2026-03-12", 120, "panel");
    await log(team, "2026-03-12", 30, "reading");

    const atDefault = await as(lead, () => ExpertTime.totals({ siteId, month: "2026-03" }));
    expect(atDefault.rate).toEqual({ dayRatePence: 15_000, hoursPerDay: 7.5, version: 0, isDefault: true });
    const byPerson = Object.fromEntries(atDefault.people.map((person) => [person.personId, person]));
    expect(byPerson[esme.personId]).toEqual({
      personId: esme.personId,
      name: people.esme.name,
      role: "expert",
      minutes: 135,
      byActivity: { reading: 90, panel: 45, interview: 0, training: 0 },
      // 2¼ hours of a 7½-hour day at £150.
      payPence: 4_500,
    });
    expect(byPerson[hyperlink.personId]).toMatchObject({ minutes: 450, payPence: 15_000 });
    expect(byPerson[command.personId]).toMatchObject({ minutes: 15, payPence: 500 });
    // Staff are salaried: their time is counted, never paid.
    expect(byPerson[lead.personId]).toMatchObject({ role: "lead", minutes: 120, payPence: null });
    expect(byPerson[team.personId]).toMatchObject({ role: "team", minutes: 30, payPence: null });
    expect(atDefault.people).toHaveLength(5);

    const set = await as(lead, () =>
      ExpertTime.setPayRate({ siteId, version: 0, dayRatePence: 16_250, hoursPerDay: 7 }),
    );
    expect(set).toEqual({ dayRatePence: 16_250, hoursPerDay: 7, version: 1, isDefault: false });
    const totals = await as(lead, () => ExpertTime.totals({ siteId, month: "2026-03" }));
    const pay = Object.fromEntries(totals.people.map((person) => [person.personId, person.payPence]));
    // 135 × 16,250 ÷ 420 = 5,223.21…; 450 × 16,250 ÷ 420 = 17,410.71…; 15 × 16,250 ÷ 420 = 580.36…
    expect(pay).toEqual({
      [esme.personId]: 5_223,
      [hyperlink.personId]: 17_411,
      [command.personId]: 580,
      [lead.personId]: null,
      [team.personId]: null,
    });
    const february = await as(lead, () => ExpertTime.totals({ siteId, month: "2026-02" }));
    expect(february.people.map((person) => [person.personId, person.minutes, person.payPence])).toEqual([
      [esme.personId, 60, 2_321],
    ]);
  });

  it("exports the experts' month as CSV, with names a spreadsheet would run written as text", async () => {
    const { filename, csv } = await as(lead, () => ExpertTime.exportCsv({ siteId, month: "2026-03" }));
    expect(filename).toBe("cheshire-experts-time-2026-03.csv");
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "Name,Role,Month,Reading applications (hours),Panel meeting (hours),Interview or conversation (hours),Training (hours),Total hours,Day rate (£),Hours in a day,Amount (£)",
    );
    expect(lines.slice(1).sort()).toEqual(
      [
        `"'=HYPERLINK(""https://evil.example"",""Click"")",Expert by experience,2026-03,0.00,7.50,0.00,0.00,7.50,162.50,7,174.11`,
        "'+cmd|' /C calc'!A0,Expert by experience,2026-03,0.00,0.00,0.25,0.00,0.25,162.50,7,5.80",
        "Esme Expert,Expert by experience,2026-03,1.50,0.75,0.00,0.00,2.25,162.50,7,52.23",
      ].sort(),
    );
    // Staff time is not in the payment export.
    expect(csv).not.toContain(people.lead.name);
    expect(csv).not.toContain(people.team.name);
    // No cell starts with a character a spreadsheet reads as a formula.
    for (const line of lines) {
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []) {
        expect(cell.replace(/^"/, ""), line).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it("guards every kind of formula cell", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "Plain", "1.50"].map(ExpertTime.guardFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "Plain",
      "1.50",
    ]);
  });

  it("sets the day rate under the version the lead saw", async () => {
    const current = await as(lead, () => ExpertTime.payRate({ siteId }));
    expect(current.version).toBe(1);
    expect(
      await failure(lead, () => ExpertTime.setPayRate({ siteId, version: 0, dayRatePence: 17_000, hoursPerDay: 7.5 })),
    ).toBeInstanceOf(ConflictError);
    for (const invalid of [
      { dayRatePence: 50, hoursPerDay: 7.5 },
      { dayRatePence: 17_000.5, hoursPerDay: 7.5 },
      { dayRatePence: 17_000, hoursPerDay: 7.3 },
      { dayRatePence: 17_000, hoursPerDay: 13 },
    ]) {
      expect(
        await failure(lead, () => ExpertTime.setPayRate({ siteId, version: 1, ...invalid })),
        JSON.stringify(invalid),
      ).toBeInstanceOf(ValidationError);
    }
    const changed = await as(lead, () =>
      ExpertTime.setPayRate({ siteId, version: 1, dayRatePence: 17_000, hoursPerDay: 7.5 }),
    );
    expect(changed).toEqual({ dayRatePence: 17_000, hoursPerDay: 7.5, version: 2, isDefault: false });
    expect(
      await failure(lead, () => ExpertTime.setPayRate({ siteId, version: 1, dayRatePence: 18_000, hoursPerDay: 7.5 })),
    ).toBeInstanceOf(ConflictError);
    expect((await as(team, () => ExpertTime.payRate({ siteId }))).dayRatePence).toBe(17_000);
  });

  it("audits every change without a name", async () => {
    const events = await auditEvents();
    const actions = new Set(events.map((event) => event.action));
    for (const action of ["expert_time.logged", "expert_time.removed", "expert_time.pay_rate_set"]) {
      expect(actions).toContain(action);
    }
    const secrets = Object.values(people).flatMap((person) => [person.name, person.email]);
    expect(auditProblems(events, secrets)).toEqual([]);
  });
});
