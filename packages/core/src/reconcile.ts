import { NATIONAL_SCOPE } from "./change";
import { dayMs, today } from "./clock";
import { db } from "./db";
import { allTimeFigures, figureField, flowFigures, months } from "./figures-shape";
import * as Mentoring from "./mentoring";
import * as Process from "./process";
import * as Review from "./review";
import { type Cell, cellsOf, counterName, daysBucket, monthOf } from "./site-stats";

/**
 * Reconciling: every figure a site keeps (its board columns and its national figures) counted
 * again from the site's records, compared with what the changes counted, and put right where
 * they differ. Nothing should ever differ, because every change counts in the same transaction
 * as the records it writes; this is how that is proved, and how a figure added later, or a
 * year's item lost, is filled in from the records already there.
 *
 * It reads site by site with queries of the site's partition (the API's role has no Scan), so it
 * costs in proportion to one site's records at a time, never the whole table.
 */

/** One figure that the records say should be something else. */
export interface Drift {
  siteId: string;
  /** `all`, a year ("2026"), or `board` for a board column's count. */
  item: string;
  figure: string;
  /** YYYY-MM, for a month's figure on a year's item. */
  month?: string;
  stored: number;
  expected: number;
}

export interface SiteReconciliation {
  siteId: string;
  drift: Drift[];
  /** Whether the drift was written over with the figures the records give. */
  fixed: boolean;
}

/** The figure the sweep owns: it changes with the passing of days, not with records, so it is set, not reconciled. */
const sweptFields = new Set([figureField(counterName.needsCheckIn)]);

/**
 * Figures counted from records, laid out as the items hold them: item key ("figures#2026",
 * "count#column:intro") to attribute to number. Counted through cellsOf, the same rule the
 * changes count by, so a figure lands in the same cell whichever way it was counted.
 */
class Tally {
  readonly items = new Map<string, Map<string, number>>();

  count(counter: string, amount: number, month = "0000-00") {
    for (const cell of cellsOf(counter, month)) {
      const fields = this.items.get(itemKey(cell)) ?? new Map<string, number>();
      fields.set(cell.field, (fields.get(cell.field) ?? 0) + amount);
      this.items.set(itemKey(cell), fields);
    }
  }
}

const itemKey = (cell: Cell) => (cell.entity === "siteCount" ? `count#${cell.counter}` : `figures#${cell.period}`);

const wholeDays = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / dayMs);

const all = { pages: "all", consistent: true } as const;

