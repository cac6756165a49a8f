import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { type AttributeValue, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { afterAll, beforeAll, inject } from "vitest";
import { configureCursors } from "../src/cursor";
import { configureDynamo, createTable, deleteTable, dynamo } from "../src/dynamo";

/**
 * Gives the calling test file its own fresh table in the run's DynamoDB Local
 * (started by test/dynamo-global-setup.ts). Call once at the top of the file.
 */
export function useFreshTable(): void {
  beforeAll(async () => {
    configureDynamo({
      endpoint: inject("dynamoEndpoint"),
      region: "eu-west-2",
      tableName: `test-${randomUUID()}`,
    });
    await createTable();
    configureCursors("test-cursor-secret-test-cursor-secret");
  });
  afterAll(async () => {
    await deleteTable();
  });
}

/** Every item in the test table, for asserting that a refused call wrote nothing. */
export async function allItems(): Promise<Record<string, unknown>[]> {
  const { client, tableName } = dynamo();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

type Item = Record<string, unknown>;

/** An item's key, which names it in two reads of the table. */
const keyOf = (item: Item) => `${item.pk}|${item.sk}`;

/**
 * What the table gained, lost and changed since `before` (an earlier `allItems()`), each item
 * named by its key: lets a test say exactly which records one call wrote, not only how many.
 */
export async function changesSince(before: Item[]): Promise<{ added: Item[]; removed: Item[]; changed: Item[] }> {
  const after = await allItems();
  const earlier = new Map(before.map((item) => [keyOf(item), item]));
  const later = new Map(after.map((item) => [keyOf(item), item]));
  return {
    added: after.filter((item) => !earlier.has(keyOf(item))),
    removed: before.filter((item) => !later.has(keyOf(item))),
    changed: after.filter((item) => {
      const old = earlier.get(keyOf(item));
      // Deep equality, not JSON: a string set (a site's leads) unmarshalls to a Set, which JSON drops.
      return old !== undefined && !isDeepStrictEqual(old, item);
    }),
  };
}

/** The kind of each item, by its ElectroDB entity name, sorted: ["auditEvent", "invitation", …]. */
export function kindsOf(items: Item[]): string[] {
  return items.map((item) => String(item.__edb_e__)).sort();
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by test/dynamo-global-setup.ts. */
    dynamoEndpoint: string;
  }
}
