import { characteristics } from "./characteristics";
import { standings } from "./organisation-shape";

/**
 * The figures every site keeps for national comparison, named once. Each is a number on one of a
 * site's figures items (entities/site-figures.ts): the `all` item holds every figure over all
 * time and its counts as they stand now; one item per calendar year holds the figures that
 * happen at a moment (flows) month by month, so a period is a sum of months, never a scan.
 *
 * Names are fixed here, never built from a site's own wording, so the items' attributes are a
 * bounded set and every site's figures line up column by column.
 */

/** Decisions a panel makes, and the buckets of days from submitting to deciding. */
export const decisionOutcomes = ["approved", "walking-through", "not-yet", "declined"] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/** Upper limits, in days, of a days histogram's buckets; one more bucket holds everything longer. */
export const dayBuckets = [7, 14, 30, 60, 90, 180, 365] as const;
export const dayBucketNames = [...dayBuckets.map(String), `over-${dayBuckets[dayBuckets.length - 1]}`] as const;

/** The characteristic numbers 1 to 9 a criterion can link to (see process-definition.ts). */
export const characteristicNumbers = characteristics.map((_, index) => index + 1);

/** Figures that happen at a moment: kept over all time and in the month they happened. */
export const flowFigures = [
  "interest",
  "submitted",
  ...decisionOutcomes.map((outcome) => `decision:${outcome}`),
  ...dayBucketNames.map((bucket) => `decideDays:${bucket}`),
  "cohort:sessionsHeld",
  "cohort:attended",
  "cohort:missed",
  "mentoring:meetings",
  "expert:minutes",
] as const;

/** Figures kept over all time only: counts as they stand now, and sums for averages. */
export const standingFigures = [
  ...standings.map((standing) => `standing:${standing}`),
  ...dayBucketNames.map((bucket) => `submitDays:${bucket}`),
  "cohort:members",
  "cohort:bookings",
  "mentoring:active",
  "mentoring:needsCheckIn",
  // Panel scores per national characteristic, as points given out of the most they could be,
  // so sites with 3- and 5-point scales compare as shares of the top score.
  ...characteristicNumbers.flatMap((number) => [
    `panel:${number}:points`,
    `panel:${number}:outOf`,
    `panel:${number}:scores`,
  ]),
] as const;

export const allTimeFigures = [...flowFigures, ...standingFigures];
export type Figure = string;

const flowSet: ReadonlySet<string> = new Set(flowFigures);
const figureSet: ReadonlySet<string> = new Set(allTimeFigures);

export const isFlowFigure = (name: string) => flowSet.has(name);
export const isFigure = (name: string) => figureSet.has(name);

export const months = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;

/**
 * The item attribute that holds a figure: DynamoDB names with letters, digits and underscores
 * only, so the expressions ElectroDB writes need no escaping ("decision:not-yet" becomes
 * "decision_not_yet"); a month's copy is prefixed "m03_".
 */
export function figureField(figure: string, month?: string): string {
  const field = figure.replace(/[^A-Za-z0-9]/g, "_");
  return month ? `m${month}_${field}` : field;
}
