import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { Person } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { dynamo } from "@smallsupports/core/dynamo";
import { useFreshTable } from "@smallsupports/core/testing";
import { describe, expect, it } from "vitest";
import { seed } from "./seed";
import { demoDataState, readSeedMarker, writeSeedMarker } from "./seed-state";

useFreshTable();

// The tests run in order on one table, as one .data/ folder's history would.
describe("the demo data's state", () => {
  it("calls a table with no marker incomplete, even a whole demo from before there were markers", async () => {
    await withActor(systemActor, () => Person.addNational({ name: "Early Bird", email: "early@national.example.org" }));
    expect(await demoDataState()).toBe("incomplete");
    await seed();
    expect(await demoDataState()).toBe("incomplete");
    expect(await readSeedMarker()).toBeUndefined();
    // The whole demo is written here: most of a minute, more on a busy machine.
  }, 300_000);

  it("calls a table marked complete complete", async () => {
    await writeSeedMarker("complete");
    expect(await demoDataState()).toBe("complete");
  });

  it("calls a seed that started but never finished incomplete, whatever the table holds", async () => {
    await writeSeedMarker("started");
    expect(await demoDataState()).toBe("incomplete");
  });

  it("calls a complete demo of an older version incomplete, so it is written again", async () => {
    await writeSeedMarker("complete");
    const { client, tableName } = dynamo();
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: { S: "_local" }, sk: { S: "seed" }, state: { S: "complete" }, demo: { N: "1" } },
      }),
    );
    expect(await demoDataState()).toBe("incomplete");
  });
});
