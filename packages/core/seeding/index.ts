import { type Actor, systemActor, withActor, withMembership } from "../src/actor";
import * as Application from "../src/application";
import * as Decision from "../src/decision";
import * as Invitation from "../src/invitation";
import * as Membership from "../src/membership";
import * as Organisation from "../src/organisation";
import * as Person from "../src/person";
import * as Process from "../src/process";
import type { SiteRole } from "../src/role";
import * as SignIn from "../src/sign-in";
import * as Site from "../src/site";

/**
 * Building a world the way people build it, for the demo seed and for tests: a site is added
 * with its lead's invitation, people are invited, sign in and join. Every record then has the
 * statistics, audit events and messages the real actions give it. Never imported by the API.
 */

interface Invitee {
  name: string;
  email: string;
}

/** Someone invited signs in with their address and joins; returns them as a member. */
export async function signInAndJoin(siteId: string, invitee: Invitee, invitationId: string) {
  const person = await SignIn.personFor(invitee.email);
  if (!person) throw new Error(`No open invitation lets ${invitee.email} sign in.`);
  await withActor({ personId: person.personId, national: person.national }, () =>
    Invitation.accept({ siteId, invitationId }),
  );
  return Membership.get({ siteId, personId: person.personId });
}

/** National staff add a site; its first lead accepts at once. Returns the lead as an actor. */
export async function addSiteWithLead(
  national: Actor,
  site: { siteId: string; name: string; area: string },
  lead: Invitee,
): Promise<Actor> {
  await withActor(national, () => Site.create({ ...site, lead }));
  const [invitation] = await withActor(national, () => Invitation.leadInvitations({ siteId: site.siteId }));
  if (!invitation) throw new Error(`${site.siteId} has no lead invitation.`);
  const member = await signInAndJoin(site.siteId, lead, invitation.invitationId);
  return { personId: member.personId, national: false };
}

/** A lead invites someone, who signs in and joins. */
export async function inviteAndJoin(lead: Actor, input: Invitee & { siteId: string; role: SiteRole }) {
  const invitation = await withActor(lead, () => Invitation.invite(input));
  return signInAndJoin(input.siteId, input, invitation.invitationId);
}

/**
 * A site and its people for a test of one site's work: a national member of staff adds it, its
 * lead joins, and the lead invites each of `members`, who join. Returns each as an actor under
 * the key it was given, and the lead as `lead`.
 */
export async function addSiteWithTeam<Key extends string>(
  site: { siteId: string; name: string; area: string },
  lead: Invitee,
  members: Record<Key, Invitee & { role: SiteRole }>,
): Promise<Record<Key | "lead", Actor>> {
  const national = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: `national@${site.siteId}.example.org` }),
  );
  const cast = { lead: await addSiteWithLead({ personId: national.personId, national: true }, site, lead) } as Record<
    Key | "lead",
    Actor
  >;
  for (const [key, member] of Object.entries(members) as [Key, Invitee & { role: SiteRole }][]) {
    const joined = await inviteAndJoin(cast.lead, { siteId: site.siteId, ...member });
    cast[key] = { personId: joined.personId, national: false };
  }
  return cast;
}

/**
 * Runs `run` as `actor` acting in `siteId`, with their membership in the request context as the
 * API's site-scoped procedures give it (so record-level rules apply).
 */
export async function asMember<T>(actor: Actor, siteId: string, run: () => Promise<T>): Promise<T> {
  const member = await withActor(actor, () => Membership.get({ siteId, personId: actor.personId }));
  const { personId, role, organisationId } = member;
  return withActor(actor, () =>
    withMembership({ siteId, personId, role, ...(organisationId ? { organisationId } : {}) }, run),
  );
}

/**
 * Like `asMember`, for someone acting many times in one site: reads their membership once and
 * returns a runner, so a long run of actions (a review scored criterion by criterion) does not
 * read it again for each one. Take it after any change to the membership, such as registering
 * an organisation, which the runner would not see.
 */
export async function memberOf(actor: Actor, siteId: string): Promise<<T>(run: () => Promise<T>) => Promise<T>> {
  const member = await withActor(actor, () => Membership.get({ siteId, personId: actor.personId }));
  const { personId, role, organisationId } = member;
  const membership = { siteId, personId, role, ...(organisationId ? { organisationId } : {}) };
  return (run) => withActor(actor, () => withMembership(membership, run));
}

/** The lead publishes the site's draft process as it stands and opens the site to applications. */
export async function publishAndOpen(lead: Actor, siteId: string) {
  await withActor(lead, async () => {
    const draft = await Process.draft({ siteId });
    await Process.publish({ siteId, version: draft.version });
    await Site.setOpen({ siteId, open: true });
  });
}

/** Someone new signs up and registers their organisation's interest in an open site. */
export async function signUpAndRegister(
  siteId: string,
  person: Invitee,
  organisation: Parameters<typeof Organisation.register>[0]["organisation"],
) {
  const signedUp = await SignIn.signUp(person);
  const actor: Actor = { personId: signedUp.personId, national: false };
  const registered = await withActor(actor, () => Organisation.register({ siteId, organisation }));
  return { actor, organisation: registered };
}

/** Answers to the default process's required questions, for tests that need an application sent. */
export const defaultProcessAnswers: Record<string, Application.AnswerValue> = {
  "q-how-started": "Two of us left a large provider to run support the way the person wants.",
  "q-people-now": "o-1-to-5",
  "q-values": "The person and their family decide what good support looks like.",
  "q-one-person": "We moved the whole rota so that Sunday football never clashes.",
  "q-different": "We stay small on purpose and never sell services on.",
};

/** An established provider's details, registered with the CQC, under `legalName`. */
export const establishedProvider = (legalName: string, area = "Kendal") => ({
  legalName,
  area,
  foundedYear: 2016,
  peopleSupported: 5,
  cqcStatus: "registered" as const,
  cqcRating: "good" as const,
  difference: "We build support around one person at a time.",
});

/**
 * Someone new signs up, registers their organisation, applies (to the site's published default
 * process) and the lead approves it, so it joins the site's cohort. For tests that need providers
 * in a cohort more than they need the panel's work.
 */
export async function approvedProvider(
  lead: Actor,
  siteId: string,
  person: Invitee,
  organisation: Parameters<typeof Organisation.register>[0]["organisation"],
  answers: Record<string, Application.AnswerValue> = defaultProcessAnswers,
) {
  const { actor, organisation: registered } = await signUpAndRegister(siteId, person, organisation);
  const { organisationId } = registered;
  const key = await asMember(actor, siteId, async () => {
    const { application } = await Application.start({ siteId, organisationId });
    const key = { siteId, organisationId, applicationId: application.applicationId };
    for (const [questionId, value] of Object.entries(answers)) {
      await Application.saveAnswer({ ...key, questionId, value, version: 0 });
    }
    const sent = await Application.submit({ ...key, version: application.version });
    return { ...key, version: sent.version };
  });
  await asMember(lead, siteId, () =>
    Decision.decide({ ...key, outcome: "approved", rationale: "The panel saw support shaped around each person." }),
  );
  return { actor, organisationId };
}