/** Counts a site's figures from its records, and from its organisations' places at national events. */
async function countFromRecords(siteId: string): Promise<Tally> {
  const isNational = siteId === NATIONAL_SCOPE;
  const [organisations, applications, reviews, members, sessions, places, pairs, meetings, entries, national] =
    await Promise.all([
      db.entities.organisation.query.bySite({ siteId }).go(all),
      db.entities.application.query.byOrganisation({ siteId }).go(all),
      db.entities.review.query.byApplication({ siteId }).go(all),
      db.entities.cohortMember.query.bySite({ siteId }).go(all),
      db.entities.cohortSession.query.bySite({ siteId }).go(all),
      db.entities.sessionPlace.query.bySession({ siteId }).go(all),
      db.entities.mentoringPair.query.bySite({ siteId }).go(all),
      db.entities.mentoringMeeting.query.byPair({ siteId }).go(all),
      db.entities.timeEntry.query.byMonth({ siteId }).go(all),
      // A national event's places count in the site of the organisation that booked them.
      isNational
        ? Promise.resolve(null)
        : Promise.all([
            db.entities.cohortSession.query.bySite({ siteId: NATIONAL_SCOPE }).go(all),
            db.entities.sessionPlace.query.bySession({ siteId: NATIONAL_SCOPE }).go(all),
          ]),
    ]);
  const tally = new Tally();

  for (const organisation of organisations.data) {
    tally.count(counterName.standing(organisation.standing), 1);
    tally.count(counterName.interest, 1, monthOf(organisation.createdAt));
  }

  const processVersionOf = new Map<string, number>();
  for (const application of applications.data) {
    processVersionOf.set(application.applicationId, application.processVersion);
    tally.count(counterName.column(application.boardColumn), 1);
    const { submittedAt, decidedAt, outcome } = application;
    if (submittedAt) {
      tally.count(counterName.submitted, 1, monthOf(submittedAt));
      tally.count(counterName.submitDays(daysBucket(wholeDays(application.createdAt, submittedAt))), 1);
    }
    if (application.status === "decided" && outcome && decidedAt) {
      const days = submittedAt ? wholeDays(submittedAt, decidedAt) : 0;
      tally.count(counterName.decision(outcome), 1, monthOf(decidedAt));
      tally.count(counterName.decideDays(daysBucket(days)), 1, monthOf(decidedAt));
    }
  }

  for (const review of reviews.data) {
    const version = processVersionOf.get(review.applicationId);
    if (review.state !== "submitted" || version === undefined) continue;
    const { definition } = await Process.versionOf(siteId, version);
    for (const [figure, amount] of Review.panelFigures(definition, Review.parseScores(review.scores))) {
      tally.count(figure, amount);
    }
  }

  for (const member of members.data) if (member.active) tally.count(counterName.cohortMembers, 1);

  // Held sessions count in their own partition (the national one for a national event); their
  // places in the site of the organisation that took them, in the month the session was.
  const sessionById = new Map(sessions.data.map((session) => [session.sessionId, session]));
  for (const session of sessions.data) {
    if (session.attendanceRecordedAt) tally.count(counterName.sessionsHeld, 1, monthOf(session.startsAt));
  }
  const nationalSessionById = new Map(national?.[0].data.map((session) => [session.sessionId, session]) ?? []);
  const placesWithSessions = [
    ...places.data.map((place) => ({ place, session: sessionById.get(place.sessionId) })),
    ...(national?.[1].data ?? []).map((place) => ({ place, session: nationalSessionById.get(place.sessionId) })),
  ];
  for (const { place, session } of placesWithSessions) {
    if (place.organisationSiteId !== siteId || !session) continue;
    if (place.status === "booked" && session.status !== "cancelled") tally.count(counterName.bookings, 1);
    if (place.attended === true) tally.count(counterName.attended, 1, monthOf(session.startsAt));
    if (place.attended === false) tally.count(counterName.missed, 1, monthOf(session.startsAt));
  }

  for (const pair of pairs.data) if (pair.status === "active") tally.count(counterName.activePairs, 1);
  for (const meeting of meetings.data) tally.count(counterName.meetings, 1, meeting.date.slice(0, 7));
  for (const entry of entries.data) {
    if (entry.byExpert) tally.count(counterName.expertMinutes, entry.minutes, entry.month);
  }
  return tally;
}

/** Every attribute an item can hold a figure in, so a figure stored but no longer counted is seen. */
function fieldsOf(key: string): string[] {
  if (key.startsWith("count#")) return ["value"];
  if (key === "figures#all") return allTimeFigures.map((figure) => figureField(figure));
  return months.flatMap((month) => flowFigures.map((figure) => figureField(figure, month)));
}

/** Names a drifted attribute back as the figure and month people know it by. */
function describe(siteId: string, key: string, field: string, stored: number, expected: number): Drift {
  if (key.startsWith("count#")) return { siteId, item: "board", figure: key.slice("count#".length), stored, expected };
  const period = key.slice("figures#".length);
  if (period === "all") {
    const figure = allTimeFigures.find((name) => figureField(name) === field) ?? field;
    return { siteId, item: "all", figure, stored, expected };
  }
  const month = field.slice(1, 3);
  const figure = flowFigures.find((name) => figureField(name, month) === field) ?? field;
  return { siteId, item: period, figure, month: `${period}-${month}`, stored, expected };
}

type Stored = Map<string, Record<string, unknown>>;

async function readStored(siteId: string): Promise<Stored> {
  const [figures, columns] = await Promise.all([
    db.entities.siteFigures.query.bySite({ siteId }).go(all),
    db.entities.siteCount.query.bySite({ siteId }).go(all),
  ]);
  const stored: Stored = new Map();
  for (const item of figures.data) stored.set(`figures#${item.period}`, item as Record<string, unknown>);
  for (const item of columns.data) stored.set(`count#${item.counter}`, item as Record<string, unknown>);
  return stored;
}

