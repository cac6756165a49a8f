import { describe, expect, it } from "vitest";
import { router, siteProcedure } from "../src/trpc";
import { fixtures } from "./fixtures";
import { allProcedures } from "./world";

describe("every procedure is declared", () => {
  const procedures = allProcedures();

  it("finds the router's procedures", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(Object.keys(fixtures).length);
  });

  it.each(procedures.map((procedure) => [procedure.path, procedure] as const))(
    "%s declares an access rule, has a fixture, and the two agree",
    (path, procedure) => {
      expect(procedure.access, `${path} was built without an access-declaring builder`).toBeDefined();
      const fixture = fixtures[path];
      expect(fixture, `${path} has no fixture in trust/fixtures.ts`).toBeDefined();
      expect(procedure.access).toEqual(fixture?.access);
      if (procedure.type === "mutation") {
        expect(fixture?.recordIdOf, `${path} must say which record its audit event names`).toBeDefined();
      }
    },
  );

  it("has no fixture for a procedure that no longer exists", () => {
    const paths = new Set(procedures.map((procedure) => procedure.path));
    expect(Object.keys(fixtures).filter((path) => !paths.has(path))).toEqual([]);
  });
});

describe("record-level rules", () => {
  it("travel from the procedure builder into the declared access the suite reads", () => {
    const probe = router({ own: siteProcedure(["provider"], { records: "own-organisation" }).query(() => null) });
    const procedures = probe._def.procedures as unknown as Record<string, { _def: { meta?: unknown } }>;
    expect(procedures.own?._def.meta).toEqual({
      access: { kind: "site", roles: ["provider"], nationalMayRead: false, records: "own-organisation" },
    });
  });
});
