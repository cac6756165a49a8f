import { Membership } from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import type { SiteRole } from "@smallsupports/core/role";
import type { Access } from "../src/trpc";

/**
 * One entry per API procedure: the access rule it must declare, and how to make a valid call.
 * The trust suite refuses to pass while any procedure lacks an entry, so a new procedure cannot
 * ship without being attacked by every test in this folder.
 */
export interface Fixture {
  /** The rule the procedure must declare; written here by hand so a loosened rule is caught. */
  access: Access;
  /** A valid input for a call aimed at `siteId`. May create the records it needs first. */
  valid(siteId: string): Promise<unknown>;
  /** The record a successful call changes, named in its audit event. */
  recordIdOf?(input: unknown, result: unknown): string;
  /** The site whose activity a successful call appears in. */
  auditSiteOf?(input: unknown): string;
  /** For calls that name a record: the caller's own site, but a record from `otherSiteId`. */
  swap?(ownSiteId: string, otherSiteId: string): Promise<unknown>;
  /**
   * Required for a procedure that declares a record-level rule (`access.records`): a call by a
   * member of `siteId` whose role the procedure admits, aimed at a record that is not theirs,
   * with the text of that record that must not appear in the refusal.
   */
  notOwner?(siteId: string): Promise<{ caller: SiteRole; input: unknown; secrets: string[] }>;
}

let counter = 0;
/** Distinctive free text, so the log check can look for it. */
export const unique = (label: string) => `${label} ${process.pid}x${++counter}`;
export const fixtureNamePrefix = "Trustfixture";

const setUp: Actor = systemActor;

/** A fresh member of `siteId`, made directly through the service. */
async function freshMember(siteId: string, role: Membership.Member["role"] = "team") {
  const name = unique(fixtureNamePrefix);
  return withActor(setUp, () =>
    Membership.invite({ siteId, name, email: `${name.replace(/\W+/g, ".").toLowerCase()}@example.org`, role }),
  );
}

const field = (input: unknown, key: string) => String((input as Record<string, unknown>)[key]);
const anyMember = ["lead", "team", "expert", "provider"] as const;

export const fixtures: Record<string, Fixture> = {
  "me.get": {
    access: { kind: "authed" },
    valid: async () => undefined,
  },
  "site.list": {
    access: { kind: "national" },
    valid: async () => ({ limit: 50 }),
  },
  "site.create": {
    access: { kind: "national" },
    valid: async () => {
      const name = unique("Trust Site");
      return { siteId: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), name, area: "Test area" };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "site.get": {
    access: { kind: "site", roles: anyMember, nationalMayRead: true },
    valid: async (siteId) => ({ siteId }),
  },
  "member.list": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, limit: 100 }),
  },
  "member.invite": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const name = unique(fixtureNamePrefix);
      return { siteId, name, email: `${name.replace(/\W+/g, ".").toLowerCase()}@example.org`, role: "expert" };
    },
    recordIdOf: (_input, result) => (result as { personId: string }).personId,
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "member.changeRole": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const member = await freshMember(siteId);
      return { siteId, personId: member.personId, role: "provider", version: member.version };
    },
    recordIdOf: (input) => field(input, "personId"),
    auditSiteOf: (input) => field(input, "siteId"),
    swap: async (ownSiteId, otherSiteId) => {
      const victim = await freshMember(otherSiteId);
      return { siteId: ownSiteId, personId: victim.personId, role: "lead", version: victim.version };
    },
  },
  "member.remove": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const member = await freshMember(siteId, "expert");
      return { siteId, personId: member.personId, version: member.version };
    },
    recordIdOf: (input) => field(input, "personId"),
    auditSiteOf: (input) => field(input, "siteId"),
    swap: async (ownSiteId, otherSiteId) => {
      const victim = await freshMember(otherSiteId, "expert");
      return { siteId: ownSiteId, personId: victim.personId, version: victim.version };
    },
  },
  "activity.list": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, limit: 50 }),
  },
};
