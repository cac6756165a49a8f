import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createApp } from "@smallsupports/api/app";
import { loadEnv } from "@smallsupports/api/env";
import type { LogLine } from "@smallsupports/api/log";
import { createTable, dynamo } from "@smallsupports/core/dynamo";
import { startDynamoLocal } from "@smallsupports/local/dynamo-local";
import { type ColdStartFigures, measureColdStart } from "./cold-start";
import { measureDashboard } from "./dashboard";
import { connections, type LoadFigures, loadProcedure, loadRaw, type RecordedCall } from "./load";
import { printTable } from "./table";
import { measureWeb } from "./web";
import { benchSites, seedBenchWorld } from "./world";

/**
 * `pnpm bench`: how fast the platform is, on a large world, in one run on this machine. Seeds 31
 * sites through the services, then measures the reads people make most under load against the
 * floor of the same DynamoDB requests made raw, the handler's cold start both ways of shipping the
 * AWS SDK, and the web app's size and Lighthouse scores; last, the national dashboard at the
 * seeded size and at ten times the records (bench/dashboard.ts), which grows the world, so it
 * comes after everything else. Prints tables and writes bench/results.json with the git commit.
 * Not part of CI: figures, not pass or fail.
 *
 * Shorter runs: BENCH_REQUESTS, BENCH_ALONE_REQUESTS, BENCH_ROUNDS and BENCH_COLD_RUNS set the
 * amounts; BENCH_SITES seeds fewer sites than 31 (see world.ts); BENCH_SKIP_WEB=1 leaves out
 * Lighthouse; BENCH_ONLY=dashboard measures only the dashboard (seed, 1x, grow, 10x, 100 sites)
 * and puts its figures into the results.json already there, keeping the rest;
 * BENCH_DASHBOARD_CALLS (default 200) is how many calls of each dashboard procedure each size gets.
 */

