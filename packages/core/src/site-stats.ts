import { useChange } from "./change";
import { today } from "./clock";
import { db } from "./db";
import { RuleError } from "./errors";
import { allTimeFigures, dayBucketNames, dayBuckets, figureField, isFigure, isFlowFigure } from "./figures-shape";
import type { roleCountField } from "./role";

/**
 * A site's running totals, kept in the same change as every record they count, so national
 * views read one item per site instead of scanning. Services record what to add; all of one
 * change's additions to a site become one update with their conditions joined.
 */
export type SiteCounter = (typeof roleCountField)[keyof typeof roleCountField];

export const lastLeadMessage = "A site needs at least one project lead. Make someone else project lead first.";

/** Adds to a site's counters (negative numbers subtract). */
export function add(siteId: string, counts: Partial<Record<SiteCounter, number>>): void {
  useChange().increment("siteStats", { siteId }, { add: counts });
}

/** Names a person among the site's leads, so the national list needs no member read. */
export function addLead(siteId: string, personId: string): void {
  useChange().increment("siteStats", { siteId }, { addToSet: { leadIds: [personId] } });
}

/** Takes a person off the site's leads; refused if the site would be left with none. */
export function removeLead(siteId: string, personId: string): void {
  useChange().increment(
    "siteStats",
    { siteId },
    {
      removeFromSet: { leadIds: [personId] },
      require: {
        condition: (attributes, operations) => operations.gt(attributes.leadCount, 1),
        error: () => new RuleError(lastLeadMessage),
      },
    },
  );
}

/**
 * A site's named counters beyond its members. Names are built here so every writer and reader
 * spells them alike. Board columns are a site's own (`column:<stageId>`) and live on their own
 * items; every other name is one of the national figures in figures-shape.ts, kept on the site's
 * figures items.
 */
export const counterName = {
  /** Applications in one column of the board: a stage's id, or "withdrawn". */
  column: (column: string) => `column:${column}`,
  /** Organisations in each standing now. */
  standing: (standing: string) => `standing:${standing}`,
  /** Organisations that registered interest (a flow: counted in the month they did). */
  interest: "interest",
  /** Days from starting an application to submitting it, in buckets (see daysBucket). */
  submitDays: (bucket: string) => `submitDays:${bucket}`,
  submitted: "submitted",
  /** Decisions by outcome: approved, walking-through, not-yet, declined. */
  decision: (outcome: string) => `decision:${outcome}`,
  /** Days from submitting an application to the panel's decision, in buckets (see daysBucket). */
  decideDays: (bucket: string) => `decideDays:${bucket}`,
  /** Organisations in the cohort now. */
  cohortMembers: "cohort:members",
  /** Sessions whose attendance the team recorded: held, in the month the session was. */
  sessionsHeld: "cohort:sessionsHeld",
  /** Places booked at sessions, less those given up. */
  bookings: "cohort:bookings",
  /** Booked places at held sessions: came, and did not. */
  attended: "cohort:attended",
  missed: "cohort:missed",
  /** Mentoring pairings under way. */
  activePairs: "mentoring:active",
  /** Pairings under way that need a check-in, as of the daily sweep (see Mentoring.countCheckIns). */
  needsCheckIn: "mentoring:needsCheckIn",
  /** Mentoring meetings logged, in the month they were held. */
  meetings: "mentoring:meetings",
  /** Experts' paid time recorded, in minutes, in the month it was worked. */
  expertMinutes: "expert:minutes",
  /** Submitted panel scores on criteria linked to national characteristic `number` (1 to 9). */
  panelPoints: (number: number) => `panel:${number}:points`,
  panelOutOf: (number: number) => `panel:${number}:outOf`,
  panelScores: (number: number) => `panel:${number}:scores`,
} as const;

/** The key of a site's figures item: `all`, or a year's month-by-month figures. */
export const figuresKey = (siteId: string, period: string) => ({ siteId, period });

/**
 * Where a count lands: a board column on its own `siteCount` item; a national figure on the
 * site's `all` figures item and, if it happens at a moment, in `month` (YYYY-MM) on that year's
 * item too. The one rule for both counting (below) and recounting (reconcile.ts).
 */
export type Cell =
  | { entity: "siteCount"; counter: string; field: "value" }
  | { entity: "siteFigures"; period: string; field: string };

export function cellsOf(counter: string, month: string): Cell[] {
  if (!isFigure(counter)) return [{ entity: "siteCount", counter, field: "value" }];
  const all: Cell = { entity: "siteFigures", period: "all", field: figureField(counter) };
  if (!isFlowFigure(counter)) return [all];
  return [all, { entity: "siteFigures", period: month.slice(0, 4), field: figureField(counter, month.slice(5, 7)) }];
}

/**
 * Adds to one named counter of a site (negative subtracts). A national figure that happens at a
 * moment is counted in `month` too (YYYY-MM; this month by default), so periods can be summed.
 */
export function count(siteId: string, counter: string, amount: number, month: string = today().slice(0, 7)): void {
  const { increment } = useChange();
  for (const cell of cellsOf(counter, month)) {
    if (cell.entity === "siteCount") increment("siteCount", { siteId, counter }, { add: { value: amount } });
    else increment("siteFigures", figuresKey(siteId, cell.period), { add: { [cell.field]: amount } });
  }
}

/** The UK month (YYYY-MM) of an instant: a flow is counted in the month its record says it happened. */
export function monthOf(instant: string): string {
  return today(new Date(instant)).slice(0, 7);
}

/** Buckets for a histogram of days: its size stays fixed however many applications a site has. */
export { dayBucketNames, dayBuckets };

/** The bucket `days` falls in: "7" for up to 7 days, ..., "over-365" beyond the last. */
export function daysBucket(days: number): string {
  const bucket = dayBuckets.find((limit) => days <= limit);
  return bucket === undefined ? `over-${dayBuckets[dayBuckets.length - 1]}` : String(bucket);
}

/** Every named counter of a site over all time, by name: its board columns and its figures. */
export async function counts(siteId: string): Promise<Map<string, number>> {
  const [columns, figures] = await Promise.all([
    db.entities.siteCount.query.bySite({ siteId }).go({ pages: "all" }),
    db.entities.siteFigures.get(figuresKey(siteId, "all")).go(),
  ]);
  const named = new Map(columns.data.map((item) => [item.counter, item.value]));
  const item = (figures.data ?? {}) as Record<string, unknown>;
  for (const figure of allTimeFigures) {
    const value = item[figureField(figure)];
    if (typeof value === "number") named.set(figure, value);
  }
  return named;
}
