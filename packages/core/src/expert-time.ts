import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useMembership } from "./actor";
import { change, useChange } from "./change";
import { today } from "./clock";
import { toCsv } from "./csv";
import { db } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { defaultPayRate, payPence, type TimeActivity, timeActivities, timeActivityLabels } from "./expert-time-shape";
import * as Membership from "./membership";
import { roleLabels, type SiteRole } from "./role";
import * as SiteStats from "./site-stats";
import { dateSchema, monthSchema, recordIdSchema, siteIdSchema, verb, versionSchema } from "./validation";

/**
 * Experts' paid time. Reviewers and the lead record the time they spend on panel work (reading,
 * panel meetings, interviews, training); the site sees each person's totals for a month and
 * exports the experts' for payment at the day rate it sets. Everyone records only their own time.
 */

export interface TimeEntry {
  entryId: string;
  date: string;
  minutes: number;
  activity: TimeActivity;
  applicationId: string | null;
  version: number;
}

export interface PersonMonth {
  personId: string;
  name: string;
  role: SiteRole | null;
  minutes: number;
  byActivity: Record<TimeActivity, number>;
  /** What the site pays for this time: experts by experience only; staff are salaried. */
  payPence: number | null;
}

const siteKey = z.strictObject({ siteId: siteIdSchema });

/** Records time the caller spent. */
export const log = verb(
  siteKey.extend({
    date: dateSchema,
    minutes: z
      .number({ error: "Enter how long you spent." })
      .int()
      .min(15, "Record at least a quarter of an hour.")
      .max(12 * 60, "Record at most 12 hours for one day.")
      .refine((minutes) => minutes % 15 === 0, "Record time in quarter hours."),
    activity: z.enum(timeActivities, { error: "Choose what the time was for." }),
    applicationId: recordIdSchema.optional(),
  }),
  async ({ siteId, date, minutes, activity, applicationId }) => {
    const { personId, role } = useMembership(siteId);
    const byExpert = role === "expert";
    const day = today();
    if (date > day) {
      throw new ValidationError("Record time on or before today.", { date: "Record time on or before today." });
    }
    if (date < `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`) {
      throw new ValidationError("Record time from the last 12 months.", {
        date: "Record time from the last 12 months.",
      });
    }
    const entryId = randomUUID();
    const month = date.slice(0, 7);
    await change("expertTime.log", async () => {
      const { write, audit } = useChange();
      write(({ timeEntry }) =>
        timeEntry
          .create({
            siteId,
            month,
            personId,
            date,
            entryId,
            minutes,
            activity,
            byExpert,
            ...(applicationId ? { applicationId } : {}),
          })
          .commit(),
      );
      if (byExpert) SiteStats.count(siteId, SiteStats.counterName.expertMinutes, minutes, month);
      audit({
        siteId,
        action: "expert_time.logged",
        recordType: "person",
        recordId: personId,
        after: { date, minutes, activity },
      });
    });
    return mine({ siteId, month });
  },
);

/** Takes back one of the caller's own entries. */
export const remove = verb(
  siteKey.extend({ date: dateSchema, entryId: recordIdSchema, version: versionSchema }),
  async ({ siteId, date, entryId, version }) => {
    const { personId } = useMembership(siteId);
    const month = date.slice(0, 7);
    const key = { siteId, month, personId, date, entryId };
    const { data } = await db.entities.timeEntry.get(key).go({ consistent: true });
    if (!data) throw new NotFoundError("That time entry is no longer there: it may have been removed already.");
    await change("expertTime.remove", async () => {
      const { write, audit } = useChange();
      write(
        ({ timeEntry }) =>
          timeEntry
            .delete(key)
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError("That time entry changed just now. Refresh the page and try again."),
      );
      if (data.byExpert) SiteStats.count(siteId, SiteStats.counterName.expertMinutes, -data.minutes, month);
      audit({
        siteId,
        action: "expert_time.removed",
        recordType: "person",
        recordId: personId,
        before: { date, minutes: data.minutes, activity: data.activity },
      });
    });
    return mine({ siteId, month });
  },
);

/** The caller's own entries for a month, newest day first. */
export const mine = verb(siteKey.extend({ month: monthSchema }), async ({ siteId, month }) => {
  const { personId } = useMembership(siteId);
  const { data } = await db.entities.timeEntry.query
    .byMonth({ siteId, month, personId })
    .go({ pages: "all", consistent: true });
  const entries = data
    .map(
      (item): TimeEntry => ({
        entryId: item.entryId,
        date: item.date,
        minutes: item.minutes,
        activity: item.activity,
        applicationId: item.applicationId ?? null,
        version: item.version,
      }),
    )
    .sort((a, b) => b.date.localeCompare(a.date));
  return { month, entries, minutes: entries.reduce((sum, entry) => sum + entry.minutes, 0) };
});

