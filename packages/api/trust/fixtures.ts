import {
  Application,
  Clock,
  Cohort,
  ExpertTime,
  Invitation,
  Membership,
  NATIONAL_SCOPE,
  Organisation,
  Person,
  Process,
  Site,
} from "@smallsupports/core";
import { type Actor, withActor } from "@smallsupports/core/actor";
import type { SiteRole } from "@smallsupports/core/role";
import { asMember, inviteAndJoin, publishAndOpen } from "@smallsupports/core/seeding";
import type { Access } from "../src/trpc";
import { worldAnswers, worldProfile } from "../testing/world";
import {
  anotherNationalMentor,
  applicantOutsideCohort,
  bookedBy,
  eventBookedBy,
  freshCohortMember,
  isProvider,
  nationalEvent,
  nationalPairingFor,
  outsideThePairing,
  pairingFor,
  pastNationalEvent,
  pastSession,
  removedFromCohort,
  type ScheduledSession,
  scheduledSession,
  sessionInput,
  someoneElsesBookings,
} from "./cohort-records";
import {
  approvedFor,
  decidedFor,
  freshSent,
  goalIn,
  goalInput,
  loggedTime,
  openRequestFor,
  panelMemberFor,
  type ReviewStep,
  reviewTo,
  worldMember,
} from "./panel-records";
import { ensureOpen, fixtureNamePrefix, freshApplicant, freshInvitee, setUp, unique } from "./records";

export { fixtureNamePrefix, unique };

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
   * records it needs first. Without a caller the suite only attacks with the input (refused from
   * outside the site, or sent broken), so a fixture may hand the same records to every such call.
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
  notOwner?(siteId: string): Promise<{ caller: SiteRole | { personId: string }; input: unknown; secrets: string[] }>;
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
      // A decided application stays decided; "not yet" (the panel fixtures' decision) lets it apply again.
      if (current.application.status !== "decided") {
        await Application.withdraw({
          ...key,
          applicationId: current.application.applicationId,
          version: current.application.version,
        });
      }
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
    if (application.status === "decided") return;
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

const built = new Map<string, Promise<unknown>>();
/**
 * Builds a query's records once per key: a query changes nothing, so the hundreds of calls the
 * suite makes to it may all read the same records, and the suite stays quick.
 */
function once<T>(key: string, build: () => Promise<T>): Promise<T> {
  let found = built.get(key) as Promise<T> | undefined;
  if (!found) {
    found = build();
    built.set(key, found);
    found.catch(() => built.delete(key));
  }
  return found;
}

/**
 * The records for a change, built afresh for a named caller, whose call succeeds; shared by every
 * call without one, which the suite only attacks with (see `Fixture.valid`), so the table does not
 * grow by an application for each of a change's attackers.
 */
function forCaller<T>(path: string, siteId: string, callerId: string | undefined, build: () => Promise<T>): Promise<T> {
  return callerId ? build() : once(`${path} ${siteId}`, build);
}

/** A fresh application reviewed by the caller (see panelMemberFor), their review taken to `step`. */
async function reviewing(siteId: string, callerId: string | undefined, step: ReviewStep) {
  const sent = await freshSent(siteId);
  const review = await reviewTo(sent.key, await panelMemberFor(siteId, callerId), step);
  return { key: sent.key, version: review.version };
}

/**
 * An application reviewed by one of the site's team, taken to `step`: the caller the suite
 * sends, an expert, is not assigned to it. Its name, answers and the team member's comments must
 * not reach them.
 */
async function someoneElsesReview(siteId: string, step: ReviewStep) {
  const sent = await freshSent(siteId);
  const review = await reviewTo(sent.key, await worldMember(siteId, "team"), step);
  return { key: sent.key, version: review.version, secrets: [...sent.secrets, ...review.secrets] };
}

/** Another organisation's request for more information: a provider must not read or answer it. */
async function someoneElsesRequest(siteId: string) {
  const request = await openRequestFor(siteId);
  return { caller: "provider" as const, key: request.key, version: request.version, secrets: request.secrets };
}

/**
 * An approved organisation (the caller's own, if they act for one), kept for every plan call:
 * it stays approved, and each call adds only its own goal.
 */
const approvedOnce = (siteId: string, callerId?: string) =>
  once(`approved ${siteId} ${callerId ?? "anyone"}`, () => approvedFor(siteId, callerId));

