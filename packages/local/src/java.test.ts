import { describe, expect, it } from "vitest";
import { requireJava } from "./java";

describe("requireJava", () => {
  it("finds Java 17 or newer on this machine", () => {
    expect(requireJava()).toBeGreaterThanOrEqual(17);
  });

  it("says how to install Java when it is missing, instead of failing obscurely", () => {
    expect(() => requireJava({ PATH: "/nonexistent" })).toThrow(/apt-get install -y openjdk-17-jre-headless/);
  });
});
