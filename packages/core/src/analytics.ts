import * as z from "zod";
import {
  type Cell,
  cellText,
  comparisonColumns,
  medianOfDays,
  monthsOf,
  type Period,
  type PipelineStanding,
  periodLabels,
  periods,
  pipelineStandings,
  staleAfterDays,
} from "./analytics-shape";
import { change, NATIONAL_SCOPE, useChange } from "./change";
import { characteristics } from "./characteristics";
import { dayMs, now, today } from "./clock";
import { toCsv } from "./csv";
import { db } from "./db";
import { protectRow } from "./disclosure";
import { NotFoundError } from "./errors";
import {
  allTimeFigures,
  characteristicNumbers,
  dayBucketNames,
  decisionOutcomes,
  figureField,
  flowFigures,
} from "./figures-shape";
import { figuresKey } from "./site-stats";
import { siteIdSchema, verb } from "./validation";

/**
 * The national dashboard: every site's figures side by side, read from their figures items
 * (entities/site-figures.ts), never from records and never by a scan. A request reads the site
 * registry, then every site's `all` item and the year items its period needs, one BatchGetItem
 * per item kind (each holds up to 100 sites), side by side: the same round trips however much
 * the sites hold.
 *
 * Only aggregates leave here. Figures about individuals pass through disclosure.ts.
 */

type Totals = Map<string, number>;

interface SiteFigures {
  siteId: string;
  name: string;
  area: string;
  lastRecordedAt: string | null;
  /** Over all time, and as things stand now. */
  all: Totals;
  /** Flows summed over the period's months. */
  inPeriod: Totals;
  /** Flows month by month, in the period's order. */
  months: Totals[];
}

export interface SiteRow {
  siteId: string;
  name: string;
  area: string;
  cells: Record<string, Cell>;
}

export interface CharacteristicRow {
  number: number;
  label: string;
  /** The share of the top score panels gave, per site, in the order of `sites`. */
  bySite: Cell[];
  programme: Cell;
}

export interface MonthlySeries {
  siteId: string;
  name: string;
  /** One count per month of the period. */
  approvals: number[];
  decisions: number[];
  interest: number[];
}

export interface Dashboard {
  period: Period;
  periodLabel: string;
  months: string[];
  generatedAt: string;
  /** How many sites there are in all, and how many have recorded nothing for 30 days. */
  siteCount: number;
  staleSites: number;
  sites: SiteRow[];
  /** The programme: averages per site over every site, whichever are shown. */
  programme: { cells: Record<string, Cell> };
  pipeline: { siteId: string; name: string; counts: Record<PipelineStanding, number> }[];
  monthly: MonthlySeries[];
  programmeMonthly: Omit<MonthlySeries, "siteId" | "name">;
  characteristics: CharacteristicRow[];
}

const periodSchema = z.enum(periods, { error: "Choose this quarter, the last 12 months or all time." });

export const dashboardInput = z.strictObject({
  period: periodSchema.default("year"),
  /** Sites to show; every site when left out. */
  siteIds: z.array(siteIdSchema).max(100, "Choose at most 100 sites.").optional(),
});

/** National staff: every site (or those chosen) beside the programme's averages. */
export const forNational = verb(dashboardInput, async ({ period, siteIds }) => {
  const dashboard = await build(period);
  if (!siteIds?.length) return dashboard;
  const chosen = new Set(siteIds);
  return narrow(dashboard, (siteId) => chosen.has(siteId));
});

/**
 * A site's lead: their own site beside the programme's averages, which are worked out over every
 * site but name none of them.
 */
export const forSite = verb(
  z.strictObject({ siteId: siteIdSchema, period: periodSchema.default("year") }),
  async ({ siteId, period }) => {
    const dashboard = await build(period);
    if (!dashboard.sites.some((site) => site.siteId === siteId)) throw new NotFoundError("That site is not open.");
    return narrow(dashboard, (id) => id === siteId);
  },
);

