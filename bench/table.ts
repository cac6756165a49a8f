import type { DashboardFigures } from "./dashboard";

/** Plain text tables for the benchmark's figures, as BENCHMARKS.md shows them. */

type Row = (string | number)[];

function table(title: string, header: string[], rows: Row[]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ");
  return [title, line(header), widths.map((width) => "-".repeat(width)).join("  "), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

const ms = (value: number) => value.toFixed(2);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export interface PrintableResults {
  commit: string;
  machine: { cpus: number; cpu: string; node: string };
  world: { sites: number; people: number; seconds: number };
  /** The reads under load, cold starts and the web app: left out when only the dashboard ran. */
  load?: { connections: number; requestsPerRun: number; rounds: number; alone: number };
  api?: {
    procedure: string;
    roundTrips: number;
    sequentialRoundTrips: number;
    requestsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    errors: number;
    rawP50Ms: number;
    overFloor: number;
    aloneP50Ms: number;
    rawAloneP50Ms: number;
    aloneOverFloor: number;
  }[];
  coldStart?: {
    sdk: string;
    bundleBytes: number;
    medianMs: number;
    medianImportMs: number;
    medianFirstRequestMs: number;
  }[];
  web?: {
    initialJs: { route: string; rawBytes: number; brotliBytes: number }[];
    lighthouse: { page: string; performance: number; accessibility: number }[];
  };
  dashboard: DashboardFigures;
}

export function printTable(results: PrintableResults): void {
  const sections = [
    `Commit ${results.commit}; ${results.machine.cpus} × ${results.machine.cpu}; Node ${results.machine.node}; ` +
      `${results.world.sites} sites, ${results.world.people} people (seeded in ${results.world.seconds} s).`,
    ...readSections(results),
    ...dashboardSections(results.dashboard),
  ];
  process.stdout.write(`\n${sections.join("\n\n")}\n`);
}

function readSections({ load, api, coldStart, web }: PrintableResults): string[] {
  if (!load || !api || !coldStart || !web) return [];
  return [
    table(
      `API under load: ${load.connections} connections, ${load.requestsPerRun} requests a run, median of ${load.rounds} rounds`,
      ["procedure", "round trips", "in sequence", "req/s", "p50 ms", "p99 ms", "errors", "raw p50 ms", "api / raw"],
      api.map((row) => [
        row.procedure,
        row.roundTrips,
        row.sequentialRoundTrips,
        row.requestsPerSecond.toFixed(0),
        ms(row.p50Ms),
        ms(row.p99Ms),
        row.errors,
        ms(row.rawP50Ms),
        row.overFloor.toFixed(2),
      ]),
    ),
    table(
      `The same reads one at a time (1 connection, ${load.alone} requests a run, median of ${load.rounds} rounds)`,
      ["procedure", "p50 ms", "raw p50 ms", "api / raw", "added ms"],
      api.map((row) => [
        row.procedure,
        ms(row.aloneP50Ms),
        ms(row.rawAloneP50Ms),
        row.aloneOverFloor.toFixed(2),
        ms(row.aloneP50Ms - row.rawAloneP50Ms),
      ]),
    ),
    table(
      "Cold start: a fresh Node process imports the handler and answers a first signed-in read (median)",
      ["AWS SDK", "bundle KB", "total ms", "import ms", "first request ms"],
      coldStart.map((row) => [
        row.sdk,
        kb(row.bundleBytes),
        ms(row.medianMs),
        ms(row.medianImportMs),
        ms(row.medianFirstRequestMs),
      ]),
    ),
    table(
      "Web: initial JavaScript per route",
      ["route", "KB", "KB brotli"],
      web.initialJs.map((row) => [row.route, kb(row.rawBytes), kb(row.brotliBytes)]),
    ),
    table(
      "Web: Lighthouse",
      ["page", "performance", "accessibility"],
      web.lighthouse.map((row) => [row.page, row.performance, row.accessibility]),
    ),
  ];
}

function dashboardSections(dashboard: DashboardFigures): string[] {
  const ratios = Object.entries(dashboard.medianRatio)
    .map(([procedure, ratio]) => `${procedure} ${ratio.toFixed(2)}`)
    .join(", ");
  return [
    table(
      `National dashboard: ${dashboard.calls} calls of each, one at a time in-process, sign-in included (period: last 12 months)`,
      [
        "data",
        "procedure",
        "sites",
        "records",
        "organisations",
        "median ms",
        "p95 ms",
        "round trips",
        "in sequence",
        "same every call",
      ],
      dashboard.rows.map((row) => [
        row.scale,
        row.procedure,
        row.sites,
        row.records,
        row.organisations,
        ms(row.medianMs),
        ms(row.p95Ms),
        row.roundTrips,
        row.sequentialRoundTrips,
        row.sameEveryCall ? "yes" : "no",
      ]),
    ),
    `Median 10x / 1x (target at most 1.2): ${ratios}. Round trips identical at every size: ` +
      `${dashboard.roundTripsIdentical ? "yes" : "no"}. Growing to 10x took ${dashboard.growthSeconds.toFixed(0)} s, ` +
      `adding sites to 100 ${dashboard.moreSitesSeconds.toFixed(0)} s.`,
  ];
}