const requestsPerRun = Number(process.env.BENCH_REQUESTS ?? 2000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const coldStartRuns = Number(process.env.BENCH_COLD_RUNS ?? 10);
/** For a quicker run while working on the API: BENCH_SKIP_WEB=1 leaves out Lighthouse. */
const skipWeb = process.env.BENCH_SKIP_WEB === "1";
const dashboardOnly = process.env.BENCH_ONLY === "dashboard";
const dashboardCalls = Number(process.env.BENCH_DASHBOARD_CALLS ?? 200);
const benchDir = fileURLToPath(new URL(".", import.meta.url));

const secrets = {
  DEV_TOKEN_SECRET: "bench-dev-token-secret-bench-dev-token-secret",
  CURSOR_SECRET: "bench-cursor-secret-bench-cursor-secret-0001",
};

function gitCommit(): string {
  const sha = execFileSync("git", ["rev-parse", "HEAD"], { cwd: benchDir, encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: benchDir, encoding: "utf8" }).trim();
  return dirty ? `${sha} (with uncommitted changes)` : sha;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

interface Procedure {
  name: string;
  /** What a person is doing when the web app asks for it. */
  purpose: string;
  input: unknown;
  token: string;
}

const dynamoLocal = await startDynamoLocal({});
let server: ChildProcess | undefined;
try {
  const env = {
    APP_MODE: "local",
    TABLE_NAME: "bench",
    AWS_REGION: "eu-west-2",
    DYNAMO_ENDPOINT: dynamoLocal.endpoint,
    APP_URL: "http://localhost:3000",
    ...secrets,
  };
  const lines: LogLine[] = [];
  const app = createApp(loadEnv(env), { log: (line) => lines.push(line) });
  await createTable();

  log(`Seeding ${benchSites().length} sites through the services…`);
  const world = await seedBenchWorld();
  log(`Seeded ${world.sites} sites and ${world.people} people in ${world.seconds.toFixed(0)} s.`);

  // Callers and inputs from the seeded world, found the way the web app finds them.
  const json = async (path: string, init?: RequestInit) => (await (await app.request(path, init)).json()) as never;
  const { people } = (await json("/api/dev/people")) as {
    people: { id: string; role: string; memberships: { siteId: string; role: string }[] }[];
  };
  const [site] = benchSites();
  if (!site) throw new Error("The bench world has no sites.");
  const lead = people.find((p) => p.memberships.some((m) => m.siteId === site.siteId && m.role === "lead"));
  if (!lead) throw new Error("The first bench site has no lead.");
  const tokenOf = async (personId: string) =>
    (
      (await json("/api/dev/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ personId }),
      })) as { token: string }
    ).token;
  const leadToken = await tokenOf(lead.id);

  // The reads under load, cold starts and the web app; the dashboard's figures follow.
  const measureReads = async () => {
    const query = async (path: string, input: unknown, token: string) => {
      const url =
        input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
      const body = (await json(url, { headers: { authorization: `Bearer ${token}` } })) as {
        result?: { data: unknown };
        error?: { message: string };
      };
      if (!body.result) throw new Error(`${path} answered: ${body.error?.message}`);
      return body.result.data as never;
    };
    const summary = (await query("application.boardSummary", { siteId: site.siteId }, leadToken)) as {
      columns: { column: string; count: number }[];
    };
    const busiest = [...summary.columns].sort((a, b) => b.count - a.count)[0];
    if (!busiest) throw new Error("The first bench site's board has no columns.");
    const board = (await query("application.board", { siteId: site.siteId, column: busiest.column }, leadToken)) as {
      items: { siteId: string; organisationId: string; applicationId: string }[];
    };
    const [application] = board.items;
    if (!application) throw new Error("The busiest column of the board is empty.");
    const siteInput = { siteId: site.siteId };
    const procedures: Procedure[] = [
      { name: "me.get", purpose: "my sites", input: undefined, token: leadToken },
      { name: "me.inbox", purpose: "what needs me", input: undefined, token: leadToken },
      { name: "site.get", purpose: "a site's summary", input: siteInput, token: leadToken },
      { name: "member.list", purpose: "a site's members", input: siteInput, token: leadToken },
      { name: "application.boardSummary", purpose: "the board's columns", input: siteInput, token: leadToken },
      {
        name: "application.board",
        purpose: "a column of the board",
        input: { siteId: site.siteId, column: busiest.column },
        token: leadToken,
      },
      {
        name: "application.get",
        purpose: "an application",
        input: {
          siteId: application.siteId,
          organisationId: application.organisationId,
          applicationId: application.applicationId,
        },
        token: leadToken,
      },
    ];

    // Each procedure's DynamoDB requests, recorded as the API sends them, to be sent again raw.
    const recording: { calls?: RecordedCall[] } = {};
    dynamo().client.middlewareStack.add(
      (next, context) => async (args) => {
        recording.calls?.push({ command: context.commandName ?? "", input: structuredClone(args.input) });
        return next(args);
      },
      // At the serialize step ElectroDB's document client has already turned values into
      // DynamoDB's attribute values, so the input is what went over the wire.
      { step: "serialize", name: "benchRecorder" },
    );
    const recorded = new Map<string, { calls: RecordedCall[]; total: number; sequential: number }>();
    for (const procedure of procedures) {
      await query(procedure.name, procedure.input, procedure.token); // fills the instance's caches first
      recording.calls = [];
      await query(procedure.name, procedure.input, procedure.token);
      const line = lines.findLast((entry) => entry.procedure === procedure.name);
      recorded.set(procedure.name, {
        calls: recording.calls,
        total: line?.dynamoRoundTrips ?? 0,
        sequential: line?.dynamoSequential ?? 0,
      });
      recording.calls = undefined;
    }

    log("Starting the server in its own process…");
    const { child, url } = await startServer({ ...env, PORT: "0" });
    server = child;
    const raw = new DynamoDBClient({
      region: "eu-west-2",
      endpoint: dynamoLocal.endpoint,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const target = (procedure: Procedure) =>
      `${url}/trpc/${procedure.name}${procedure.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(procedure.input))}`}`;

    log(`Warming up, then ${rounds} rounds of ${requestsPerRun} requests per procedure at ${connections} connections…`);
    for (const procedure of procedures) {
      await loadProcedure(target(procedure), procedure.token, 500);
      await loadRaw(raw, recorded.get(procedure.name)?.calls ?? [], 500);
    }
    // One connection as well: with nothing queued, what the platform adds to each request shows
    // on its own; at 50, DynamoDB Local on a small machine is the queue both sides wait in.
    const alone = Number(process.env.BENCH_ALONE_REQUESTS ?? 300);
    const samples = new Map<
      string,
      { api: LoadFigures; raw: LoadFigures; apiAlone: LoadFigures; rawAlone: LoadFigures }[]
    >();
    for (let round = 1; round <= rounds; round++) {
      for (const procedure of procedures) {
        const api = await loadProcedure(target(procedure), procedure.token, requestsPerRun);
        const floor = await loadRaw(raw, recorded.get(procedure.name)?.calls ?? [], requestsPerRun);
        const apiAlone = await loadProcedure(target(procedure), procedure.token, alone, 1);
        const rawAlone = await loadRaw(raw, recorded.get(procedure.name)?.calls ?? [], alone, 1);
        samples.set(procedure.name, [...(samples.get(procedure.name) ?? []), { api, raw: floor, apiAlone, rawAlone }]);
      }
      log(`  round ${round} of ${rounds} done`);
    }
    const api = procedures.map((procedure) => {
      const runs = samples.get(procedure.name) ?? [];
      const trips = recorded.get(procedure.name);
      return {
        procedure: procedure.name,
        purpose: procedure.purpose,
        roundTrips: trips?.total ?? 0,
        sequentialRoundTrips: trips?.sequential ?? 0,
        requestsPerSecond: median(runs.map((run) => run.api.requestsPerSecond)),
        p50Ms: median(runs.map((run) => run.api.p50Ms)),
        p99Ms: median(runs.map((run) => run.api.p99Ms)),
        errors: runs.reduce((total, run) => total + run.api.errors + run.raw.errors, 0),
        rawP50Ms: median(runs.map((run) => run.raw.p50Ms)),
        // The ratio of each round's medians, then the median of those: the rounds are interleaved
        // so a busy moment on the machine weighs on both sides of a ratio alike.
        overFloor: median(runs.map((run) => run.api.p50Ms / run.raw.p50Ms)),
        aloneP50Ms: median(runs.map((run) => run.apiAlone.p50Ms)),
        rawAloneP50Ms: median(runs.map((run) => run.rawAlone.p50Ms)),
        aloneOverFloor: median(runs.map((run) => run.apiAlone.p50Ms / run.rawAlone.p50Ms)),
      };
    });
    raw.destroy();

    log(`Cold starts, ${coldStartRuns} fresh processes each way…`);
    const member = procedures.find((procedure) => procedure.name === "member.list") as Procedure;
    const coldPath = `/trpc/member.list?input=${encodeURIComponent(JSON.stringify(member.input))}`;
    const coldStart: ColdStartFigures[] = [];
    for (const sdk of ["bundled", "runtime"] as const) {
      coldStart.push(await measureColdStart({ sdk, runs: coldStartRuns, env, path: coldPath, token: leadToken }));
    }

    log("The web app: initial JavaScript and Lighthouse…");
    const web = skipWeb
      ? { initialJs: [], lighthouse: [] }
      : await measureWeb({ baseUrl: url, signInAs: { personId: lead.id }, sitePath: `/sites/${site.siteId}` });

    // Idle from here on, and the dashboard's figures are taken in this process.
    server?.kill();
    server = undefined;
    return {
      load: { connections, requestsPerRun, rounds, alone },
      api,
      coldStart: coldStart.map(({ byPackage: _, ...figures }) => figures),
      web,
    };
  };
  const reads = dashboardOnly ? undefined : await measureReads();

  log(`The national dashboard at the seeded size, at ten times the records and with 100 sites…`);
  const dashboard = await measureDashboard({
    request: (path, init) => app.request(path, init),
    lines,
    people,
    tokenOf,
    calls: dashboardCalls,
    log,
  });

  const commit = gitCommit();
  const measuredAt = new Date().toISOString();
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  const resultsFile = new URL("./results.json", import.meta.url);
  // Alone, the dashboard's figures replace only their own part of the last full run's results.
  const earlier = dashboardOnly && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
  const results = {
    ...earlier,
    ...(reads
      ? { commit, measuredAt, machine, world: { ...world, seconds: Math.round(world.seconds) }, ...reads }
      : {}),
    dashboard: { commit, measuredAt, machine, ...dashboard },
  };
  printTable({ commit, machine, world: { ...world, seconds: Math.round(world.seconds) }, ...reads, dashboard });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  log("Wrote bench/results.json.");
} finally {
  server?.kill();
  await dynamoLocal.stop();
}

/** The server in a process of its own; resolves with its address once it listens. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : []),
      "--import",
      "tsx",
      "server.ts",
    ],
    {
      cwd: benchDir,
      env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening (\S+)/.exec(output);
      if (listening?.[1]) resolve({ child, url: listening[1] });
    });
    child.once("exit", (code) => reject(new Error(`The bench server stopped before listening (exit ${code}).`)));
  });
}
