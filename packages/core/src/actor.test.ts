import { describe, expect, it } from "vitest";
import { type Actor, useActor, useMembership, withActor, withMembership } from "./actor";
import { ForbiddenError } from "./errors";

const lead: Actor = { personId: "lead-1", national: false };
const membership = { siteId: "site-a", personId: "lead-1", role: "lead" } as const;

describe("the caller in the request context", () => {
  it("names no one outside withActor", () => {
    expect(() => useActor()).toThrow(/outside withActor/);
  });

  it("gives services the caller's membership of the site the request is about", () => {
    const seen = withActor(lead, () => withMembership(membership, () => useMembership("site-a")));
    expect(seen).toEqual(membership);
  });

  it("refuses a record-level check for another site, or for a caller acting without a membership", () => {
    withActor(lead, () =>
      withMembership(membership, () => expect(() => useMembership("site-b")).toThrow(ForbiddenError)),
    );
    withActor({ personId: "national-1", national: true }, () =>
      expect(() => useMembership("site-a")).toThrow(ForbiddenError),
    );
  });

  it("never runs as someone else's membership", () => {
    withActor({ personId: "someone-else", national: false }, () =>
      expect(() => withMembership(membership, () => undefined)).toThrow(/someone else's membership/),
    );
  });
});