/** Another organisation's plan, with a goal in it: a provider must not reach either. */
async function someoneElsesPlan(siteId: string) {
  const other = await approvedFor(siteId);
  const goal = await goalIn(siteId, other.key.organisationId);
  return { key: other.key, goal, secrets: [...other.secrets, goal.title] };
}

/**
 * Whose time a time fixture's input records. Neither the input nor the result names them (the
 * service takes the caller), so the audit check's `recordIdOf` looks the input up here.
 */
const timeOwners = new WeakMap<object, string>();
function ownedBy<T extends object>(input: T, personId: string | undefined): T {
  if (personId) timeOwners.set(input, personId);
  return input;
}
const timeOwnerOf = (input: unknown) => timeOwners.get(input as object) ?? "unknown";

const thisMonth = () => Clock.today().slice(0, 7);
const panelRecord = {
  agreedView: "The panel agreed the organisation shapes support around each person.",
  feedback: "Tell us more about how you recruit staff with each person.",
};

const field = (input: unknown, key: string) => String((input as Record<string, unknown>)[key]);

/**
 * Puts the caller's organisation in the site's cohort (approving it), so a provider's call
 * succeeds; for anyone else, the cohort gets an approved organisation of its own.
 */
const inCohort = (siteId: string, callerId?: string) => approvedOnce(siteId, callerId);

/** A session every read may share (reads change nothing). */
const sessionToRead = (siteId: string) => once(`session ${siteId}`, () => scheduledSession(siteId));
/** A second one, so the list of sessions has a next page to point a cursor at. */
const anotherSessionToRead = (siteId: string) => once(`another session ${siteId}`, () => scheduledSession(siteId));

/** The cohort rule's attack: a provider whose organisation applied but is not approved. */
async function outsideCohort(siteId: string, input: (session: ScheduledSession) => unknown) {
  const session = await scheduledSession(siteId);
  return {
    caller: { personId: await applicantOutsideCohort(siteId) },
    input: input(session),
    secrets: session.secrets,
  };
}
const cohortRule = {
  kind: "site",
  roles: ["lead", "team", "provider"],
  nationalMayRead: false,
  records: "cohort",
} as const;
const bookingRule = { kind: "site", roles: ["provider"], nationalMayRead: false, records: "cohort" } as const;
const runCohortRule = { kind: "site", roles: ["lead", "team"], nationalMayRead: false } as const;
const pairRule = {
  kind: "site",
  roles: ["lead", "team", "provider"],
  nationalMayRead: false,
  records: "pair",
} as const;
/** A pairing for a caller (theirs, if they act for an organisation), kept for every call: logging a meeting only adds one. */
const pairingOnce = (siteId: string, callerId?: string) =>
  once(`pairing ${siteId} ${callerId ?? "anyone"}`, () => pairingFor(siteId, callerId));
/** A pairing with a national mentor (the caller, if they are one), kept for every call. */
const nationalPairingOnce = (siteId: string, callerId?: string) =>
  once(`national pairing ${siteId} ${callerId ?? "anyone"}`, () => nationalPairingFor(siteId, callerId));
