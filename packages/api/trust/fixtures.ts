import {
  Application,
  Invitation,
  Membership,
  NATIONAL_SCOPE,
  Organisation,
  Person,
  Process,
  Site,
} from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import type { SiteRole } from "@smallsupports/core/role";
import { asMember, inviteAndJoin, publishAndOpen, signUpAndRegister } from "@smallsupports/core/seeding";
import type { Access } from "../src/trpc";
import { worldAnswers, worldProfile } from "../testing/world";

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
// Fixed width, so no name is the start of another (the leak checks look for substrings).
export const unique = (label: string) => `${label} ${process.pid}x${String(++counter).padStart(6, "0")}`;
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

/**
 * Opens the site to applications again if a call left it closed (the site.setOpen fixture closes
 * it first, and an attack on it that is refused leaves it so).
 */
async function ensureOpen(siteId: string) {
  if (!(await Site.isOpen(siteId))) await withActor(setUp, () => Site.setOpen({ siteId, open: true }));
}

/** A new organisation in `siteId`, signed up and registered from the public page. */
async function freshApplicant(siteId: string) {
  await ensureOpen(siteId);
  const person = freshInvitee();
  const { actor, organisation } = await signUpAndRegister(siteId, person, worldProfile(unique("Trustorg")));
  return { actor, key: { siteId, organisationId: organisation.organisationId }, legalName: organisation.legalName };
}

/**
 * The organisation a call should name: the caller's own if they act for one in `siteId` (a
 * provider may only reach theirs), otherwise a fresh one.
 */
async function organisationFor(siteId: string, callerId?: string) {
  await ensureOpen(siteId);
  const member = callerId ? await Membership.find(siteId, callerId) : undefined;
  if (member?.organisationId) {
    const actor: Actor = { personId: member.personId, national: false };
    return { actor, key: { siteId, organisationId: member.organisationId } };
  }
  return freshApplicant(siteId);
}

/** The organisation's application in draft, starting a new one if it has none. */
async function draftFor(siteId: string, callerId?: string) {
  const { actor, key } = await organisationFor(siteId, callerId);
  return asMember(actor, siteId, async () => {
    const organisation = await Organisation.get(key);
    if (organisation.currentApplicationId) {
      const current = await Application.get({ ...key, applicationId: organisation.currentApplicationId });
      if (current.application.status === "draft")
        return { actor, ...current, key: { ...key, applicationId: current.application.applicationId } };
      await Application.withdraw({
        ...key,
        applicationId: current.application.applicationId,
        version: current.application.version,
      });
    }
    const started = await Application.start(key);
    return { actor, ...started, key: { ...key, applicationId: started.application.applicationId } };
  });
}

/** An organisation free to start an application: its current one, if any, withdrawn first. */
async function readyToStart(siteId: string, callerId?: string) {
  const { actor, key } = await organisationFor(siteId, callerId);
  await asMember(actor, siteId, async () => {
    const organisation = await Organisation.get(key);
    if (!organisation.currentApplicationId) return;
    const { application } = await Application.get({ ...key, applicationId: organisation.currentApplicationId });
    await Application.withdraw({ ...key, applicationId: application.applicationId, version: application.version });
  });
  return key;
}

/** A fresh organisation's application, sent and waiting in the process's second stage. */
async function submittedApplication(siteId: string) {
  const { actor, key } = await freshApplicant(siteId);
  return asMember(actor, siteId, async () => {
    const { application } = await Application.start(key);
    const applicationKey = { ...key, applicationId: application.applicationId };
    for (const [questionId, value] of Object.entries(worldAnswers)) {
      await Application.saveAnswer({ ...applicationKey, questionId, value, version: 0 });
    }
    return Application.submit({ ...applicationKey, version: application.version });
  });
}

/** The draft's current version, for an edit that must name it. */
async function draftVersion(siteId: string) {
  return (await withActor(setUp, () => Process.draft({ siteId }))).version;
}

/**
 * A provider of `siteId` aiming at another organisation's records: the refusal must not show its
 * name or answers.
 */
