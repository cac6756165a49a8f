import { Invitation, NATIONAL_SCOPE, Person, Site } from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import type { SiteRole } from "@smallsupports/core/role";
import { inviteAndJoin } from "@smallsupports/core/seeding";
import type { Access } from "../src/trpc";

/**
 * One entry per API procedure: the access rule it must declare, and how to make a valid call.
 * The trust suite refuses to pass while any procedure lacks an entry, so a new procedure cannot
 * ship without being attacked by every test in this folder.
 */
export interface Fixture {
  /** The rule the procedure must declare; written here by hand so a loosened rule is caught. */
  access: Access;
  /**
   * A valid input for a call aimed at `siteId`, made by `callerId` where the suite knows who
   * calls (a procedure on the caller's own records needs one addressed to them). May create the
   * records it needs first.
   */
  valid(siteId: string, callerId?: string): Promise<unknown>;
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

/** A distinctive name and an address made from it. */
function freshInvitee() {
  const name = unique(fixtureNamePrefix);
  return { name, email: `${name.replace(/\W+/g, ".").toLowerCase()}@example.org` };
}

/** A fresh member of `siteId`, invited and joined through the services. */
function freshMember(siteId: string, role: SiteRole = "team") {
  return inviteAndJoin(setUp, { siteId, role, ...freshInvitee() });
}

/** A fresh open invitation in `siteId`. */
function freshInvitation(siteId: string, role: SiteRole = "expert", email?: string) {
  const invitee = freshInvitee();
  return withActor(setUp, () => Invitation.invite({ siteId, role, name: invitee.name, email: email ?? invitee.email }));
}

/**
 * A new site of its own, so that accepting an invitation in it never changes who belongs to the
 * sites under attack.
 */
async function spareSite() {
  const name = unique("Trust Spare");
  const siteId = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await withActor(setUp, () => Site.create({ siteId, name, area: "Spare area", lead: freshInvitee() }));
  return siteId;
}

/** An open invitation addressed to `callerId` (or to no one in particular), in a spare site. */
async function invitationFor(callerId: string | undefined) {
  const email = callerId ? (await Person.get({ personId: callerId })).email : undefined;
  const invitation = await freshInvitation(await spareSite(), "expert", email);
  return { siteId: invitation.siteId, invitationId: invitation.invitationId };
}

const invitationKey = (invitation: { siteId: string; invitationId: string; version: number }) => ({
  siteId: invitation.siteId,
  invitationId: invitation.invitationId,
  version: invitation.version,
});

/** The refusal of someone else's invitation must not show its typed name or address. */
async function someoneElsesInvitation(siteId: string) {
  const invitee = freshInvitee();
  const invitation = await withActor(setUp, () => Invitation.invite({ siteId, role: "team", ...invitee }));
  return {
    caller: "expert" as const,
    input: { siteId: invitation.siteId, invitationId: invitation.invitationId },
    secrets: [invitee.name, invitee.email],
  };
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
      return { siteId: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), name, area: "Test area", lead: freshInvitee() };
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
  "me.rename": {
    access: { kind: "authed" },
    valid: async (_siteId, callerId) => ({
      name: unique(fixtureNamePrefix),
      version: callerId ? (await Person.get({ personId: callerId })).version : 1,
    }),
    recordIdOf: (_input, result) => (result as { personId: string }).personId,
    auditSiteOf: () => NATIONAL_SCOPE,
  },
  "invitation.list": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, limit: 50 }),
  },
  "invitation.invite": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, role: "expert", ...freshInvitee() }),
    recordIdOf: (_input, result) => (result as { invitationId: string }).invitationId,
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "invitation.resend": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => invitationKey(await freshInvitation(siteId)),
    recordIdOf: (input) => field(input, "invitationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    swap: async (ownSiteId, otherSiteId) => ({
      ...invitationKey(await freshInvitation(otherSiteId)),
      siteId: ownSiteId,
    }),
  },
  "invitation.correct": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({
      ...invitationKey(await freshInvitation(siteId)),
      role: "team",
      ...freshInvitee(),
    }),
    recordIdOf: (input) => field(input, "invitationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    swap: async (ownSiteId, otherSiteId) => ({
      ...invitationKey(await freshInvitation(otherSiteId)),
      siteId: ownSiteId,
      role: "lead",
      ...freshInvitee(),
    }),
  },
  "invitation.cancel": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => invitationKey(await freshInvitation(siteId)),
    recordIdOf: (input) => field(input, "invitationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    swap: async (ownSiteId, otherSiteId) => ({
      ...invitationKey(await freshInvitation(otherSiteId)),
      siteId: ownSiteId,
    }),
  },
  "invitation.leadInvitations": {
    access: { kind: "national" },
    valid: async (siteId) => ({ siteId }),
  },
  "invitation.inviteLead": {
    access: { kind: "national" },
    valid: async (siteId) => ({ siteId, ...freshInvitee() }),
    recordIdOf: (_input, result) => (result as { invitationId: string }).invitationId,
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "invitation.resendLead": {
    access: { kind: "national" },
    valid: async (siteId) => invitationKey(await freshInvitation(siteId, "lead")),
    recordIdOf: (input) => field(input, "invitationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "invitation.cancelLead": {
    access: { kind: "national" },
    valid: async (siteId) => invitationKey(await freshInvitation(siteId, "lead")),
    recordIdOf: (input) => field(input, "invitationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "invitation.mine": {
    access: { kind: "authed" },
    valid: async () => undefined,
  },
  "invitation.accept": {
    access: { kind: "authed", records: "self" },
    valid: async (_siteId, callerId) => invitationFor(callerId),
    recordIdOf: (_input, result) => (result as { personId: string }).personId,
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: someoneElsesInvitation,
  },
  "invitation.decline": {
    access: { kind: "authed", records: "self" },
    valid: async (_siteId, callerId) => invitationFor(callerId),
    recordIdOf: (input) => field(input, "invitationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: someoneElsesInvitation,
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