const mentorRule = { kind: "mentor", records: "pair" } as const;
/** The pair rule's attack on a national mentor's pairing: another national mentor. */
async function anotherMentorsPairing(siteId: string, input: (key: { siteId: string; pairId: string }) => unknown) {
  const pairing = await nationalPairingOnce(siteId);
  return { caller: { personId: await anotherNationalMentor() }, input: input(pairing.key), secrets: pairing.secrets };
}
const sessionIdOf = (input: unknown) => field(input, "sessionId");
/** National events every read may share, two so their lists have a next page. */
const eventToRead = () => once("national event", () => nationalEvent());
const anotherEventToRead = () => once("another national event", () => nationalEvent());
/** The cohort rule's attack on a national event read through a site: a provider outside the cohort. */
async function outsideCohortForEvent(siteId: string, input: (sessionId: string) => unknown) {
  const event = await eventToRead();
  return {
    caller: { personId: await applicantOutsideCohort(siteId) },
    input: input(event.sessionId),
    secrets: event.secrets,
  };
}
const siteOf = (input: unknown) => field(input, "siteId");
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
  "me.inbox": {
    access: { kind: "authed" },
    valid: async () => undefined,
  },
  "review.assignments": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: (siteId) => once(`assignments ${siteId}`, async () => (await reviewing(siteId, undefined, "declare")).key),
  },
  "review.assign": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: (siteId, callerId) =>
      forCaller("review.assign", siteId, callerId, async () => ({
        ...(await freshSent(siteId)).key,
        reviewerId: await worldMember(siteId, "expert"),
        dueDate: Clock.addDays(Clock.today(), 14),
      })),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "review.reschedule": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: (siteId, callerId) =>
      forCaller("review.reschedule", siteId, callerId, async () => {
        const { key, version } = await reviewing(siteId, undefined, "declare");
        const reviewerId = await worldMember(siteId, "expert");
        return { ...key, reviewerId, dueDate: Clock.addDays(Clock.today(), 21), version };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "review.unassign": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: (siteId, callerId) =>
      forCaller("review.unassign", siteId, callerId, async () => {
        const { key, version } = await reviewing(siteId, undefined, "declare");
        return { ...key, reviewerId: await worldMember(siteId, "expert"), version };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "review.mine": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false, records: "assigned" },
    valid: (siteId, callerId) =>
      once(`mine ${siteId} ${callerId}`, async () => (await reviewing(siteId, callerId, "scoring")).key),
    notOwner: async (siteId) => {
      const other = await someoneElsesReview(siteId, "scoring");
      return { caller: "expert", input: other.key, secrets: other.secrets };
    },
  },
  "review.declare": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false, records: "assigned" },
    valid: (siteId, callerId) =>
      forCaller("review.declare", siteId, callerId, async () => {
        const { key, version } = await reviewing(siteId, callerId, "declare");
        return { ...key, version, conflict: false };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesReview(siteId, "declare");
      return {
        caller: "expert",
        input: { ...other.key, version: other.version, conflict: false },
        secrets: other.secrets,
      };
    },
  },
  "review.saveScore": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false, records: "assigned" },
    valid: (siteId, callerId) =>
      forCaller("review.saveScore", siteId, callerId, async () => {
        const { key, version } = await reviewing(siteId, callerId, "scoring");
        return { ...key, version, criterionId: "c-2", score: 2, comment: unique("Comment") };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesReview(siteId, "scoring");
      return {
        caller: "expert",
        input: { ...other.key, version: other.version, criterionId: "c-1", score: 1, comment: "Overwritten" },
        secrets: other.secrets,
      };
    },
  },
  "review.submit": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false, records: "assigned" },
    valid: (siteId, callerId) =>
      forCaller("review.submit", siteId, callerId, async () => {
        const { key, version } = await reviewing(siteId, callerId, "scored");
        return { ...key, version };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesReview(siteId, "scored");
      return { caller: "expert", input: { ...other.key, version: other.version }, secrets: other.secrets };
    },
  },
  "review.panel": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false, records: "assigned" },
    // The caller has submitted their own review, so they may read everyone's.
    valid: (siteId, callerId) =>
      once(`panel ${siteId} ${callerId}`, async () => (await reviewing(siteId, callerId, "submitted")).key),
    notOwner: async (siteId) => {
      const other = await someoneElsesReview(siteId, "submitted");
      return { caller: "expert", input: other.key, secrets: other.secrets };
    },
  },
  "review.recordPanel": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    // Reviewed by an expert, not the lead: a lead still reviewing could not record the panel's view.
    valid: (siteId, callerId) =>
      forCaller("review.recordPanel", siteId, callerId, async () => ({
        ...(await reviewing(siteId, undefined, "submitted")).key,
        version: 0,
        ...panelRecord,
      })),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "decision.decide": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: (siteId, callerId) =>
      forCaller("decision.decide", siteId, callerId, async () => {
        const sent = await freshSent(siteId);
        return {
          ...sent.key,
          version: sent.version,
          outcome: "walking-through",
          rationale: "The panel saw support shaped around each person.",
          conditions: ["Finish registering with the Care Quality Commission."],
        };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "decision.get": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    // "Not yet" leaves a provider caller's own organisation free to apply again for later fixtures.
    valid: (siteId, callerId) =>
      once(`decision ${siteId} ${callerId}`, async () => (await decidedFor(siteId, callerId, "not-yet")).key),
    notOwner: async (siteId) => {
      const other = await decidedFor(siteId, undefined, "walking-through");
      return { caller: "provider", input: other.key, secrets: other.secrets };
    },
  },
  "decision.requestInformation": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: (siteId, callerId) =>
      forCaller("decision.requestInformation", siteId, callerId, async () => {
        const sent = await freshSent(siteId);
        return { ...sent.key, version: sent.version, questionIds: ["q-values"], message: unique("Tell us more") };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "decision.informationRequests": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: (siteId, callerId) =>
      once(`requests ${siteId} ${callerId}`, async () => (await openRequestFor(siteId, callerId)).key),
    notOwner: async (siteId) => {
      const other = await someoneElsesRequest(siteId);
      return { caller: other.caller, input: other.key, secrets: other.secrets };
    },
  },
  "decision.sendBack": {
    access: { kind: "site", roles: ["provider"], nationalMayRead: false, records: "own-organisation" },
    valid: (siteId, callerId) =>
      forCaller("decision.sendBack", siteId, callerId, async () => {
        const request = await openRequestFor(siteId, callerId);
        return { ...request.key, version: request.version };
      }),
    recordIdOf: (input) => field(input, "applicationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesRequest(siteId);
      return { caller: other.caller, input: { ...other.key, version: other.version }, secrets: other.secrets };
    },
  },
  "plan.get": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => (await approvedOnce(siteId, callerId)).key,
    notOwner: async (siteId) => {
      const other = await someoneElsesPlan(siteId);
      return { caller: "provider", input: other.key, secrets: other.secrets };
    },
  },
  "plan.addGoal": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => ({
      ...(await approvedOnce(siteId, callerId)).key,
      goal: goalInput(unique("Goal")),
    }),
    recordIdOf: (input) => field(input, "organisationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesPlan(siteId);
      return { caller: "provider", input: { ...other.key, goal: goalInput("Hijacked goal") }, secrets: other.secrets };
    },
  },
  "plan.updateGoal": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => {
      const { key } = await approvedOnce(siteId, callerId);
      const goal = await goalIn(siteId, key.organisationId);
      return { ...key, goalId: goal.goalId, version: goal.version, goal: goalInput(goal.title, "in-progress") };
    },
    recordIdOf: (input) => field(input, "organisationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesPlan(siteId);
      return {
        caller: "provider",
        input: {
          ...other.key,
          goalId: other.goal.goalId,
          version: other.goal.version,
          goal: goalInput("Hijacked goal"),
        },
        secrets: other.secrets,
      };
    },
  },
  "plan.removeGoal": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => {
      const { key } = await approvedOnce(siteId, callerId);
      const goal = await goalIn(siteId, key.organisationId);
      return { ...key, goalId: goal.goalId, version: goal.version };
    },
    recordIdOf: (input) => field(input, "organisationId"),
    auditSiteOf: (input) => field(input, "siteId"),
    notOwner: async (siteId) => {
      const other = await someoneElsesPlan(siteId);
      return {
        caller: "provider",
        input: { ...other.key, goalId: other.goal.goalId, version: other.goal.version },
        secrets: other.secrets,
      };
    },
  },
  "time.log": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false },
    valid: async (siteId, callerId) =>
      ownedBy({ siteId, date: Clock.today(), minutes: 60, activity: "panel" }, await panelMemberFor(siteId, callerId)),
    recordIdOf: timeOwnerOf,
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "time.mine": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, month: thisMonth() }),
  },
  "time.remove": {
    access: { kind: "site", roles: ["lead", "team", "expert"], nationalMayRead: false, records: "self" },
    valid: async (siteId, callerId) => {
      const owner = await panelMemberFor(siteId, callerId);
      return ownedBy(await loggedTime(siteId, owner), owner);
    },
    recordIdOf: timeOwnerOf,
    auditSiteOf: (input) => field(input, "siteId"),
    // The service finds the entry under the caller's own name, so someone else's is not found.
    notOwner: async (siteId) => ({
      caller: "expert",
      input: await loggedTime(siteId, await worldMember(siteId, "team")),
      secrets: [],
    }),
  },
  "time.totals": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, month: thisMonth() }),
  },
  "time.payRate": {
    access: { kind: "site", roles: ["lead", "team"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId }),
  },
  "time.exportCsv": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, month: thisMonth() }),
  },
  "time.setPayRate": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({
      siteId,
      version: (await ExpertTime.payRate({ siteId })).version,
      dayRatePence: 16_000,
      hoursPerDay: 7.5,
    }),
    recordIdOf: (input) => field(input, "siteId"),
    auditSiteOf: (input) => field(input, "siteId"),
  },
  "cohort.directory": {
    access: cohortRule,
    valid: async (siteId, callerId) => {
      await inCohort(siteId, callerId);
      return { siteId };
    },
    notOwner: (siteId) => outsideCohort(siteId, () => ({ siteId })),
  },
  "cohort.remove": {
    access: runCohortRule,
    valid: async (siteId) => {
      const member = await freshCohortMember(siteId);
      return { ...member.key, version: member.version, reason: "They asked for a break." };
    },
    recordIdOf: (input) => field(input, "organisationId"),
    auditSiteOf: siteOf,
  },
  "cohort.add": {
    access: runCohortRule,
    valid: async (siteId) => ({ ...(await removedFromCohort(siteId)).key, reason: "They are back." }),
    recordIdOf: (input) => field(input, "organisationId"),
    auditSiteOf: siteOf,
  },
  "cohort.myContact": {
    access: bookingRule,
    valid: async (siteId, callerId) => {
      await inCohort(siteId, callerId);
      return { siteId };
    },
    notOwner: (siteId) => outsideCohort(siteId, () => ({ siteId })),
  },
  "cohort.shareContact": {
    access: bookingRule,
    valid: async (siteId, callerId) => {
      await inCohort(siteId, callerId);
      const version = (await isProvider(siteId, callerId))
        ? (
            await asMember({ personId: callerId as string, national: false }, siteId, () =>
              Cohort.myContact({ siteId }),
            )
          ).version
        : null;
      return { siteId, shareEmail: true, phone: "01234 567890", about: "Glad to talk about rotas", version };
    },
    recordIdOf: (_input, result) => (result as { organisationId: string }).organisationId,
    auditSiteOf: siteOf,
    notOwner: (siteId) =>
      outsideCohort(siteId, () => ({ siteId, shareEmail: true, phone: "", about: "", version: null })),
  },
  "session.list": {
    access: cohortRule,
    valid: async (siteId, callerId) => {
      await Promise.all([inCohort(siteId, callerId), sessionToRead(siteId), anotherSessionToRead(siteId)]);
      return { siteId, when: "upcoming", limit: 20 };
    },
    notOwner: (siteId) => outsideCohort(siteId, () => ({ siteId, when: "upcoming", limit: 20 })),
  },
  "session.get": {
    access: cohortRule,
    valid: async (siteId, callerId) => {
      const [, session] = await Promise.all([inCohort(siteId, callerId), sessionToRead(siteId)]);
      return session.key;
    },
    notOwner: (siteId) => outsideCohort(siteId, (session) => session.key),
  },
  "session.create": {
    access: runCohortRule,
    valid: async (siteId) => ({ siteId, session: sessionInput(unique("Session")) }),
    recordIdOf: (_input, result) => (result as { sessionId: string }).sessionId,
    auditSiteOf: siteOf,
  },
  "session.update": {
    access: runCohortRule,
    valid: async (siteId) => {
      const session = await scheduledSession(siteId);
      return {
        ...session.key,
        version: session.version,
        session: { ...sessionInput(unique("Session")), capacity: 30 },
        reason: "A bigger room came free.",
      };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: siteOf,
  },
  "session.cancel": {
    access: runCohortRule,
    valid: async (siteId) => {
      const session = await scheduledSession(siteId);
      return { ...session.key, version: session.version, reason: "The trainer is unwell." };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: siteOf,
  },
  "session.recordAttendance": {
    access: runCohortRule,
    valid: async (siteId) => {
      const session = await pastSession(siteId);
      return { ...session.key, version: session.version, attended: [] };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: siteOf,
  },
  "session.book": {
    access: bookingRule,
    valid: async (siteId, callerId) => {
      await inCohort(siteId, callerId);
      return (await scheduledSession(siteId)).key;
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: siteOf,
    notOwner: (siteId) => outsideCohort(siteId, (session) => session.key),
  },
  "session.cancelPlace": {
    access: bookingRule,
    valid: async (siteId, callerId) => {
      await inCohort(siteId, callerId);
      if (!callerId || !(await isProvider(siteId, callerId))) return (await sessionToRead(siteId)).key;
      return (await bookedBy(siteId, callerId)).key;
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: siteOf,
    notOwner: (siteId) => outsideCohort(siteId, (session) => session.key),
  },
  "session.ofOrganisation": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false, records: "own-organisation" },
    valid: async (siteId, callerId) => (await inCohort(siteId, callerId)).key,
    notOwner: async (siteId) => {
      const other = await someoneElsesBookings(siteId);
      return { caller: "provider", input: other.key, secrets: other.secrets };
    },
  },
  "mentoring.list": {
    access: { kind: "site", roles: ["lead", "team", "provider"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId }),
  },
  "mentoring.candidates": {
    access: runCohortRule,
    valid: async (siteId) => ({ siteId }),
  },
  "mentoring.create": {
    access: runCohortRule,
    valid: async (siteId) => {
      const [mentee, mentor] = await Promise.all([
        freshCohortMember(siteId),
        decidedFor(siteId, undefined, "approved"),
      ]);
      return {
        siteId,
        menteeOrganisationId: mentee.key.organisationId,
        mentorPersonId: mentor.actor.personId,
        goals: "Grow from three people to five, one at a time.",
      };
    },
    recordIdOf: (_input, result) => (result as { pair: { pairId: string } }).pair.pairId,
    auditSiteOf: siteOf,
  },
  "mentoring.get": {
    access: pairRule,
    valid: async (siteId, callerId) => (await pairingOnce(siteId, callerId)).key,
    notOwner: async (siteId) => {
      const pairing = await pairingOnce(siteId);
      return { caller: { personId: await outsideThePairing(siteId) }, input: pairing.key, secrets: pairing.secrets };
    },
  },
  "mentoring.logMeeting": {
    access: pairRule,
    valid: async (siteId, callerId) => ({
      ...(await pairingOnce(siteId, callerId)).key,
      date: Clock.today(),
      minutes: 45,
      notes: "We talked about recruiting.",
    }),
    recordIdOf: (input) => field(input, "pairId"),
    auditSiteOf: siteOf,
    notOwner: async (siteId) => {
      const pairing = await pairingOnce(siteId);
      return {
        caller: { personId: await outsideThePairing(siteId) },
        input: { ...pairing.key, date: Clock.today(), minutes: 45, notes: "Hijacked notes" },
        secrets: pairing.secrets,
      };
    },
  },
  "mentoring.end": {
    access: runCohortRule,
    valid: async (siteId) => {
      const pairing = await pairingFor(siteId);
      return { ...pairing.key, version: pairing.version, reason: "They found a mentor nearer home." };
    },
    recordIdOf: (input) => field(input, "pairId"),
    auditSiteOf: siteOf,
  },
  "nationalEvent.list": {
    access: { kind: "national" },
    valid: async () => {
      await Promise.all([eventToRead(), anotherEventToRead()]);
      return { when: "upcoming", limit: 20 };
    },
  },
  "nationalEvent.get": {
    access: { kind: "national" },
    valid: async () => ({ sessionId: (await eventToRead()).sessionId }),
  },
  "nationalEvent.create": {
    access: { kind: "national" },
    valid: async () => ({ session: sessionInput(unique("National event")) }),
    recordIdOf: (_input, result) => (result as { sessionId: string }).sessionId,
    auditSiteOf: () => NATIONAL_SCOPE,
  },
  "nationalEvent.update": {
    access: { kind: "national" },
    valid: async () => {
      const event = await nationalEvent();
      return {
        sessionId: event.sessionId,
        version: event.version,
        session: { ...sessionInput(unique("National event")), capacity: 30 },
        reason: "The hall can take fewer people.",
      };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: () => NATIONAL_SCOPE,
  },
  "nationalEvent.cancel": {
    access: { kind: "national" },
    valid: async () => {
      const event = await nationalEvent();
      return { sessionId: event.sessionId, version: event.version, reason: "The speaker is unwell." };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: () => NATIONAL_SCOPE,
  },
  "nationalEvent.recordAttendance": {
    access: { kind: "national" },
    valid: async () => {
      const event = await pastNationalEvent();
      return { sessionId: event.sessionId, version: event.version, attended: [] };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: () => NATIONAL_SCOPE,
  },
  "nationalEvent.forCohort": {
    access: cohortRule,
    valid: async (siteId, callerId) => {
      await Promise.all([inCohort(siteId, callerId), eventToRead(), anotherEventToRead()]);
      return { siteId, when: "upcoming", limit: 20 };
    },
    notOwner: (siteId) => outsideCohortForEvent(siteId, () => ({ siteId, when: "upcoming", limit: 20 })),
  },
  "nationalEvent.getForCohort": {
    access: cohortRule,
    valid: async (siteId, callerId) => {
      const [, event] = await Promise.all([inCohort(siteId, callerId), eventToRead()]);
      return { siteId, sessionId: event.sessionId };
    },
    notOwner: (siteId) => outsideCohortForEvent(siteId, (sessionId) => ({ siteId, sessionId })),
  },
  "nationalEvent.book": {
    access: bookingRule,
    valid: async (siteId, callerId) => {
      await inCohort(siteId, callerId);
      return { siteId, sessionId: (await nationalEvent()).sessionId };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: () => NATIONAL_SCOPE,
    notOwner: (siteId) => outsideCohortForEvent(siteId, (sessionId) => ({ siteId, sessionId })),
  },
  "nationalEvent.cancelPlace": {
    access: bookingRule,
    valid: async (siteId, callerId) => {
      await inCohort(siteId, callerId);
      const event =
        callerId && (await isProvider(siteId, callerId)) ? await eventBookedBy(siteId, callerId) : await eventToRead();
      return { siteId, sessionId: event.sessionId };
    },
    recordIdOf: sessionIdOf,
    auditSiteOf: () => NATIONAL_SCOPE,
    notOwner: (siteId) => outsideCohortForEvent(siteId, (sessionId) => ({ siteId, sessionId })),
  },
  "mentoring.mine": {
    access: { kind: "mentor" },
    valid: async (siteId, callerId) => {
      await nationalPairingOnce(siteId, callerId);
      return {};
    },
  },
  "mentoring.getAsMentor": {
    access: mentorRule,
    valid: async (siteId, callerId) => (await nationalPairingOnce(siteId, callerId)).key,
    notOwner: (siteId) => anotherMentorsPairing(siteId, (key) => key),
  },
  "mentoring.logMeetingAsMentor": {
    access: mentorRule,
    valid: async (siteId, callerId) => ({
      ...(await nationalPairingOnce(siteId, callerId)).key,
      date: Clock.today(),
      minutes: 45,
      notes: "We talked about the first year.",
    }),
    recordIdOf: (input) => field(input, "pairId"),
    auditSiteOf: siteOf,
    notOwner: (siteId) =>
      anotherMentorsPairing(siteId, (key) => ({ ...key, date: Clock.today(), minutes: 45, notes: "Hijacked notes" })),
  },
  "analytics.national": {
    access: { kind: "national" },
    valid: async () => ({ period: "year" }),
  },
  "analytics.exportNational": {
    access: { kind: "national" },
    valid: async () => ({ period: "quarter", table: "sites" }),
    recordIdOf: (input) => field(input, "table"),
    auditSiteOf: () => NATIONAL_SCOPE,
  },
  "analytics.site": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, period: "all" }),
  },
  "analytics.exportSite": {
    access: { kind: "site", roles: ["lead"], nationalMayRead: false },
    valid: async (siteId) => ({ siteId, period: "year", table: "characteristics" }),
    recordIdOf: (input) => field(input, "table"),
    auditSiteOf: siteOf,
  },
  "nationalMentor.list": {
    access: { kind: "national" },
    valid: async () => ({}),
  },
  "nationalMentor.name": {
    access: { kind: "national" },
    valid: async () => ({ ...freshInvitee(), about: "Ran a small support for years and mentors new ones." }),
    recordIdOf: (_input, result) => (result as { personId: string }).personId,
    auditSiteOf: () => NATIONAL_SCOPE,
  },
  "nationalMentor.setAvailable": {
    access: { kind: "national" },
    valid: async () => {
      const personId = await anotherNationalMentor();
      return { personId, version: 1, available: false };
    },
    recordIdOf: (input) => field(input, "personId"),
    auditSiteOf: () => NATIONAL_SCOPE,
  },
};
