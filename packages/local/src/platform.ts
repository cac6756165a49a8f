import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnv } from "@smallsupports/api/env";
import type { LogSink } from "@smallsupports/api/log";
import { startServer } from "@smallsupports/api/server";
import { CohortSession, Mentoring, Review } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { startDynamoLocal } from "./dynamo-local";
import { type DemoDataState, demoDataState, writeDemoData } from "./seed-state";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const webDist = join(repoRoot, "apps/web/dist");

export interface LocalPlatform {
  url: string;
  dynamoEndpoint: string;
  /**
   * What this start does with the demo data: writes it into a new table, keeps the complete data
   * it found, or rewrites data that an earlier start stopped writing part way.
   */
  demoData: "created" | "kept" | "rewritten";
  /**
   * Resolves once the demo data is complete, when /health turns from 503 "starting" to 200 "ok";
   * until then the server answers with half a demo. Rejects if the data could not be written, or
   * if stop() came first.
   */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * How often the server sends the reviewers' reminders that are due. In AWS a schedule runs the
 * sweep once a day (infra/api.ts); here the server may be started and stopped at any hour, so it
 * sweeps hourly, which sends nothing twice because each review records the reminders it was sent.
 */
export const reminderSweepMs = 60 * 60 * 1000;

/** Where a running platform notes the address of the DynamoDB Local that holds `dataDir`. */
export const runningEndpointFile = (dataDir: string) => join(dataDir, "running-endpoint");

/** Where `pnpm start` keeps its data unless DATA_DIR says otherwise. */
export const defaultDataDir = () => process.env.DATA_DIR ?? join(repoRoot, ".data/dynamodb");

/**
 * The whole platform on one machine: DynamoDB Local, the table, demo data on first start, the
 * daily reminders, and one server for the API and the web app. `dataDir` keeps data between starts; leave it out for
 * an in-memory database (tests). Resolves as soon as the server listens: await `ready` before use.
 */
export async function startLocalPlatform(options: {
  port: number;
  dataDir?: string;
  hostname?: string;
  log?: LogSink;
}): Promise<LocalPlatform> {
  const dynamo = await startDynamoLocal({ dataDir: options.dataDir });
  // A command run beside the server (pnpm reconcile) finds this DynamoDB Local here, instead of
  // starting a second one on the same files.
  const endpointFile = options.dataDir ? runningEndpointFile(options.dataDir) : undefined;
  if (endpointFile) writeFileSync(endpointFile, dynamo.endpoint);
  let isReady = false;
  let stopping = false;
  // Listening before the data is written lets a script find the platform at once and poll
  // /health, instead of finding nothing on the port for the seconds the demo data takes.
  let started: Awaited<ReturnType<typeof startServer>>;
  try {
    started = await startServer(
      loadEnv({
        APP_MODE: "local",
        TABLE_NAME: "smallsupports",
        AWS_REGION: "eu-west-2",
        DYNAMO_ENDPOINT: dynamo.endpoint,
        // Links in the emails on the local outbox page lead back here.
        APP_URL: `http://localhost:${options.port}`,
      }),
      { port: options.port, hostname: options.hostname, webDist, log: options.log, ready: () => isReady },
    );
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  const { server, url } = started;
  let reminders: NodeJS.Timeout | undefined;
  const stop = async () => {
    stopping = true;
    clearInterval(reminders);
    if (endpointFile) rmSync(endpointFile, { force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dynamo.stop();
  };
  // A failed sweep must never take the server down: the next one sends what this one did not.
  const sweep = () =>
    withActor(systemActor, async () => {
      await Review.remind();
      await CohortSession.remind();
      await Mentoring.countCheckIns();
    }).catch((error: unknown) => {
      if (stopping) return;
      const kind = error instanceof Error ? error.name : "Error";
      console.error(`The reminders could not be sent (${kind}); the server tries again within the hour.`);
    });
  const remindHourly = () => {
    if (stopping) return;
    void sweep();
    // Unref'd, so a pending sweep never keeps the process alive.
    reminders = setInterval(sweep, reminderSweepMs).unref();
  };

  let state: DemoDataState;
  try {
    state = await demoDataState();
  } catch (error) {
    await stop();
    throw error;
  }
  isReady = state === "complete";
  if (isReady) remindHourly();
  const ready =
    state === "complete"
      ? Promise.resolve()
      : writeDemoData(state).then(
          () => {
            isReady = true;
            remindHourly();
          },
          (error: unknown) => {
            if (!stopping) throw error;
            throw new Error("Stopped before the demo data was complete; the next start writes it again.", {
              cause: error,
            });
          },
        );
  return {
    url,
    dynamoEndpoint: dynamo.endpoint,
    demoData: state === "complete" ? "kept" : state === "missing" ? "created" : "rewritten",
    ready,
    stop: async () => {
      await stop();
      // A write under way gives up once DynamoDB Local has gone; whoever awaits `ready` hears why.
      await ready.catch(() => {});
    },
  };
}
