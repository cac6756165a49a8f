import { GetItemCommand, PutItemCommand, ResourceNotFoundException } from "@aws-sdk/client-dynamodb";
import { createTable, deleteTable, dynamo } from "@smallsupports/core/dynamo";
import { tableKeys } from "@smallsupports/core/table";
import { seed } from "./seed";

/**
 * Whether the demo data was fully written is the local launcher's own concern, not domain data,
 * so its marker is a raw item rather than an ElectroDB entity, in a partition no domain record
 * uses. It carries no index keys, so no domain query or index can ever return it.
 */
const markerKey = {
  [tableKeys.partitionKey]: { S: "_local" },
  [tableKeys.sortKey]: { S: "seed" },
};

export type SeedMarker = "started" | "complete";

/**
 * The shape of the demo data and the table it needs. Raised whenever either changes (a new index,
 * new kinds of record), so data kept in .data/ from before is written again rather than served
 * half-fitting the code. 2: organisations, approval processes, applications and the board index.
 * 3: panel reviews, decisions, development plans, requests for information and experts' time.
 * 4: cohorts: the organisations approved in each site's first months, sessions, places and mentoring.
 * 5: national mentors, and mentoring pairs found by their mentor (a new index).
 * 6: each site's figures items for the national dashboard, and experts' time marked as theirs.
 */
export const demoDataVersion = 6;

/** What a start finds: no table yet, the whole demo, or a seed that stopped part way. */
export type DemoDataState = "missing" | "complete" | "incomplete";

export async function readSeedMarker(): Promise<SeedMarker | undefined> {
  const { client, tableName } = dynamo();
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: markerKey, ConsistentRead: true }),
  );
  const state = Item?.state?.S;
  if (state === "complete" && Item?.demo?.N !== String(demoDataVersion)) return "started";
  return state === "started" || state === "complete" ? state : undefined;
}

export async function writeSeedMarker(state: SeedMarker): Promise<void> {
  const { client, tableName } = dynamo();
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: { ...markerKey, state: { S: state }, demo: { N: String(demoDataVersion) } },
    }),
  );
}

export async function demoDataState(): Promise<DemoDataState> {
  let marker: SeedMarker | undefined;
  try {
    marker = await readSeedMarker();
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return "missing";
    throw error;
  }
  // No marker: the seed stopped before writing one, or the data predates markers (and so also
  // predates audit events without names); a marker of an older demo version reads as unfinished.
  // Either way it is demo data, so it is written again.
  return marker === "complete" ? "complete" : "incomplete";
}

/**
 * Writes the demo from an empty table, between a "started" and a "complete" marker, so a start
 * that is stopped part way is found and written again from scratch by the next start.
 */
export async function writeDemoData(state: Exclude<DemoDataState, "complete">): Promise<void> {
  if (state === "incomplete") await deleteTable();
  await createTable();
  await writeSeedMarker("started");
  await seed();
  await writeSeedMarker("complete");
}
