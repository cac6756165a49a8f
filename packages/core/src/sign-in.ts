import * as z from "zod";
import { type Actor, withActor } from "./actor";
import { change, NATIONAL_SCOPE, useChange } from "./change";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import * as Invitation from "./invitation";
import * as Person from "./person";
import { emailSchema, personNameSchema, verb } from "./validation";

/** What a verified Cognito ID token says about who is signing in. */
export interface CognitoIdentity {
  /** The Cognito user's id, which never changes. */
  subject: string;
  email: string;
  emailVerified: boolean;
  /** The name they gave when they signed up, if any. */
  name?: string;
}

export type CognitoSignIn =
  | { status: "signed-in"; person: Person.Person }
  | { status: "refused"; reason: "email-not-verified" | "linked-to-another-account" };

/**
 * Finds the person a Cognito user is. A user already linked is found by their `sub`. On a first
 * sign-in the verified email names the person (someone who signed themselves up becomes a person
 * now, belonging nowhere until they register an organisation or accept an invitation), and the
 * `sub` is linked to them in one change
 * (the link item and the person's own record, each claimed once), so an email address that is
 * later changed, or moved to another account, can never take over someone's identity.
 */
export async function withCognito(identity: CognitoIdentity): Promise<CognitoSignIn> {
  // An unverified address is whatever the user typed: it proves nothing, even for a linked user.
  if (!identity.emailVerified) return { status: "refused", reason: "email-not-verified" };
  const linked = await personLinkedTo(identity.subject);
  if (linked) return { status: "signed-in", person: linked };

  const person =
    (await personFor(identity.email)) ??
    (await Person.createAtFirstSignIn({ name: nameFor(identity), email: identity.email.trim().toLowerCase() }));

  const actor: Actor = { personId: person.personId, national: person.national };
  try {
    await withActor(actor, () =>
      change("person.linkSignIn", async () => {
        const { write, audit } = useChange();
        write(({ signInLink }) => signInLink.create({ subject: identity.subject, personId: person.personId }).commit());
        write(({ person: people }) =>
          people
            .patch({ personId: person.personId })
            .set({ signInSubject: identity.subject })
            // A person already linked to another Cognito user fails here, and nothing is written.
            .where((attributes, operations) => operations.notExists(attributes.signInSubject))
            .commit(),
        );
        audit({
          siteId: NATIONAL_SCOPE,
          action: "person.sign_in_linked",
          recordType: "person",
          recordId: person.personId,
        });
      }),
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // The person is linked to another Cognito user, or two first sign-ins raced and the other won.
    const winner = await personLinkedTo(identity.subject);
    return winner
      ? { status: "signed-in", person: winner }
      : { status: "refused", reason: "linked-to-another-account" };
  }
  return { status: "signed-in", person };
}

/**
 * The person a verified address names: whoever holds it, or someone invited who is signing in for
 * the first time (made a person now, named as they were invited). Anyone else is no one.
 */
export async function personFor(email: string): Promise<Person.Person | undefined> {
  const address = email.trim().toLowerCase();
  const holder = await Person.findByEmail(address);
  if (holder) return holder;
  const name = await Invitation.nameInvitedAs(address);
  return name ? Person.createAtFirstSignIn({ name, email: address }) : undefined;
}

/**
 * Signs up someone new with a verified address (locally, the dev sign-up stands in for Cognito's
 * self sign-up and its emailed code). Someone who already has an account, or an invitation, is
 * sent to sign in instead, so signing up can never take over an address.
 */
export const signUp = verb(z.strictObject({ name: personNameSchema, email: emailSchema }), async ({ name, email }) => {
  if ((await Person.findByEmail(email)) || (await Invitation.nameInvitedAs(email))) {
    throw new ConflictError("That address already has an account or an invitation. Sign in with it instead.");
  }
  return Person.createAtFirstSignIn({ name, email });
});

/** A Cognito user's name as they gave it, or else the part of their address before the @. */
function nameFor(identity: CognitoIdentity): string {
  const given = identity.name?.trim().slice(0, 100);
  if (given && given.length >= 2) return given;
  const local = identity.email.split("@")[0] ?? "";
  return local.length >= 2 ? local.slice(0, 100) : "New member";
}

/** The person a Cognito user was linked to on their first sign-in, if they have signed in before. */
export async function linkedPersonId(subject: string): Promise<string | undefined> {
  const link = await db.entities.signInLink.get({ subject }).go();
  return link.data?.personId;
}

async function personLinkedTo(subject: string): Promise<Person.Person | undefined> {
  const personId = await linkedPersonId(subject);
  if (!personId) return undefined;
  return Person.get({ personId }).catch((error) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });
}
