import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Access } from "../src/trpc";
import { fixtures } from "./fixtures";
import {
  allProcedures,
  expectNothingPersonalIn,
  otherSite,
  type ProcedureInfo,
  recordFigures,
  tableDigest,
  targetSite,
  useTrustWorld,
} from "./world";

const world = useTrustWorld();
// Enough to find the odd shape each procedure's schema lets through, while the suite of some
// fifty procedures still runs in a couple of minutes.
const payloadsPerProcedure = 500;
const figures = { payloads: 0, serverErrors: 0 };
afterAll(() => {
  recordFigures("fuzz", figures);
  expectNothingPersonalIn(world.state.logs, world.secrets);
});

/** Values that break assumptions: wrong types, extremes, odd text, far dates. */
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ minLength: 2_000, maxLength: 20_000 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
  fc.double({ noNaN: true }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "null",
    "../../etc/passwd",
    "site#devon",
    "kent-medway",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "\u0000",
    "\u202Eevil",
    "9999-12-31T23:59:59Z",
    "-271821-04-20T00:00:00Z",
    1e308,
    -0,
    2 ** 53,
    true,
    null,
    [],
    {},
  ),
);

/** Payloads built around a valid call: one field broken, dropped or added, or a wholly wrong shape. */
function hostilePayload(valid: Record<string, unknown> | undefined) {
  const keys = Object.keys(valid ?? {});
  const wholeShape = fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom(null, 0, "", [], true, "a string"));
  if (!valid || keys.length === 0) return wholeShape;
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    { weight: 1, arbitrary: wholeShape },
    { weight: 4, arbitrary: fc.tuple(key, hostileValue).map(([k, v]) => ({ ...valid, [k]: v })) },
    { weight: 1, arbitrary: key.map((k) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== k))) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ minLength: 1, maxLength: 20 }), hostileValue)
        .filter(([k]) => !keys.includes(k))
        .map(([k, v]) => ({ ...valid, [k]: v })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(key, key, hostileValue, hostileValue)
        .map(([a, b, va, vb]) => ({ ...valid, [a]: va, [b]: vb })),
    },
  );
}

function callerFor(access: Access) {
  if (access.kind === "national") return world.caller("national");
  if (access.kind === "mentor") return world.caller("mentor");
  return world.caller("lead", targetSite);
}

const isValid = (procedure: ProcedureInfo, payload: unknown) =>
  procedure.inputs.every((input) => input.safeParse(payload).success);

describe(`${payloadsPerProcedure} hostile payloads per procedure: never a 500, always a plain typed error, never a write`, () => {
  it.each(allProcedures().map((procedure) => [procedure.path, procedure] as const))(
    "%s",
    async (path, procedure) => {
      const caller = callerFor(procedure.access as Access);
      const type = procedure.type as "query" | "mutation";
      const valid = (await fixtures[path]?.valid(targetSite)) as Record<string, unknown> | undefined;
      const before = await tableDigest();
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(hostilePayload(valid), async (generated) => {
          // Judge the payload as the server will see it: JSON drops undefined values, for one.
          const json = JSON.stringify(generated);
          const payload = json === undefined ? undefined : JSON.parse(json);
          // Mutations get only invalid input, so any change to the table is a partial write.
          if (type === "mutation" && isValid(procedure, payload)) return;
          sent++;
          figures.payloads++;
          const response = await world.call(type, path, payload, caller.token);
          if (response.status >= 500) figures.serverErrors++;
          expect(response.status).toBeLessThan(500);
          if (type === "mutation") expect(response.status).toBeGreaterThanOrEqual(400);
          if (response.status !== 200) {
            const message = response.body.error?.message ?? "";
            expect(message).toMatch(/^[A-Z0-9"].*[.?]$/s);
            expect(message).not.toMatch(/ZodError|\bat .*\.ts:|Invalid input: expected|stack/);
          }
        }),
        { numRuns: payloadsPerProcedure, endOnFailure: true },
      );
      expect(sent).toBeGreaterThan(payloadsPerProcedure * 0.8);
      if (type === "mutation") expect(await tableDigest()).toBe(before);
    },
    240_000,
  );
});

describe("pagination cursors: junk, edited and borrowed ones get BAD_REQUEST, never a 500", () => {
  // A procedure whose input has a cursor is one that pages (an input with a default wraps its object).
  type Input = { shape?: object; def?: { innerType?: { shape?: object } } };
  const paginated = allProcedures().filter((procedure) =>
    procedure.inputs.some(
      (input) => "cursor" in ((input as Input).shape ?? (input as Input).def?.innerType?.shape ?? {}),
    ),
  );

  it("finds every paginated procedure", () => {
    expect(paginated.map((procedure) => procedure.path)).toEqual([
      "activity.list",
      "application.board",
      "invitation.list",
      "member.list",
      "nationalEvent.forCohort",
      "nationalEvent.list",
      "session.list",
      "site.list",
    ]);
  });

  /** The cursor of a list's first page of one, as its own caller gets it. */
  async function firstCursor(path: string, siteId: string): Promise<string> {
    const procedure = paginated.find((candidate) => candidate.path === path) as ProcedureInfo;
    const access = procedure.access as Access;
    const caller = access.kind === "site" ? world.caller("lead", siteId) : world.caller("national");
    const input = { ...((await fixtures[path]?.valid(siteId)) as object), limit: 1 };
    const response = await world.call("query", path, input, caller.token);
    const cursor = (response.data as { cursor: string | null }).cursor;
    if (!cursor) throw new Error(`${path} has only one item in ${siteId}: the world needs more.`);
    return cursor;
  }

  it.each(paginated.map((procedure) => [procedure.path, procedure] as const))("%s", async (path, procedure) => {
    const caller = callerFor(procedure.access as Access);
    const valid = (await fixtures[path]?.valid(targetSite)) as Record<string, unknown>;
    const own = await firstCursor(path, targetSite);
    expect((await world.call("query", path, { ...valid, cursor: own }, caller.token)).status).toBe(200);

    const [body, signature] = own.split(".") as [string, string];
    const borrowed = await Promise.all(
      paginated.filter((other) => other.path !== path).map((other) => firstCursor(other.path, targetSite)),
    );
    if ((procedure.access as Access).kind === "site") borrowed.push(await firstCursor(path, otherSite));
    const handPicked = [
      "",
      "junk",
      "a.b",
      `${body}.`,
      `.${signature}`,
      `${body}.${signature}.${signature}`,
      `${body}x.${signature}`,
      `${body}.${signature.slice(0, -2)}`,
      `${Buffer.from(JSON.stringify({ pk: `site#${otherSite}`, sk: "member#x" })).toString("base64url")}.${signature}`,
      Buffer.from(JSON.stringify({ pk: `site#${targetSite}` })).toString("base64"),
      ...borrowed,
    ];
    const generated = fc.sample(fc.string({ unit: "binary", minLength: 1, maxLength: 300 }), 100);
    for (const cursor of [...handPicked, ...generated]) {
      figures.payloads++;
      const response = await world.call("query", path, { ...valid, cursor }, caller.token);
      if (response.status >= 500) figures.serverErrors++;
      expect(response.code, `cursor ${JSON.stringify(cursor)}`).toBe("BAD_REQUEST");
      expect(response.body.error?.message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
