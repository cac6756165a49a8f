import { existsSync, readFileSync } from "node:fs";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { Reconcile } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { configureDynamo } from "@smallsupports/core/dynamo";
import { type RunningDynamo, startDynamoLocal } from "./dynamo-local";
import { defaultDataDir, runningEndpointFile } from "./platform";

/**
 * `pnpm reconcile`: counts every site's figures again from its records and puts right any that
 * drifted, saying which. `pnpm reconcile --check` only says, and exits 1 if any drifted.
 *
 * Against the local data in .data/ (DATA_DIR to point elsewhere): the running `pnpm start`'s
 * DynamoDB Local if there is one, otherwise one started for the run. With TABLE_NAME set, against
 * that table in AWS instead (AWS_REGION, eu-west-2 by default, and the usual AWS credentials);
 * it needs only Query, GetItem and TransactWriteItems on the table, never Scan.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const check = process.argv.includes("--check");

async function runningLocalEndpoint(dataDir: string): Promise<string | undefined> {
  const file = runningEndpointFile(dataDir);
  if (!existsSync(file)) return undefined;
  const endpoint = readFileSync(file, "utf8").trim();
  const client = new DynamoDBClient({
    endpoint,
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return endpoint;
  } catch {
    // Left behind by a server that did not stop cleanly.
    return undefined;
  } finally {
    client.destroy();
  }
}

let ownDynamo: RunningDynamo | undefined;
if (process.env.TABLE_NAME) {
  configureDynamo({ tableName: process.env.TABLE_NAME, region: process.env.AWS_REGION ?? "eu-west-2" });
  console.log(`Reconciling the figures in ${process.env.TABLE_NAME}…`);
} else {
  const dataDir = defaultDataDir();
  let endpoint = await runningLocalEndpoint(dataDir);
  if (!endpoint) {
    if (!existsSync(dataDir)) {
      console.error(`There is no local data in ${dataDir}: run pnpm start first.`);
      process.exit(1);
    }
    ownDynamo = await startDynamoLocal({ dataDir });
    endpoint = ownDynamo.endpoint;
  }
  configureDynamo({ tableName: "smallsupports", region: "eu-west-2", endpoint });
  console.log(`Reconciling the figures in ${dataDir}…`);
}

try {
  const started = Date.now();
  const results = await withActor(systemActor, () => Reconcile.reconcile({ fix: !check }));
  let drifted = 0;
  for (const { siteId, drift, fixed } of results) {
    if (drift.length === 0) continue;
    drifted += drift.length;
    console.log(
      `\n${siteId}: ${drift.length} ${drift.length === 1 ? "figure" : "figures"} ${fixed ? "put right" : "differ"}`,
    );
    for (const { item, figure, month, stored, expected } of drift) {
      console.log(`  ${figure}${month ? ` in ${month}` : item === "board" ? " (board)" : ""}: ${stored} → ${expected}`);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const sites = results.length;
  console.log(
    drifted === 0
      ? `\nEvery figure agrees with the records: ${sites} partitions in ${seconds} s.`
      : `\n${drifted} ${drifted === 1 ? "figure" : "figures"} ${check ? "differ from" : "put right from"} the records, across ${sites} partitions, in ${seconds} s.`,
  );
  process.exitCode = check && drifted > 0 ? 1 : 0;
} catch (error) {
  console.error(`Could not reconcile: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await ownDynamo?.stop();
}