async function someoneElsesApplication(siteId: string) {
  const other = await freshApplicant(siteId);
  const answer = unique("Secret answer");
  const { application } = await asMember(other.actor, siteId, async () => {
    const started = await Application.start(other.key);
    await Application.saveAnswer({
      ...other.key,
      applicationId: started.application.applicationId,
      questionId: "q-values",
      value: answer,
      version: 0,
    });
    return started;
  });
  return {
    key: { ...other.key, applicationId: application.applicationId },
    version: application.version,
    secrets: [other.legalName, answer],
  };
}

/** A spare site with its process published and open to applications, for registering in. */
async function openSpareSite() {
  const siteId = await spareSite();
  await publishAndOpen(setUp, siteId);
  return siteId;
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
  "site.setOpen": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    // The site is closed first, so the call opens it again: it changes something and leaves the
    // site open for every other fixture.
    valid: async (siteId) => {
      if (await Site.isOpen(siteId)) await withActor(setUp, () => Site.setOpen({ siteId, open: false }));
      return { siteId, open: true };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "site.listOpen": {
    access: { kind: "public" },
    valid: async () => undefined,
  },
  "process.draft": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId }),
  },
  "process.versions": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId }),
  },
  "process.published": {
    access: { kind: "site", roles: ["lead", "team", "expert", "provider"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId }),
  },
  "process.saveQuestion": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({
      siteId,
      version: await draftVersion(siteId),
      pageId: "p-values",
      question: {
        kind: "long-text",
        required: false,
        wording: { plain: "What does a good day look like?", easyRead: "What is a good day?" },
      },
    }),
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.removeQuestion": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const draft = await withActor(setUp, async () =>
        Process.saveQuestion({
          siteId,
          version: await draftVersion(siteId),
          pageId: "p-values",
          question: { kind: "yes-no", required: false, wording: { plain: "To remove?", easyRead: "To remove?" } },
        }),
      );
      const added = draft.definition.pages.flatMap((page) => page.questions).at(-1);
      return { siteId, version: draft.version, questionId: added?.questionId };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.moveQuestion": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({
      siteId,
      version: await draftVersion(siteId),
      questionId: "q-values",
      direction: "down",
    }),
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.savePage": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({
      siteId,
      version: await draftVersion(siteId),
      page: { pageId: "p-about", title: { plain: "About your organisation", easyRead: "About you" } },
    }),
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.removePage": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const draft = await withActor(setUp, async () =>
        Process.savePage({
          siteId,
          version: await draftVersion(siteId),
          page: { title: { plain: "Spare page", easyRead: "Spare page" } },
        }),
      );
      return { siteId, version: draft.version, pageId: draft.definition.pages.at(-1)?.pageId };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.saveStages": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const draft = await withActor(setUp, () => Process.draft({ siteId }));
      return { siteId, version: draft.version, stages: draft.definition.stages };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.saveCriteria": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const draft = await withActor(setUp, () => Process.draft({ siteId }));
      return { siteId, version: draft.version, criteria: draft.definition.criteria };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.saveScale": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const draft = await withActor(setUp, () => Process.draft({ siteId }));
      return { siteId, version: draft.version, scale: draft.definition.scale };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.saveSettings": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => {
      const draft = await withActor(setUp, () => Process.draft({ siteId }));
      return { siteId, version: draft.version, settings: draft.definition.settings };
    },
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "process.publish": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, version: await draftVersion(siteId) }),
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "organisation.register": {
    access: { kind: "authed" },
    valid: async () => ({ siteId: await openSpareSite(), organisation: worldProfile(unique("Trustorg")) }),
    recordIdOf: (_input, result) => (result as { organisationId: string }).organisationId,
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "organisation.mine": {
    access: { kind: "authed" },
    valid: async () => undefined,
  },
  "organisation.get": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => (await organisationFor(siteId, callerId)).key,
    swap: async (ownSiteId, otherSiteId) => ({ ...(await freshApplicant(otherSiteId)).key, siteId: ownSiteId }),
    notOwner: async (siteId) => {
      const other = await freshApplicant(siteId);
      return { caller: "provider", input: other.key, secrets: [other.legalName] };
    },
  },
  "organisation.update": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => {
      const { actor, key } = await organisationFor(siteId, callerId);
      const current = await asMember(actor, siteId, () => Organisation.get(key));
      return {
        ...key,
        version: current.version,
        organisation: { ...worldProfile(current.legalName), peopleSupported: current.peopleSupported + 1 },
      };
    },
    recordIdOf: (input) => field(input, "organisationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    swap: async (ownSiteId, otherSiteId) => ({
      ...(await freshApplicant(otherSiteId)).key,
      siteId: ownSiteId,
      version: 1,
      organisation: worldProfile("Hijacked Ltd"),
    }),
    notOwner: async (siteId) => {
      const other = await freshApplicant(siteId);
      return {
        caller: "provider",
        input: { ...other.key, version: 1, organisation: worldProfile("Hijacked Ltd") },
        secrets: [other.legalName],
      };
    },
  },
  "application.get": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => (await draftFor(siteId, callerId)).key,
    swap: async (ownSiteId, otherSiteId) => ({
      ...(await someoneElsesApplication(otherSiteId)).key,
      siteId: ownSiteId,
    }),
    notOwner: async (siteId) => {
      const other = await someoneElsesApplication(siteId);
      return { caller: "provider", input: other.key, secrets: other.secrets };
    },
  },
  "application.history": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => (await organisationFor(siteId, callerId)).key,
    notOwner: async (siteId) => {
      const other = await someoneElsesApplication(siteId);
      const { applicationId: _, ...key } = other.key;
      return { caller: "provider", input: key, secrets: other.secrets };
    },
  },
  "application.start": {
    access: { kind: "site", roles: ["provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => readyToStart(siteId, callerId),
    recordIdOf: (_input, result) => (result as { application: { applicationId: string } }).application.applicationId,
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await freshApplicant(siteId);
      return { caller: "provider", input: other.key, secrets: [other.legalName] };
    },
  },
  "application.saveAnswer": {
    access: { kind: "site", roles: ["provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => {
      const draft = await draftFor(siteId, callerId);
      const saved = draft.answers.find((answer) => answer.questionId === "q-different");
      return { ...draft.key, questionId: "q-different", value: unique("Answer"), version: saved?.version ?? 0 };
    },
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesApplication(siteId);
      return {
        caller: "provider",
        input: { ...other.key, questionId: "q-values", value: "Overwritten", version: 1 },
        secrets: other.secrets,
      };
    },
  },
  "application.submit": {
    access: { kind: "site", roles: ["provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => {
      const draft = await draftFor(siteId, callerId);
      await asMember(draft.actor, siteId, async () => {
        for (const [questionId, value] of Object.entries(worldAnswers)) {
          const saved = draft.answers.find((answer) => answer.questionId === questionId);
          await Application.saveAnswer({ ...draft.key, questionId, value, version: saved?.version ?? 0 });
        }
      });
      return { ...draft.key, version: draft.application.version };
    },
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesApplication(siteId);
      return { caller: "provider", input: { ...other.key, version: other.version }, secrets: other.secrets };
    },
  },
  "application.withdraw": {
    access: { kind: "site", roles: ["provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => {
      const draft = await draftFor(siteId, callerId);
      return { ...draft.key, version: draft.application.version };
    },
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesApplication(siteId);
      return { caller: "provider", input: { ...other.key, version: other.version }, secrets: other.secrets };
    },
  },
  "application.board": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, column: "s-application", limit: 25 }),
  },
  "application.boardSummary": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId }),
  },
  "application.moveStage": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => {
      const application = await submittedApplication(siteId);
      const { siteId: _, organisationId, applicationId, version } = application;
      return { siteId, organisationId, applicationId, version, stageId: "s-panel" };
    },
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    swap: async (ownSiteId, otherSiteId) => {
      const application = await submittedApplication(otherSiteId);
      const { organisationId, applicationId, version } = application;
      return { siteId: ownSiteId, organisationId, applicationId, version, stageId: "s-panel" };
    },
  },
  "activity.list": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, limit: 50 }),
  },
};
