import { describe, expect, it } from "vitest";
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