/** The dashboard with only some sites' rows; the programme's figures stay those of every site. */
function narrow(dashboard: Dashboard, keep: (siteId: string) => boolean): Dashboard {
  const indexes = dashboard.sites.flatMap((site, index) => (keep(site.siteId) ? [index] : []));
  return {
    ...dashboard,
    sites: dashboard.sites.filter((site) => keep(site.siteId)),
    pipeline: dashboard.pipeline.filter((site) => keep(site.siteId)),
    monthly: dashboard.monthly.filter((site) => keep(site.siteId)),
    characteristics: dashboard.characteristics.map((row) => ({
      ...row,
      bySite: indexes.map((index) => row.bySite[index] as Cell),
    })),
  };
}

async function build(period: Period): Promise<Dashboard> {
  const at = now();
  const thisMonth = today(at).slice(0, 7);
  const { data: registry } = await db.entities.site.query
    .registry({})
    .go({ pages: "all", attributes: ["siteId", "name", "area", "createdAt"] });
  const sites = [...registry].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  const firstMonth = [thisMonth, ...sites.map((site) => site.createdAt.slice(0, 7))].sort()[0] as string;
  const months = monthsOf(period, thisMonth, firstMonth);
  // The last 12 months always read this year's and last year's items, even in December when
  // they are all this year's: the same round trips in every month.
  const years = [
    ...new Set([
      ...(period === "year" ? [String(Number(thisMonth.slice(0, 4)) - 1)] : []),
      ...months.map((month) => month.slice(0, 4)),
    ]),
  ];
  const figures = await readFigures(
    sites.map((site) => site.siteId),
    months,
    years,
  );
  const all = sites.map((site): SiteFigures => {
    const read = figures.get(site.siteId) as { all: Totals; lastRecordedAt: string | null; months: Totals[] };
    const inPeriod: Totals =
      period === "all" ? new Map(flowFigures.map((figure) => [figure, read.all.get(figure) ?? 0])) : sumOf(read.months);
    return { siteId: site.siteId, name: site.name, area: site.area, ...read, inPeriod };
  });
  const staleBefore = at.getTime() - staleAfterDays * dayMs;
  const programme = programmeFigures(all);
  return {
    period,
    periodLabel: periodLabels[period],
    months,
    generatedAt: at.toISOString(),
    siteCount: all.length,
    staleSites: all.filter((site) => !site.lastRecordedAt || Date.parse(site.lastRecordedAt) < staleBefore).length,
    sites: all.map((site) => ({
      siteId: site.siteId,
      name: site.name,
      area: site.area,
      cells: cellsOf(site, 1, staleBefore),
    })),
    programme: { cells: cellsOf(programme, all.length, staleBefore) },
    pipeline: all.map((site) => ({
      siteId: site.siteId,
      name: site.name,
      counts: Object.fromEntries(
        pipelineStandings.map((standing) => [standing, site.all.get(`standing:${standing}`) ?? 0]),
      ) as Record<PipelineStanding, number>,
    })),
    monthly: all.map((site) => ({ siteId: site.siteId, name: site.name, ...seriesOf(site.months) })),
    programmeMonthly: seriesOf(programme.months),
    characteristics: characteristicNumbers.map((number) => ({
      number,
      label: characteristics[number - 1] as string,
      bySite: all.map((site) => panelShare(site.all, number)),
      programme: panelShare(programme.all, number),
    })),
  };
}

/**
 * Every site's `all` item and the year items the months need: one BatchGetItem per item kind,
 * side by side, each naming every site (DynamoDB takes 100 keys in one).
 */
async function readFigures(siteIds: string[], months: string[], years: string[]) {
  const kinds = ["all", ...years];
  const items = await Promise.all(kinds.map((period) => batchGet(siteIds.map((siteId) => figuresKey(siteId, period)))));
  const byKey = new Map<string, Record<string, unknown>>();
  for (const item of items.flat()) byKey.set(`${item.siteId} ${item.period}`, item);
  return new Map(
    siteIds.map((siteId) => {
      const allItem = byKey.get(`${siteId} all`) ?? {};
      const all: Totals = new Map();
      for (const [field, value] of Object.entries(allItem)) if (typeof value === "number") all.set(field, value);
      return [
        siteId,
        {
          all: byFigure(all),
          lastRecordedAt: typeof allItem.lastRecordedAt === "string" ? allItem.lastRecordedAt : null,
          months: months.map((month) => {
            const item = byKey.get(`${siteId} ${month.slice(0, 4)}`) ?? {};
            return new Map(
              flowFigures.map((figure) => {
                const value = item[figureField(figure, month.slice(5, 7))];
                return [figure, typeof value === "number" ? value : 0];
              }),
            );
          }),
        },
      ];
    }),
  );
}

