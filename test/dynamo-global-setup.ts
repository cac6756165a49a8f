import { startDynamoLocal } from "@smallsupports/local/dynamo-local";
import type { TestProject } from "vitest/node";

/**
 * One in-memory DynamoDB Local for the whole run; each test file makes its own table in it
 * (see packages/core/src/test-table.ts), so files never see each other's data.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return () => dynamo.stop();
}
