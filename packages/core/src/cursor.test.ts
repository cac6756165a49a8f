import { describe, expect, it } from "vitest";
import { configureCursors, open, seal } from "./cursor";
import { ValidationError } from "./errors";

configureCursors("cursor-test-secret-cursor-test-secret");

describe("cursors", () => {
  const scope = ["member.list", "site-a"];
  const position = JSON.stringify({ pk: "site#site-a", sk: "member#123" });

  it("refuse a key too short to be secret", () => {
    expect(() => configureCursors("short")).toThrow(/at least 32/);
  });

  it("hand back the position they were sealed with, for the same list", () => {
    expect(open(scope, seal(scope, position))).toBe(position);
    expect(seal(scope, null)).toBeNull();
    expect(open(scope, null)).toBeNull();
    expect(open(scope, undefined)).toBeNull();
  });

  it("are opaque: the position cannot be read as it is", () => {
    expect(seal(scope, position)).not.toContain("site#site-a");
  });

  it.each([
    ["junk", "not-a-cursor"],
    ["an empty string", ""],
    ["too many parts", "a.b.c"],
    ["another site's list", seal(["member.list", "site-b"], position)],
    ["another kind of list", seal(["activity.list", "site-a"], position)],
    [
      "an edited position",
      `${Buffer.from('{"pk":"site#site-b"}').toString("base64url")}.${seal(scope, position)?.split(".")[1]}`,
    ],
    ["a truncated signature", seal(scope, position)?.slice(0, -3)],
  ])("refuse %s with a plain message", (_label, cursor) => {
    expect(() => open(scope, cursor)).toThrow(ValidationError);
    expect(() => open(scope, cursor)).toThrow(/not valid for this list/);
  });
});
