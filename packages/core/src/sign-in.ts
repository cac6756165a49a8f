import { type Actor, withActor } from "./actor";
import { change, NATIONAL_SCOPE, useChange } from "./change";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import * as Invitation from "./invitation";
import * as Person from "./person";

/** What a verified Cognito ID token says about who is signing in. */
export interface CognitoIdentity {
  /** The Cognito user's id, which never changes. */
  subject: string;
  email: string;
  emailVerified: boolean;
}

export type CognitoSignIn =
  | { status: "signed-in"; person: Person.Person }
  | { status: "refused"; reason: "email-not-verified" | "no-such-person" | "linked-to-another-account" };

/**
 * Finds the person a Cognito user is. A user already linked is found by their `sub`. On a first
 * sign-in the verified email names the person, and the `sub` is linked to them in one change
 * (the link item and the person's own record, each claimed once), so an email address that is
 * later changed, or moved to another account, can never take over someone's identity.
 */
export async function withCognito(identity: CognitoIdentity): Promise<CognitoSignIn> {
  // An unverified address is whatever the user typed: it proves nothing, even for a linked user.
  if (!identity.emailVerified) return { status: "refused", reason: "email-not-verified" };
  const linked = await personLinkedTo(identity.subject);
  if (linked) return { status: "signed-in", person: linked };

  const person = await personFor(identity.email);
  if (!person) return { status: "refused", reason: "no-such-person" };

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
  return name ? Person.createInvited({ name, email: address }) : undefined;
}

async function personLinkedTo(subject: string): Promise<Person.Person | undefined> {
  const link = await db.entities.signInLink.get({ subject }).go();
  if (!link.data) return undefined;
  return Person.get({ personId: link.data.personId }).catch((error) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });
}
