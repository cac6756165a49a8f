import {
  Application,
  Clock,
  Decision,
  DevelopmentPlan,
  ExpertTime,
  InformationRequest,
  Membership,
  Organisation,
  Person,
  Review,
} from "@smallsupports/core";
import type { Actor } from "@smallsupports/core/actor";
import { approvedStandings, mayApplyFrom } from "@smallsupports/core/organisation-shape";
import type { SiteRole } from "@smallsupports/core/role";
import { asMember } from "@smallsupports/core/seeding";
import { worldAnswers, worldEmail, worldName, worldSites, worldTeamShape } from "../testing/world";
import { freshApplicant, unique } from "./records";

/**
 * Panel review, decisions, requests for more information, development plans and experts' time:
 * the records their fixtures and attacks need, built through the services as people build them.
 * Builders return the text that the rules keep from everyone but the record's own people, so an
 * attack can look for it in a refusal.
 */

export interface ApplicationKey {
  siteId: string;
  organisationId: string;
  applicationId: string;
}

/** A sent application, at the version a change to it must name, and what of it must not leak. */
export interface SentApplication {
  actor: Actor;
  key: ApplicationKey;
  version: number;
  secrets: string[];
}

type Outcome = Parameters<typeof Decision.decide>[0]["outcome"];

/** The roles that review applications and record paid time. */
const panelRoles: readonly SiteRole[] = ["lead", "team", "expert"];

const keyOf = (application: ApplicationKey): ApplicationKey => ({
  siteId: application.siteId,
  organisationId: application.organisationId,
  applicationId: application.applicationId,
});
const actorOf = (personId: string): Actor => ({ personId, national: false });

const worldPeople = new Map<string, Promise<string>>();

/**
 * The id of the world's `nth` member of `siteId` with `role`, as testing/world.ts invites them.
 * Looked up by address rather than from the member list, which fresh applicants soon make long.
 */
export function worldMember(siteId: string, role: SiteRole, nth = 0): Promise<string> {
  const key = `${siteId}/${role}/${nth}`;
  let found = worldPeople.get(key);
  if (!found) {
    found = (async () => {
      const siteIndex = worldSites.findIndex((site) => site.siteId === siteId);
      const roleIndex = worldTeamShape.flatMap((shape, index) => (shape === role ? [index] : []))[nth];
      if (siteIndex < 0 || roleIndex === undefined)
        throw new Error(`The test world has no ${role} ${nth} in ${siteId}.`);
      const email = worldEmail(worldName(siteIndex * worldTeamShape.length + roleIndex));
      const person = await Person.findByEmail(email);
      if (!person) throw new Error(`The test world's ${role} ${nth} in ${siteId} has not signed in.`);
      return person.personId;
    })();
    worldPeople.set(key, found);
  }
  return found;
}

/** Runs `run` as the world's lead of `siteId`, who assigns reviewers, asks for more and decides. */
export async function asLead<T>(siteId: string, run: () => Promise<T>): Promise<T> {
  return asMember(actorOf(await worldMember(siteId, "lead")), siteId, run);
}

/**
 * Who reviews or records time for a call by `callerId`: the caller, when their role does; anyone
 * else (a provider, national staff, an attacker from another site) gets the world's first expert.
 */
export async function panelMemberFor(siteId: string, callerId?: string): Promise<string> {
  const member = callerId ? await Membership.find(siteId, callerId) : undefined;
  return member && panelRoles.includes(member.role) ? member.personId : worldMember(siteId, "expert");
}

/** A new organisation's application, written (one answer distinctive) and sent. */
export async function freshSent(siteId: string, answer = unique("Secret answer")): Promise<SentApplication> {
  const applicant = await freshApplicant(siteId);
  const application = await asMember(applicant.actor, siteId, async () => {
    const { application } = await Application.start(applicant.key);
    const key = keyOf(application);
    for (const [questionId, value] of Object.entries({ ...worldAnswers, "q-values": answer })) {
      await Application.saveAnswer({ ...key, questionId, value, version: 0 });
    }
    return Application.submit({ ...key, version: application.version });
  });
  return {
    actor: applicant.actor,
    key: keyOf(application),
    version: application.version,
    secrets: [applicant.legalName, answer],
  };
}

