import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnv } from "@smallsupports/api/env";
import type { LogSink } from "@smallsupports/api/log";
import { startServer } from "@smallsupports/api/server";
import { createTable } from "@smallsupports/core/dynamo";
import { type RunningDynamo, startDynamoLocal } from "./dynamo-local";
import { seed } from "./seed";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const webDist = join(repoRoot, "apps/web/dist");

export interface LocalPlatform {
  url: string;
  dynamoEndpoint: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * The whole platform on one machine: DynamoDB Local, the table, demo data on first start, and
 * one server for the API and the web app. `dataDir` keeps data between starts; leave it out for
 * an in-memory database (tests).
 */
export async function startLocalPlatform(options: {
  port: number;
  dataDir?: string;
  hostname?: string;
  log?: LogSink;
}): Promise<LocalPlatform> {
  const dynamo: RunningDynamo = await startDynamoLocal({ dataDir: options.dataDir });
  try {
    const config = loadEnv({
      APP_MODE: "local",
      TABLE_NAME: "smallsupports",
      AWS_REGION: "eu-west-2",
      DYNAMO_ENDPOINT: dynamo.endpoint,
    });
    const { server, url } = await startServer(config, {
      port: options.port,
      hostname: options.hostname,
      webDist,
      log: options.log,
    });
    const seeded = (await createTable()) === "created";
    if (seeded) await seed();
    return {
      url,
      dynamoEndpoint: dynamo.endpoint,
      seeded,
      stop: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