/** Item attributes back to figure names. */
function byFigure(fields: Totals): Totals {
  const named: Totals = new Map();
  for (const figure of allTimeFigures) {
    const value = fields.get(figureField(figure));
    if (value !== undefined) named.set(figure, value);
  }
  return named;
}

/** Gets items by key in batches of 100, side by side, asking again for any DynamoDB held back. */
async function batchGet(keys: { siteId: string; period: string }[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 5) throw new Error("DynamoDB held back part of the figures five times over. Try again shortly.");
    const { data, unprocessed } = await db.entities.siteFigures.get(pending).go({ concurrency: 10 });
    found.push(...(data as Record<string, unknown>[]));
    pending = unprocessed as { siteId: string; period: string }[];
  }
  return found;
}

function sumOf(months: Totals[]): Totals {
  const sum: Totals = new Map();
  for (const month of months) for (const [figure, value] of month) sum.set(figure, (sum.get(figure) ?? 0) + value);
  return sum;
}

/** The programme as one site: every site's figures added up (cellsOf averages the counts). */
function programmeFigures(sites: SiteFigures[]): SiteFigures {
  return {
    siteId: "programme",
    name: "Programme",
    area: "",
    lastRecordedAt: null,
    all: sumOf(sites.map((site) => site.all)),
    inPeriod: sumOf(sites.map((site) => site.inPeriod)),
    months: (sites[0]?.months ?? []).map((_, index) => sumOf(sites.map((site) => site.months[index] as Totals))),
  };
}

/**
 * A site's cells, or the programme's when `sites` is how many sites it adds up: counts become
 * averages per site, while medians and shares are of everything pooled.
 */
function cellsOf(site: SiteFigures, sites: number, staleBefore: number): Record<string, Cell> {
  const per = (value: number): Cell => ({ kind: "number", value: sites > 0 ? value / sites : 0 });
  const now = (figure: string) => per(site.all.get(figure) ?? 0);
  const inPeriod = (figure: string) => site.inPeriod.get(figure) ?? 0;
  const decisions = decisionOutcomes.reduce((sum, outcome) => sum + inPeriod(`decision:${outcome}`), 0);
  const attended = inPeriod("cohort:attended");
  const places = attended + inPeriod("cohort:missed");
  const cells: Record<string, Cell> = {
    ...Object.fromEntries(pipelineStandings.map((standing) => [`standing:${standing}`, now(`standing:${standing}`)])),
    interestRegistered: per(inPeriod("interest")),
    decisions: per(decisions),
    approvals: per(inPeriod("decision:approved") + inPeriod("decision:walking-through")),
    decideDays: medianOfDays(dayBucketNames.map((bucket) => inPeriod(`decideDays:${bucket}`))),
    cohortMembers: now("cohort:members"),
    sessionsHeld: per(inPeriod("cohort:sessionsHeld")),
    attendance: places > 0 ? { kind: "share", value: attended / places, outOf: places } : { kind: "none" },
    activePairs: now("mentoring:active"),
    needsCheckIn: now("mentoring:needsCheckIn"),
    meetings: per(inPeriod("mentoring:meetings")),
    expertHours: per(inPeriod("expert:minutes") / 60),
    lastRecorded: site.lastRecordedAt
      ? { kind: "date", value: site.lastRecordedAt, stale: Date.parse(site.lastRecordedAt) < staleBefore }
      : { kind: "none" },
  };
  // Figures about individuals take this path and no other: counted like the rest (the
  // programme's as an average per site, to the nearest person), then protected as one row.
  const individuals = comparisonColumns.filter((column) => column.about === "individuals");
  const protectedCells = protectRow(
    individuals.map((column) => Math.round((site.inPeriod.get(column.id) ?? site.all.get(column.id) ?? 0) / sites)),
  );
  for (const [index, column] of individuals.entries()) cells[column.id] = protectedCells[index] as Cell;
  return cells;
}