/** Everyone's totals for a month, with what each expert is owed at the site's day rate. */
export const totals = verb(siteKey.extend({ month: monthSchema }), async ({ siteId, month }) => {
  const [rate, { data }] = await Promise.all([
    payRate({ siteId }),
    db.entities.timeEntry.query.byMonth({ siteId, month }).go({ pages: "all" }),
  ]);
  const people = new Map<string, { minutes: number; byActivity: Record<TimeActivity, number> }>();
  for (const item of data) {
    const person = people.get(item.personId) ?? {
      minutes: 0,
      byActivity: Object.fromEntries(timeActivities.map((activity) => [activity, 0])) as Record<TimeActivity, number>,
    };
    person.minutes += item.minutes;
    person.byActivity[item.activity] += item.minutes;
    people.set(item.personId, person);
  }
  const members = await Promise.all([...people.keys()].map((personId) => Membership.find(siteId, personId)));
  const rows: PersonMonth[] = [...people.entries()].map(([personId, totals], index) => {
    const member = members[index];
    const role = member?.role ?? null;
    return {
      personId,
      name: member?.name ?? "Former member",
      role,
      ...totals,
      payPence: role === "expert" ? payPence(totals.minutes, rate.dayRatePence, rate.hoursPerDay) : null,
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return { month, rate, people: rows };
});

/**
 * The experts' totals for a month as CSV for payment. Every cell a spreadsheet could read as a
 * formula (starting =, +, -, @, a tab or a return) is written as text, so a name cannot run code.
 */
export const exportCsv = verb(siteKey.extend({ month: monthSchema }), async ({ siteId, month }) => {
  const { rate, people } = await totals({ siteId, month });
  const experts = people.filter((person) => person.role === "expert");
  const rows = [
    [
      "Name",
      "Role",
      "Month",
      ...timeActivities.map((activity) => `${timeActivityLabels[activity]} (hours)`),
      "Total hours",
      "Day rate (£)",
      "Hours in a day",
      "Amount (£)",
    ],
    ...experts.map((person) => [
      person.name,
      person.role ? roleLabels[person.role] : "",
      month,
      ...timeActivities.map((activity) => hours(person.byActivity[activity])),
      hours(person.minutes),
      pounds(rate.dayRatePence),
      String(rate.hoursPerDay),
      pounds(person.payPence ?? 0),
    ]),
  ];
  return {
    filename: `${siteId}-experts-time-${month}.csv`,
    csv: toCsv(rows),
  };
});

export { guardFormula } from "./csv";

const hours = (minutes: number) => (minutes / 60).toFixed(2);
const pounds = (pence: number) => (pence / 100).toFixed(2);

/** The site's day rate for experts, or the default until the lead sets one. */
export const payRate = verb(siteKey, async ({ siteId }) => {
  const { data } = await db.entities.payRate.get({ siteId }).go({ consistent: true });
  return data
    ? { dayRatePence: data.dayRatePence, hoursPerDay: data.hoursPerDay, version: data.version, isDefault: false }
    : { ...defaultPayRate, version: 0, isDefault: true };
});

/** The lead sets the day rate experts are paid at, and how many hours make a paid day. */
export const setPayRate = verb(
  siteKey.extend({
    version: z.number().int().min(0).max(1_000_000_000),
    dayRatePence: z
      .number({ error: "Enter the day rate in pounds and pence." })
      .int()
      .min(100, "Enter a day rate of at least £1.")
      .max(200_000, "Enter a day rate of at most £2,000."),
    hoursPerDay: z
      .number({ error: "Enter how many hours make a paid day." })
      .min(1, "A paid day is at least 1 hour.")
      .max(12, "A paid day is at most 12 hours.")
      .refine((value) => Number.isInteger(value * 4), "Use quarter hours, like 7.5."),
  }),
  async ({ siteId, version, dayRatePence, hoursPerDay }) => {
    const stale = () => new ConflictError("Someone else changed the day rate just now. Refresh the page to see it.");
    await change("expertTime.setPayRate", async () => {
      const { write, audit } = useChange();
      if (version === 0) {
        write(({ payRate: rates }) => rates.create({ siteId, dayRatePence, hoursPerDay }).commit(), stale);
      } else {
        write(
          ({ payRate: rates }) =>
            rates
              .patch({ siteId })
              .set({ dayRatePence, hoursPerDay })
              .add({ version: 1 })
              .where((attributes, operations) => operations.eq(attributes.version, version))
              .commit(),
          stale,
        );
      }
      audit({
        siteId,
        action: "expert_time.pay_rate_set",
        recordType: "site",
        recordId: siteId,
        after: { dayRatePence, hoursPerDay },
      });
    });
    return payRate({ siteId });
  },
);
