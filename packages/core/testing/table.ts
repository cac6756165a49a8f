import { randomUUID } from "node:crypto";
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

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by test/dynamo-global-setup.ts. */
    dynamoEndpoint: string;
  }
}