/** The organisation `callerId` acts for in `siteId`, when they are a provider with one. */
async function ownOrganisation(siteId: string, callerId?: string) {
  const member = callerId ? await Membership.find(siteId, callerId) : undefined;
  if (!member?.organisationId) return undefined;
  return { actor: actorOf(member.personId), organisation: await Organisation.read(siteId, member.organisationId) };
}

/**
 * A sent application for a call by `callerId`: their own organisation's when they act for one (a
 * provider reaches no other), otherwise a new organisation's. An organisation's current
 * application is used when already sent, or written and sent; after a decision of "not yet" it
 * applies again.
 */
export async function sentFor(siteId: string, callerId?: string): Promise<SentApplication> {
  const own = await ownOrganisation(siteId, callerId);
  if (!own) return freshSent(siteId);
  const { actor, organisation } = own;
  const organisationKey = { siteId, organisationId: organisation.organisationId };
  const application = await asMember(actor, siteId, async () => {
    const current = organisation.currentApplicationId
      ? await Application.get({ ...organisationKey, applicationId: organisation.currentApplicationId })
      : undefined;
    if (current?.application.status === "submitted") return current.application;
    if (current?.application.status === "decided" && !mayApplyFrom.includes(organisation.standing)) {
      throw new Error(
        `${organisation.legalName} is ${organisation.standing}, so it cannot apply again: a fixture that needs it applying must run before one that approves it.`,
      );
    }
    const draft = current?.application.status === "draft" ? current : await Application.start(organisationKey);
    const key = keyOf(draft.application);
    for (const [questionId, value] of Object.entries(worldAnswers)) {
      const saved = draft.answers.find((answer) => answer.questionId === questionId);
      await Application.saveAnswer({ ...key, questionId, value, version: saved?.version ?? 0 });
    }
    return Application.submit({ ...key, version: draft.application.version });
  });
  return { actor, key: keyOf(application), version: application.version, secrets: [organisation.legalName] };
}

/** A sent application with an open request for more information on one question (see sentFor). */
export async function openRequestFor(siteId: string, callerId?: string): Promise<SentApplication> {
  const sent = await sentFor(siteId, callerId);
  const application = await Application.read(sent.key);
  if (application.openRequestId) return { ...sent, version: application.version };
  const message = unique("Tell us more about the rota");
  const asked = await asLead(siteId, () =>
    InformationRequest.request({ ...sent.key, version: application.version, questionIds: ["q-values"], message }),
  );
  return { ...sent, version: asked.version, secrets: [...sent.secrets, message] };
}

/** The panel decides on a sent application, with reasons (and conditions, or what would change the answer). */
export async function decide(sent: SentApplication, outcome: Outcome): Promise<SentApplication> {
  const rationale = unique("The panel's reasons for its decision");
  const conditions = outcome === "walking-through" ? [unique("Condition to meet")] : [];
  const decided = await asLead(sent.key.siteId, () =>
    Decision.decide({
      ...sent.key,
      version: sent.version,
      outcome,
      rationale,
      conditions,
      ...(outcome === "not-yet" ? { whatWouldChange: "Show how one person's support was shaped around them." } : {}),
    }),
  );
  const application = await Application.read(keyOf(decided));
  return { ...sent, version: application.version, secrets: [...sent.secrets, rationale, ...conditions] };
}

const approving = (outcome: Outcome) => outcome === "approved" || outcome === "walking-through";

/**
 * A decided application for a call by `callerId` (see sentFor). A provider's own organisation
 * keeps the decision already made on it, unless an approval is asked for and that was not one:
 * an approved organisation cannot apply again.
 */
