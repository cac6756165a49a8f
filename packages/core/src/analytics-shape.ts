import type { ProtectedAverage, ProtectedCount } from "./disclosure";
import { dayBucketNames, dayBuckets } from "./figures-shape";
import { type Standing, standings } from "./organisation-shape";

/**
 * The national dashboard's shape, shared by the API (which fills it), the CSV export and the web
 * app (which show it): the periods, the columns of the site comparison, what each figure means.
 * Pure data and formatting, no reads.
 */

export const periods = ["quarter", "year", "all"] as const;
export type Period = (typeof periods)[number];

export const periodLabels: Record<Period, string> = {
  quarter: "This quarter",
  year: "Last 12 months",
  all: "All time",
};

/** Months a period covers, YYYY-MM, up to and including `thisMonth`; all time starts at `firstMonth`. */
export function monthsOf(period: Period, thisMonth: string, firstMonth: string): string[] {
  const [year, month] = thisMonth.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1);
  const start =
    period === "quarter"
      ? index - ((month - 1) % 3)
      : period === "year"
        ? index - 11
        : Math.min(index, monthIndex(firstMonth));
  const list: string[] = [];
  for (let at = start; at <= index; at++) list.push(monthName(at));
  return list;
}

const monthIndex = (name: string) => {
  const [year, month] = name.split("-").map(Number) as [number, number];
  return year * 12 + (month - 1);
};
const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

/** A figure as it is published: exact, a day range from a histogram, protected, or nothing yet. */
export type Cell =
  | { kind: "number"; value: number }
  /** A median read from a histogram of days: it falls in this bucket. */
  | { kind: "days"; from: number; to: number | null }
  /** A share from 0 to 1, with how many it is out of (sessions' places, panel scores). */
  | { kind: "share"; value: number; outOf: number }
  | { kind: "date"; value: string; stale: boolean }
  /** Nothing to count yet: no decisions, no sessions held. */
  | { kind: "none" }
  | ProtectedCount
  | ProtectedAverage;

/** What a column is about: organisations, sessions and panels are exact; individuals are protected. */
export type About = "organisations" | "cohort" | "experts" | "individuals" | "freshness";

export interface Column {
  id: string;
  label: string;
  /** Shorter, for narrow headers. */
  short?: string;
  about: About;
  /** Whether the period filter changes it; otherwise it is as it stands now, or over all time. */
  inPeriod: boolean;
  /** What the figure means and how it is counted, for the glossary. */
  meaning: string;
}

/** The days range of the median of a histogram of days, or none when it is empty. */
export function medianOfDays(histogram: readonly number[]): Cell {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return { kind: "none" };
  let seen = 0;
  for (const [index, count] of histogram.entries()) {
    seen += count;
    if (seen * 2 >= total) {
      const from = index === 0 ? 0 : (dayBuckets[index - 1] as number) + 1;
      const to = dayBuckets[index] ?? null;
      return { kind: "days", from, to };
    }
  }
  return { kind: "none" };
}

export { dayBucketNames };

/** A cell in words, as the table, the CSV and the print view show it. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case "number":
      return Number.isInteger(cell.value) ? String(cell.value) : cell.value.toFixed(1);
    case "count":
      return String(cell.value);
    case "days":
      return cell.to === null ? `over ${cell.from - 1} days` : `${cell.from} to ${cell.to} days`;
    case "share":
      return `${Math.round(cell.value * 100)}%`;
    case "date":
      return cell.value.slice(0, 10);
    case "average":
      return cell.value.toFixed(1);
    case "fewer-than-8":
      return "fewer than 8";
    case "hidden":
      return "hidden";
    case "too-few":
      return "too few to show";
    case "none":
      return "none yet";
  }
}

/** A number to sort a cell by; cells with nothing to show sort last. */
export function cellOrder(cell: Cell): number | null {
  switch (cell.kind) {
    case "number":
    case "count":
    case "share":
    case "average":
      return cell.value;
    case "days":
      return cell.to ?? cell.from;
    case "date":
      return Date.parse(cell.value);
    case "fewer-than-8":
      return 4;
    default:
      return null;
  }
}

