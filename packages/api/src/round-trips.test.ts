import { describe, expect, it } from "vitest";
import { useTestApp, worldSites } from "../testing";
import { readBudgets } from "./round-trip-budgets";

/**
 * The DynamoDB round trips of the reads people make most, sign-in included, against their
 * budgets (round-trip-budgets.ts). Counted, never timed, so the guard is the same on any machine:
 * a change that makes a read wait on one more round trip fails here, not in production.
 */

const { tokenFor, call, person, roleIn, state } = useTestApp();

const [siteA] = worldSites.map((site) => site.siteId) as [string];

/** Calls a query and returns the round trips its request made, from its log line. */
async function roundTripsOf(path: string, input: unknown, token: string) {
  const result = await call("query", path, input, token);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  const line = state.logs.findLast((entry) => entry.procedure === path);
  return { total: line?.dynamoRoundTrips ?? 0, sequential: line?.dynamoSequential ?? 0, data: result.data };
}

async function providerApplication() {
  const provider = person(roleIn(siteA, "provider"));
  const token = await tokenFor(provider);
  const mine = await call("query", "organisation.mine", undefined, token);
  const [first] = (mine.data as { organisations: { siteId: string; organisationId: string }[] }).organisations;
  if (!first) throw new Error("The world's first provider has no organisation.");
  const organisation = { siteId: first.siteId, organisationId: first.organisationId };
  const history = await call("query", "application.history", organisation, token);
  const [application] = history.data as { applicationId: string }[];
  if (!application) throw new Error("The world's first provider has no application.");
  return { token, key: { ...organisation, applicationId: application.applicationId } };
}

describe("round trips of the reads people make most", () => {
  it("keeps each within its budget, the sign-in's reads included", async () => {
    const lead = await tokenFor(person(roleIn(siteA, "lead")));
    const national = await tokenFor(person((p) => p.role === "national"));
    const { token: provider, key } = await providerApplication();
    const { data: summary } = await roundTripsOf("application.boardSummary", { siteId: siteA }, lead);
    const { columns } = summary as { columns: { column: string }[] };
    const column = columns[0]?.column ?? "";

    const calls: Record<keyof typeof readBudgets, [unknown, string]> = {
      "me.get": [undefined, lead],
      "me.inbox": [undefined, lead],
      "site.list": [{}, national],
      "site.get": [{ siteId: siteA }, lead],
      "member.list": [{ siteId: siteA }, lead],
      "application.boardSummary": [{ siteId: siteA }, lead],
      "application.board": [{ siteId: siteA, column }, lead],
      "application.get": [key, provider],
      "organisation.mine": [undefined, provider],
      "analytics.national": [{ period: "year" }, national],
      "analytics.site": [{ siteId: siteA, period: "year" }, lead],
    };
    const measured: Record<string, { total: number; sequential: number }> = {};
    for (const [path, [input, token]] of Object.entries(calls)) {
      // The second call is the one measured: the first may fill an instance's cache of
      // published process versions, which never change, as a warm Lambda would have.
      await roundTripsOf(path, input, token);
      const { total, sequential } = await roundTripsOf(path, input, token);
      measured[path] = { total, sequential };
    }
    expect(measured).toEqual(readBudgets);
  });
});