export async function decidedFor(siteId: string, callerId: string | undefined, outcome: Outcome) {
  const own = await ownOrganisation(siteId, callerId);
  const currentId = own?.organisation.currentApplicationId;
  if (own && currentId) {
    const current = await Application.read({
      siteId,
      organisationId: own.organisation.organisationId,
      applicationId: currentId,
    });
    const approved = approvedStandings.includes(own.organisation.standing);
    if (current.status === "decided" && (approved || !approving(outcome))) {
      return { actor: own.actor, key: keyOf(current), version: current.version, secrets: [own.organisation.legalName] };
    }
  }
  const sent = await sentFor(siteId, callerId);
  const application = await Application.read(sent.key);
  let version = application.version;
  if (application.openRequestId) {
    ({ version } = await asMember(sent.actor, siteId, () => InformationRequest.sendBack({ ...sent.key, version })));
  }
  return decide({ ...sent, version }, outcome);
}

/** An organisation the panel approved, for a call by `callerId` (their own, if they act for one). */
export async function approvedFor(siteId: string, callerId?: string) {
  const decided = await decidedFor(siteId, callerId, "approved");
  return { key: { siteId, organisationId: decided.key.organisationId }, secrets: decided.secrets };
}

/** What a goal of a development plan holds, under a distinctive title. */
export const goalInput = (title: string, status: "not-started" | "in-progress" | "done" = "not-started") => ({
  title,
  now: "We have started to shape support around one person.",
  aim: "Every person's support is shaped around them.",
  actions: "Meet each person's family every month.",
  owner: "The manager",
  targetDate: null,
  status,
});

/** A goal the site's lead adds to an approved organisation's plan. */
export async function goalIn(siteId: string, organisationId: string) {
  const title = unique("Secret goal");
  const plan = await asLead(siteId, () => DevelopmentPlan.addGoal({ siteId, organisationId, goal: goalInput(title) }));
  const goal = plan.goals.find((candidate) => candidate.title === title);
  if (!goal) throw new Error("The goal just added is not in the plan.");
  return { goalId: goal.goalId, version: goal.version, title };
}

/** How far a reviewer has gone: each step includes those before it. */
export type ReviewStep = "declare" | "recused" | "scoring" | "scored" | "submitted";

/**
 * The lead assigns `reviewerId` to an application, and the reviewer takes their review to `step`:
 * declared a conflict (recused) or none, one criterion scored, every criterion scored, or
 * submitted. `scores` are given to the criteria in order (null abstains; 3 of 4 otherwise), each
 * with `comment`. Returns the review's version and the reviewer's distinctive comment.
 */
export async function reviewTo(
  key: ApplicationKey,
  reviewerId: string,
  step: ReviewStep,
  scores: (number | null)[] = [],
  comment = unique("Secret comment"),
): Promise<{ version: number; secrets: string[] }> {
  await asLead(key.siteId, () => Review.assign({ ...key, reviewerId, dueDate: Clock.addDays(Clock.today(), 14) }));
  return asMember(actorOf(reviewerId), key.siteId, async () => {
    let { version } = await Review.mine(key);
    if (step === "declare") return { version, secrets: [] };
    const recused = step === "recused";
    const declared = await Review.declare({
      ...key,
      version,
      conflict: recused,
      ...(recused ? { reason: "I volunteer with the people who run it." } : {}),
    });
    version = declared.version;
    if (recused) return { version, secrets: [] };
    const criteria = declared.process?.definition.criteria ?? [];
    for (const [index, criterion] of (step === "scoring" ? criteria.slice(0, 1) : criteria).entries()) {
      const score = index < scores.length ? (scores[index] ?? null) : 3;
      ({ version } = await Review.saveScore({ ...key, version, criterionId: criterion.criterionId, score, comment }));
    }
    if (step === "submitted") ({ version } = await Review.submit({ ...key, version }));
    return { version, secrets: [comment] };
  });
}

/** An entry of `personId`'s paid time today, recorded by them: what `time.remove` names. */
export async function loggedTime(siteId: string, personId: string) {
  const date = Clock.today();
  return asMember(actorOf(personId), siteId, async () => {
    const before = await ExpertTime.mine({ siteId, month: date.slice(0, 7) });
    const after = await ExpertTime.log({ siteId, date, minutes: 90, activity: "reading" });
    const entry = after.entries.find((candidate) => !before.entries.some((old) => old.entryId === candidate.entryId));
    if (!entry) throw new Error("The time just recorded is not in the month's entries.");
    return { siteId, date, entryId: entry.entryId, version: entry.version };
  });
}