/** Organisations' standings the comparison shows, in the order an organisation moves through them. */
export const pipelineStandings = standings.filter(
  (standing): standing is Exclude<Standing, "withdrawn"> => standing !== "withdrawn",
);
export type PipelineStanding = (typeof pipelineStandings)[number];

/** Each standing's name in the comparison and the glossary, and its short name for headers and charts. */
export const pipelineLabels: Record<PipelineStanding, { label: string; short: string }> = {
  interest: { label: "Registered interest", short: "Interest" },
  applying: { label: "Writing an application", short: "Applying" },
  "in-review": { label: "Application in review", short: "In review" },
  approved: { label: "Approved providers", short: "Approved" },
  "walking-through": { label: "Approved to walk through", short: "Walking through" },
  "not-yet": { label: "Told not yet", short: "Not yet" },
  declined: { label: "Declined", short: "Declined" },
};

/** The site comparison's columns, in order; individuals' figures join when their records do. */
export const comparisonColumns: Column[] = [
  ...pipelineStandings.map(
    (standing): Column => ({
      id: `standing:${standing}`,
      label: pipelineLabels[standing].label,
      short: pipelineLabels[standing].short,
      about: "organisations",
      inPeriod: false,
      meaning: `Organisations whose standing in the site is "${pipelineLabels[standing].label.toLowerCase()}" now, whatever the period.`,
    }),
  ),
  {
    id: "interestRegistered",
    label: "Registered interest in the period",
    short: "New interest",
    about: "organisations",
    inPeriod: true,
    meaning: "Organisations that registered interest in the period.",
  },
  {
    id: "decisions",
    label: "Panel decisions",
    short: "Decisions",
    about: "organisations",
    inPeriod: true,
    meaning: "Decisions panels made in the period, of every outcome.",
  },
  {
    id: "approvals",
    label: "Approvals",
    about: "organisations",
    inPeriod: true,
    meaning: "Decisions in the period that approved a provider, or approved them to walk through.",
  },
  {
    id: "decideDays",
    label: "Median days from submission to decision",
    short: "Days to decide",
    about: "organisations",
    inPeriod: true,
    meaning:
      "For decisions in the period, the middle number of days from sending the application to the panel's decision. " +
      "Days are counted in bands (up to 7, 8 to 14, 15 to 30, 31 to 60, 61 to 90, 91 to 180, 181 to 365, over 365), so the band is shown.",
  },
  {
    id: "cohortMembers",
    label: "Approved organisations in the cohort",
    short: "In cohort",
    about: "cohort",
    inPeriod: false,
    meaning: "Approved providers taking part in the site's cohort now.",
  },
  {
    id: "sessionsHeld",
    label: "Cohort sessions held",
    short: "Sessions",
    about: "cohort",
    inPeriod: true,
    meaning: "Sessions in the period whose attendance the site's team recorded.",
  },
  {
    id: "attendance",
    label: "Attendance at sessions",
    short: "Attendance",
    about: "cohort",
    inPeriod: true,
    meaning:
      "Of the places booked at sessions held in the period (the site's own and national events), the share whose holder came.",
  },
  {
    id: "activePairs",
    label: "Mentoring pairs under way",
    short: "Pairs",
    about: "cohort",
    inPeriod: false,
    meaning: "Mentoring pairings under way now.",
  },
  {
    id: "needsCheckIn",
    label: "Pairs needing a check-in",
    short: "Need check-in",
    about: "cohort",
    inPeriod: false,
    meaning: "Pairings under way with no meeting logged for six weeks, as of the last daily check.",
  },
  {
    id: "meetings",
    label: "Mentoring meetings",
    short: "Meetings",
    about: "cohort",
    inPeriod: true,
    meaning: "Mentoring meetings held in the period, by the day they were held.",
  },
  {
    id: "expertHours",
    label: "Experts' hours",
    short: "Expert hours",
    about: "experts",
    inPeriod: true,
    meaning: "Paid time experts by experience recorded for the period, by the day they worked, in hours.",
  },
  {
    id: "lastRecorded",
    label: "Last recorded",
    about: "freshness",
    inPeriod: false,
    meaning: "The day the site last recorded anything on the platform. Flagged when it is more than 30 days ago.",
  },
];

/** A site's figures count as out of date when it has recorded nothing for this many days. */
export const staleAfterDays = 30;
