import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnv } from "@smallsupports/api/env";
import type { LogSink } from "@smallsupports/api/log";
import { startServer } from "@smallsupports/api/server";
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
 * The whole platform on one machine: DynamoDB Local, the table, demo data on first start, and
 * one server for the API and the web app. `dataDir` keeps data between starts; leave it out for
 * an in-memory database (tests). Resolves as soon as the server listens: await `ready` before use.
 */
export async function startLocalPlatform(options: {
  port: number;
  dataDir?: string;
  hostname?: string;
  log?: LogSink;
}): Promise<LocalPlatform> {
  const dynamo = await startDynamoLocal({ dataDir: options.dataDir });
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
  const stop = async () => {
    stopping = true;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dynamo.stop();
  };

  let state: DemoDataState;
  try {
    state = await demoDataState();
  } catch (error) {
    await stop();
    throw error;
  }
  isReady = state === "complete";
  const ready =
    state === "complete"
      ? Promise.resolve()
      : writeDemoData(state).then(
          () => {
            isReady = true;
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
