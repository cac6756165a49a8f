import { ScanCommand, type ScanCommandOutput } from "@aws-sdk/client-dynamodb";
import type { LogLine } from "@smallsupports/api/log";
import type { Actor } from "@smallsupports/core/actor";
import { dynamo } from "@smallsupports/core/dynamo";
import { addSiteWithLead, publishAndOpen, signUpAndRegister } from "@smallsupports/core/seeding";
import { seedName } from "@smallsupports/local/seed-data";
import { type BenchSiteCast, benchSites, growBenchWorld, growthPerRound } from "./world";

/**
 * The national dashboard against the amount of data: national staff's `analytics.national` and a
 * site lead's `analytics.site`, called one after another in-process (`app.request`, sign-in
 * included) on the seeded world, then again once the same sites hold ten times the records
 * (grown through the services, so every figure is counted as in real use), then with the
 * registry filled to 100 sites. The figures items a request reads stay one per kind per site, so
 * the round trips must be identical at every size and the latency about the same.
 */

export interface BenchPerson {
  id: string;
  role: string;
  memberships: { siteId: string; role: string }[];
}

export interface DashboardBench {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
  /** The API's log lines, where each request's round trips are counted. */
  lines: LogLine[];
  people: BenchPerson[];
  tokenOf: (personId: string) => Promise<string>;
  /** Calls of each procedure at each size, after a warm-up. */
  calls: number;
  log: (message: string) => void;
}

export interface DashboardRow {
  scale: string;
  procedure: string;
  sites: number;
  /** Every item in the table: records, their audit events, emails and statistics. */
  records: number;
  organisations: number;
  medianMs: number;
  p95Ms: number;
  roundTrips: number;
  sequentialRoundTrips: number;
  /** Whether every call at this size made just these round trips. */
  sameEveryCall: boolean;
}

export interface DashboardFigures {
  calls: number;
  rows: DashboardRow[];
  /** Median at 10x over median at 1x, per procedure (target at most 1.2). */
  medianRatio: Record<string, number>;
  /** Round trips the same at 1x and 10x, and with 100 sites, per procedure. */
  roundTripsIdentical: boolean;
  growthSeconds: number;
  moreSitesSeconds: number;
}

const period = "year";

