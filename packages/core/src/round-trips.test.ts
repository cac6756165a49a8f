import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { useFreshTable } from "../testing";
import { db } from "./db";
import { dynamo } from "./dynamo";
import { countRoundTrips, roundTripCounter } from "./round-trips";

useFreshTable();

const get = (siteId: string) => db.entities.site.get({ siteId }).go();

describe("counting DynamoDB round trips", () => {
  it("counts each request once, whether sent raw or through ElectroDB", async () => {
    const { client, tableName } = dynamo();
    const { roundTrips } = await countRoundTrips(async () => {
      await client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: "a" }, sk: { S: "b" } } }));
      await get("site-a");
    });
    expect(roundTrips.total).toBe(2);
    expect(roundTrips.calls.map((call) => call.command)).toEqual(["GetItemCommand", "GetItemCommand"]);
  });

  it("tells requests sent side by side from requests that wait for one another", async () => {
    const { roundTrips } = await countRoundTrips(async () => {
      await Promise.all([get("a"), get("b"), get("c")]);
      await get("d");
      await Promise.all([get("e"), get("f").then(() => get("g"))]);
    });
    expect(roundTrips).toMatchObject({ total: 7, sequential: 4 });
    expect(roundTrips.calls.map((call) => call.step)).toEqual([1, 1, 1, 2, 3, 3, 4]);
  });

  it("keeps two pieces of work running at once apart", async () => {
    const [one, two] = await Promise.all([
      countRoundTrips(async () => {
        await get("a");
        await get("b");
      }),
      countRoundTrips(() => get("c")),
    ]);
    expect(one.roundTrips).toMatchObject({ total: 2, sequential: 2 });
    expect(two.roundTrips).toMatchObject({ total: 1, sequential: 1 });
  });

  it("counts nothing made outside its own run", async () => {
    const counter = roundTripCounter();
    await get("a");
    await counter.run(() => get("b"));
    expect(counter.figures().total).toBe(1);
  });
});