function seriesOf(months: Totals[]) {
  const of = (read: (month: Totals) => number) => months.map(read);
  return {
    approvals: of((month) => (month.get("decision:approved") ?? 0) + (month.get("decision:walking-through") ?? 0)),
    decisions: of((month) =>
      decisionOutcomes.reduce((sum, outcome) => sum + (month.get(`decision:${outcome}`) ?? 0), 0),
    ),
    interest: of((month) => month.get("interest") ?? 0),
  };
}

/** Points panels gave on criteria linked to a characteristic, as a share of the most they could. */
function panelShare(all: Totals, number: number): Cell {
  const outOf = all.get(`panel:${number}:outOf`) ?? 0;
  const scores = all.get(`panel:${number}:scores`) ?? 0;
  if (outOf === 0) return { kind: "none" };
  return { kind: "share", value: (all.get(`panel:${number}:points`) ?? 0) / outOf, outOf: scores };
}

export const exportTables = ["sites", "characteristics", "monthly"] as const;
export type ExportTable = (typeof exportTables)[number];

/** One of the dashboard's tables as CSV, its figures as the page shows them (protected ones too). */
export function csvOf(dashboard: Dashboard, table: ExportTable): string {
  const programme = "Programme average per site";
  if (table === "sites") {
    return toCsv([
      ["Site", ...comparisonColumns.map((column) => column.label)],
      ...dashboard.sites.map((site) => [
        site.name,
        ...comparisonColumns.map((column) => cellText(site.cells[column.id] ?? none)),
      ]),
      [programme, ...comparisonColumns.map((column) => cellText(dashboard.programme.cells[column.id] ?? none))],
    ]);
  }
  if (table === "characteristics") {
    return toCsv([
      ["Characteristic", ...dashboard.sites.map((site) => site.name), "Programme"],
      ...dashboard.characteristics.map((row) => [
        `${row.number}. ${row.label}`,
        ...row.bySite.map(cellText),
        cellText(row.programme),
      ]),
    ]);
  }
  return toCsv([
    ["Site", "Figure", ...dashboard.months],
    ...dashboard.monthly.flatMap((site) => [
      [site.name, "Approvals", ...site.approvals.map(String)],
      [site.name, "Decisions", ...site.decisions.map(String)],
      [site.name, "Registered interest", ...site.interest.map(String)],
    ]),
    ["Programme", "Approvals", ...dashboard.programmeMonthly.approvals.map(String)],
    ["Programme", "Decisions", ...dashboard.programmeMonthly.decisions.map(String)],
    ["Programme", "Registered interest", ...dashboard.programmeMonthly.interest.map(String)],
  ]);
}

const none: Cell = { kind: "none" };

/** The file name of an export: the table, the period and the day, e.g. "sites-last-12-months-2026-12-04.csv". */
export function exportFileName(table: ExportTable, period: Period, day: string = today()): string {
  const periodName = periodLabels[period].toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return `small-supports-${table}-${periodName}-${day}.csv`;
}

const exportInput = { table: z.enum(exportTables, { error: "Choose a table to export." }) };

/** National staff export one table as CSV; the export is audited in the national partition. */
export const exportForNational = verb(dashboardInput.extend(exportInput), async ({ table, period, siteIds }) => {
  const dashboard = await forNational({ period, siteIds });
  await recordExport(NATIONAL_SCOPE, table, period, dashboard.sites.length);
  return { fileName: exportFileName(table, period), csv: csvOf(dashboard, table) };
});

/** A site's lead exports one table of their site beside the programme; audited in their site. */
export const exportForSite = verb(
  z.strictObject({ siteId: siteIdSchema, period: periodSchema.default("year"), ...exportInput }),
  async ({ siteId, period, table }) => {
    const dashboard = await forSite({ siteId, period });
    await recordExport(siteId, table, period, 1);
    return { fileName: exportFileName(table, period), csv: csvOf(dashboard, table) };
  },
);

async function recordExport(scope: string, table: ExportTable, period: Period, sites: number) {
  await change("analytics.export", async () => {
    useChange().audit({
      siteId: scope,
      action: "analytics.exported",
      recordType: "analytics",
      recordId: table,
      after: { table, period, sites },
    });
  });
}