export async function measureDashboard(bench: DashboardBench): Promise<DashboardFigures> {
  const { people, log } = bench;
  const national = people.find((person) => person.role === "national");
  if (!national) throw new Error("The bench world has no national staff.");
  const cast = benchSites().map((site, siteIndex): BenchSiteCast => {
    const holder = (role: string) => {
      const person = people.find((p) => p.memberships.some((m) => m.siteId === site.siteId && m.role === role));
      if (!person) throw new Error(`${site.siteId} has no ${role}.`);
      return { personId: person.id, national: false };
    };
    return { siteId: site.siteId, siteIndex, lead: holder("lead"), expert: holder("expert") };
  });
  const [first] = cast;
  if (!first) throw new Error("The bench world has no sites.");
  const procedures = [
    {
      name: "analytics.national",
      input: { period },
      token: await bench.tokenOf(national.id),
    },
    {
      name: "analytics.site",
      input: { siteId: first.siteId, period },
      token: await bench.tokenOf(first.lead.personId),
    },
  ];

  const rows: DashboardRow[] = [];
  const measure = async (scale: string) => {
    const records = await countRecords();
    log(`  ${scale}: ${records.sites} sites, ${records.items} items; ${bench.calls} calls of each procedure…`);
    const timings = new Map(procedures.map((procedure) => [procedure.name, [] as number[]]));
    const trips = new Map(procedures.map((procedure) => [procedure.name, new Set<string>()]));
    for (let call = -20; call < bench.calls; call++) {
      // Interleaved, so a busy moment on the machine weighs on both alike.
      for (const procedure of procedures) {
        const url = `/trpc/${procedure.name}?input=${encodeURIComponent(JSON.stringify(procedure.input))}`;
        const started = performance.now();
        const response = await bench.request(url, { headers: { authorization: `Bearer ${procedure.token}` } });
        const body = await response.text();
        const ms = performance.now() - started;
        if (response.status !== 200) throw new Error(`${procedure.name} answered ${response.status}: ${body}`);
        // The first calls warm the instance's caches, as a warm Lambda's would be.
        if (call < 0) continue;
        const line = bench.lines.findLast((entry) => entry.procedure === procedure.name);
        timings.get(procedure.name)?.push(ms);
        trips.get(procedure.name)?.add(`${line?.dynamoRoundTrips ?? 0} ${line?.dynamoSequential ?? 0}`);
      }
    }
    for (const procedure of procedures) {
      const sorted = [...(timings.get(procedure.name) ?? [])].sort((a, b) => a - b);
      const seen = [...(trips.get(procedure.name) ?? [])];
      const [total, sequential] = (seen[0] ?? "0 0").split(" ").map(Number) as [number, number];
      rows.push({
        scale,
        procedure: procedure.name,
        sites: records.sites,
        records: records.items,
        organisations: records.organisations,
        medianMs: percentile(sorted, 0.5),
        p95Ms: percentile(sorted, 0.95),
        roundTrips: total,
        sequentialRoundTrips: sequential,
        sameEveryCall: seen.length === 1,
      });
    }
    return records;
  };

  const once = await measure("1x");
  // Ten times the records in the same sites: one round of growth first, to learn what a round
  // adds, then as many more as reach ten times what the seed left.
  log(`Growing the same ${cast.length} sites to ten times the records through the services…`);
  let growthStarted = performance.now();
  await growBenchWorld(cast, 0);
  const perRound = (await countRecords()).items - once.items;
  const rounds = Math.max(1, Math.ceil((9 * once.items) / perRound));
  for (let round = 1; round < rounds; round++) {
    await growBenchWorld(cast, round);
    if (round % 5 === 0) log(`  round ${round + 1} of ${rounds} (${growthPerRound} organisations a site each)`);
  }
  const growthSeconds = (performance.now() - growthStarted) / 1000;
  log(`Grown in ${growthSeconds.toFixed(0)} s.`);
  await measure("10x");

  log("Adding sites to the registry up to 100, each with a lead, a published process and an applicant…");
  growthStarted = performance.now();
  await addSitesUpTo(100, { personId: national.id, national: true }, cast.length);
  const moreSitesSeconds = (performance.now() - growthStarted) / 1000;
  await measure("10x, 100 sites");

  const of = (scale: string, name: string) => rows.find((row) => row.scale === scale && row.procedure === name);
  const medianRatio = Object.fromEntries(
    procedures.map((procedure) => [
      procedure.name,
      (of("10x", procedure.name)?.medianMs ?? Number.NaN) / (of("1x", procedure.name)?.medianMs ?? Number.NaN),
    ]),
  );
  const roundTripsIdentical = procedures.every((procedure) => {
    const measured = rows.filter((row) => row.procedure === procedure.name);
    return measured.every(
      (row) =>
        row.sameEveryCall &&
        row.roundTrips === measured[0]?.roundTrips &&
        row.sequentialRoundTrips === measured[0]?.sequentialRoundTrips,
    );
  });
  return { calls: bench.calls, rows, medianRatio, roundTripsIdentical, growthSeconds, moreSitesSeconds };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
}

/** Sites added by national staff until the registry holds `total`, ten side by side at a time. */
async function addSitesUpTo(total: number, national: Actor, existing: number) {
  const numbers = Array.from({ length: Math.max(0, total - existing) }, (_, index) => existing + index + 1);
  for (let start = 0; start < numbers.length; start += 10) {
    await Promise.all(
      numbers.slice(start, start + 10).map(async (n) => {
        const siteId = `bench-site-${n}`;
        const lead = await addSiteWithLead(
          national,
          { siteId, name: `Bench site ${n}`, area: `Bench area ${n}` },
          { name: seedName(60_000 + n), email: `lead@${siteId}.example.org` },
        );
        await publishAndOpen(lead, siteId);
        await signUpAndRegister(
          siteId,
          { name: seedName(61_000 + n), email: `applicant@${siteId}.example.org` },
          {
            legalName: `Bench ${n} Community Support CIC`,
            area: `Bench area ${n}`,
            foundedYear: 2020,
            peopleSupported: 4,
            cqcStatus: "registered",
            cqcRating: "good",
            difference: "We support a handful of people, each choosing who works with them.",
          },
        );
      }),
    );
  }
}

/** What the table holds, counted by a scan of the bench's own (never the API's). */
async function countRecords(): Promise<{ items: number; sites: number; organisations: number }> {
  const { client, tableName } = dynamo();
  const byEntity = new Map<string, number>();
  let items = 0;
  let start: ScanCommandOutput["LastEvaluatedKey"];
  do {
    const page: ScanCommandOutput = await client.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: "#entity",
        ExpressionAttributeNames: { "#entity": "__edb_e__" },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const entity = item.__edb_e__?.S ?? "";
      byEntity.set(entity, (byEntity.get(entity) ?? 0) + 1);
    }
    items += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, sites: byEntity.get("site") ?? 0, organisations: byEntity.get("organisation") ?? 0 };
}