function compare(siteId: string, stored: Stored, expected: Tally): Array<Drift & { key: string; field: string }> {
  const drift: Array<Drift & { key: string; field: string }> = [];
  for (const key of new Set([...stored.keys(), ...expected.items.keys()])) {
    for (const field of fieldsOf(key)) {
      if (sweptFields.has(field)) continue;
      const value = stored.get(key)?.[field];
      const storedValue = typeof value === "number" ? value : 0;
      const expectedValue = expected.items.get(key)?.get(field) ?? 0;
      if (storedValue !== expectedValue) {
        drift.push({ ...describe(siteId, key, field, storedValue, expectedValue), key, field });
      }
    }
  }
  return drift;
}

/**
 * Writes the counted figures over the drifted ones, each only if it still holds what was read:
 * a change that counted meanwhile fails the condition, and the site is read again. Because the
 * stored figures are read before the records, a change committed between the two reads always
 * moves a figure this would write.
 */
async function writeOver(
  siteId: string,
  stored: Stored,
  drift: Array<{ key: string; field: string; expected: number }>,
) {
  const byItem = new Map<string, Array<{ field: string; expected: number }>>();
  for (const { key, field, expected } of drift) byItem.set(key, [...(byItem.get(key) ?? []), { field, expected }]);
  const result = await db.transaction
    .write(({ siteFigures, siteCount }) =>
      [...byItem].map(([key, fields]) => {
        const values = Object.fromEntries(fields.map(({ field, expected }) => [field, expected]));
        // biome-ignore lint/suspicious/noExplicitAny: the attributes are chosen at run time, by name.
        const stillAsRead = (attributes: any, operations: any) =>
          fields
            .map(({ field }) => {
              const value = stored.get(key)?.[field];
              return typeof value === "number"
                ? operations.eq(attributes[field], value)
                : operations.notExists(attributes[field]);
            })
            .join(" AND ");
        if (key.startsWith("count#")) {
          return siteCount
            .update({ siteId, counter: key.slice("count#".length) })
            .set(values as { value: number })
            .where(stillAsRead)
            .commit();
        }
        return siteFigures
          .update({ siteId, period: key.slice("figures#".length) })
          .set(values)
          .where(stillAsRead)
          .commit();
      }),
    )
    .go();
  return !result.canceled;
}

/** How many times a site is read again when changes keep counting while it is reconciled. */
const attempts = 5;

/** Reconciles one site's figures (or the national partition's, `_national`). */
export async function reconcileSite(siteId: string, options: { fix: boolean }): Promise<SiteReconciliation> {
  for (let attempt = 1; ; attempt++) {
    const stored = await readStored(siteId);
    const drift = compare(siteId, stored, await countFromRecords(siteId));
    const report = drift.map(({ key: _key, field: _field, ...rest }) => rest);
    if (!options.fix || drift.length === 0) return { siteId, drift: report, fixed: false };
    // DynamoDB takes at most 100 writes in one transaction; an item holds many figures, so a site
    // has a handful of items to write, far fewer.
    if (await writeOver(siteId, stored, drift)) return { siteId, drift: report, fixed: true };
    if (attempt >= attempts) {
      throw new Error(`${siteId}'s figures kept changing while they were reconciled; run it again when it is quieter.`);
    }
  }
}

/**
 * Reconciles every site in the registry, and the national partition (its events' sessions held),
 * one after another. With `fix`, writes the figures the records give over any that drifted,
 * backfilling years' items, then sets the sweep's figures for `day` as the daily sweep would.
 */
export async function reconcile(
  options: { fix: boolean; day?: string; siteIds?: string[] } = { fix: false },
): Promise<SiteReconciliation[]> {
  const siteIds = options.siteIds ?? [
    ...(await db.entities.site.query.registry({}).go({ pages: "all", attributes: ["siteId"] })).data.map(
      (site) => site.siteId,
    ),
    NATIONAL_SCOPE,
  ];
  const results: SiteReconciliation[] = [];
  for (const siteId of siteIds) results.push(await reconcileSite(siteId, { fix: options.fix }));
  if (options.fix && !options.siteIds) await Mentoring.countCheckIns(options.day ?? today());
  return results;
}
