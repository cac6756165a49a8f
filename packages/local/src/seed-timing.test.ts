import { randomUUID } from "node:crypto";
import { configureDynamo, createTable, dynamo } from "@smallsupports/core/dynamo";
import { inject, it } from "vitest";
import { seed } from "./seed";
import { seed as baselineSeed } from "./seed-baseline/seed";

async function timed(label: string, run: () => Promise<unknown>) {
  configureDynamo({ endpoint: inject("dynamoEndpoint"), region: "eu-west-2", tableName: `t-${randomUUID()}` });
  await createTable();
  const { client } = dynamo();
  let tx = 0;
  let other = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      if ((args.input as { TransactItems?: unknown }).TransactItems) tx++;
      else other++;
      return next(args);
    },
    { step: "initialize", name: "timing" },
  );
  const started = performance.now();
  await run();
  console.log(`${label} ${Math.round(performance.now() - started)} ms, ${tx} tx, ${other} other`);
}

it("times the seed", async () => {
  for (let i = 0; i < Number(process.env.ROUNDS ?? 2); i++) {
    if (process.env.NEWFIRST) {
      await timed("new", seed);
      await timed("baseline", baselineSeed);
    } else {
      await timed("baseline", baselineSeed);
      await timed("new", seed);
    }
  }
}, 600_000);
