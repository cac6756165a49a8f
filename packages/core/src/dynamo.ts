import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from "@aws-sdk/client-dynamodb";
import { countRoundTripsOf } from "./round-trips";
import { keyAttributes, tableIndexes, tableKeys } from "./table";

/**
 * Where the table lives. Set once at start-up by whoever runs the code (the API's env.ts, the
 * local launcher, a test harness); nothing here reads the environment.
 */
export interface DynamoConfig {
  tableName: string;
  region: string;
  /** Only for DynamoDB Local; leave unset in AWS. */
  endpoint?: string;
}

let current: { config: DynamoConfig; client: DynamoDBClient } | undefined;
const listeners = new Set<(client: DynamoDBClient, tableName: string) => void>();

export function configureDynamo(config: DynamoConfig): void {
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    // DynamoDB Local accepts any credentials; in AWS the Lambda role's credentials are used.
    ...(config.endpoint ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
  countRoundTripsOf(client);
  current = { config, client };
  for (const listener of listeners) listener(client, config.tableName);
}

export function dynamo(): { client: DynamoDBClient; tableName: string } {
  if (!current) throw new Error("DynamoDB is not configured: call configureDynamo() at start-up.");
  return { client: current.client, tableName: current.config.tableName };
}

/** Lets the entity service follow the configuration without reading it at import time. */
export function onDynamoConfigured(listener: (client: DynamoDBClient, tableName: string) => void) {
  listeners.add(listener);
  if (current) listener(current.client, current.config.tableName);
}

/** Creates the table from the shared schema; an existing table is left as it is. */
export async function createTable(): Promise<"created" | "existed"> {
  const { client, tableName } = dynamo();
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: tableKeys.partitionKey, KeyType: "HASH" },
          { AttributeName: tableKeys.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: Object.entries(tableIndexes).map(([name, index]) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: "HASH" },
            { AttributeName: index.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
      }),
    );
    return "created";
  } catch (error) {
    if (error instanceof ResourceInUseException) return "existed";
    throw error;
  }
}

export async function deleteTable(): Promise<void> {
  const { client, tableName } = dynamo();
  await client.send(new DeleteTableCommand({ TableName: tableName }));
}
