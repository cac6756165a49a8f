import { GetItemCommand, PutItemCommand, ResourceNotFoundException } from "@aws-sdk/client-dynamodb";
import { Membership, Person } from "@smallsupports/core";
import { createTable, deleteTable, dynamo } from "@smallsupports/core/dynamo";
import { tableKeys } from "@smallsupports/core/table";
import { seed } from "./seed";
import { seedEmail, seedName, seedSites } from "./seed-data";

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

/** What a start finds: no table yet, the whole demo, or a seed that stopped part way. */
export type DemoDataState = "missing" | "complete" | "incomplete";

export async function readSeedMarker(): Promise<SeedMarker | undefined> {
  const { client, tableName } = dynamo();
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: markerKey, ConsistentRead: true }),
  );
  const state = Item?.state?.S;
  return state === "started" || state === "complete" ? state : undefined;
}

export async function writeSeedMarker(state: SeedMarker): Promise<void> {
  const { client, tableName } = dynamo();
  await client.send(new PutItemCommand({ TableName: tableName, Item: { ...markerKey, state: { S: state } } }));
}

export async function demoDataState(): Promise<DemoDataState> {
  let marker: SeedMarker | undefined;
  try {
    marker = await readSeedMarker();
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return "missing";
    throw error;
  }
  if (marker) return marker === "complete" ? "complete" : "incomplete";
  // A table without a marker was seeded before there were markers, or stopped before its seed
  // began. Keep it only if it holds the whole demo; marking it means this check runs once.
  if (await holdsSeedsLastWrite()) {
    await writeSeedMarker("complete");
    return "complete";
  }
  return "incomplete";
}

/**
 * The seed from before markers ends by adding the first site's provider to the third site, after
 * every other write has been awaited, so that membership being there means the rest is too.
 */
async function holdsSeedsLastWrite(): Promise<boolean> {
  const [firstSite, , thirdSite] = seedSites;
  if (!firstSite || !thirdSite) return false;
  const provider = await Person.findByEmail(seedEmail(seedName(6), firstSite.siteId));
  return provider !== undefined && (await Membership.find(thirdSite.siteId, provider.personId)) !== undefined;
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
