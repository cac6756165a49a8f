import { startDynamoLocal } from "@smallsupports/local/dynamo-local";
// Brings vitest's own types in, so the declaration below extends them rather than replacing them.
import type {} from "vitest";
import type { TestProject } from "vitest/node";

/**
 * One in-memory DynamoDB Local for the whole run; each test file makes its own table in it
 * (see packages/core/testing/table.ts), so files never see each other's data.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return () => dynamo.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Read by @smallsupports/core/testing's useFreshTable(). */
    dynamoEndpoint: string;
  }
}
