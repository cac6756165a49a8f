import { keyAttributes, tableIndexes, tableKeys, timeToLiveAttribute } from "@smallsupports/core/table";
import { RemovalPolicy } from "aws-cdk-lib";
import { type StackContext, Table } from "sst/constructs";

/** The single table, built from the same schema module the local launcher and tests use. */
export function Storage({ stack, app }: StackContext) {
  const production = app.stage === "prod";

  const table = new Table(stack, "table", {
    fields: Object.fromEntries(keyAttributes.map((attribute) => [attribute, "string" as const])),
    timeToLiveAttribute,
    primaryIndex: { partitionKey: tableKeys.partitionKey, sortKey: tableKeys.sortKey },
    globalIndexes: Object.fromEntries(
      Object.entries(tableIndexes).map(([name, index]) => [
        name,
        { partitionKey: index.partitionKey, sortKey: index.sortKey },
      ]),
    ),
    cdk: {
      table: {
        // SST sets the older `pointInTimeRecovery` flag itself, so this one must be used too.
        pointInTimeRecovery: true,
        deletionProtection: production,
        removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });

  return { table };
}
