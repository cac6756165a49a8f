import { Person, SignIn } from "@smallsupports/core";
import { NotFoundError, ValidationError } from "@smallsupports/core/errors";
import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import type { ApiConfig } from "./env";

/** Sign-ins last at most this long; then the person signs in again. */
export const tokenLifetimeSeconds = 12 * 60 * 60;

const devIssuer = "smallsupports-local";
const devAudience = "smallsupports";

export type SignInResult =
  | {
      status: "signed-in";
      /** The person the checked token names, known before their record is read. */
      personId: string;
      /**
       * Reads their record (once, however often it is called): undefined if there is no such
       * person. Left to the procedure, which reads it side by side with the caller's membership
       * of a site: one round trip for both, instead of one after the other.
       */
      person: () => Promise<Person.Person | undefined>;
    }
  | { status: "anonymous" }
  | { status: "expired" }
  | { status: "invalid" };

/** The person's record, read at most once and only if someone asks for it. */
function signedIn(personId: string, read: () => Promise<Person.Person | undefined>): SignInResult {
  let record: Promise<Person.Person | undefined> | undefined;
  return { status: "signed-in", personId, person: () => (record ??= read()) };
}

/** Only "no such person" makes a token name no one; a database fault is our fault, not theirs. */
function readPerson(personId: string): Promise<Person.Person | undefined> {
  return Person.get({ personId }).catch((error) => {
    if (error instanceof NotFoundError || error instanceof ValidationError) return undefined;
    throw error;
  });
}

/** How many Cognito users' links one instance remembers before it forgets them all and starts again. */
const rememberedLinks = 10_000;

/** Issues a local sign-in token for a person. Only possible when a dev secret is configured. */
export async function issueDevToken(personId: string, secret: Uint8Array): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(personId)
    .setIssuer(devIssuer)
    .setAudience(devAudience)
    .setIssuedAt()
    .setExpirationTime(`${tokenLifetimeSeconds}s`)
    .sign(secret);
}

/** A Cognito user id: a UUID; anything else cannot be one and never reaches a key. */
const cognitoSubject = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Turns an Authorization header into the person it names. Locally the token is one we signed;
 * in AWS it is a Cognito ID token, checked against the user pool's published keys. Its user is
 * found by the `sub` linked on their first sign-in, when only a verified email could name them
 * (see SignIn.withCognito). Roles always come from the table, never the token.
 */
export function createAuthenticator(config: ApiConfig) {
  let cognitoKeys: JWTVerifyGetKey | undefined;
  // Cognito users already linked to a person, by `sub`. A link is written once and never changes
  // (see SignIn.withCognito), so an instance may remember it and skip that read on later requests.
  // Only this id is remembered: the person's record, memberships and roles are read every time.
  const linkedPeople = new Map<string, string>();
  const remember = (subject: string, personId: string) => {
    if (linkedPeople.size >= rememberedLinks) linkedPeople.clear();
    linkedPeople.set(subject, personId);
  };

  return async function authenticate(header: string | undefined): Promise<SignInResult> {
    if (!header) return { status: "anonymous" };
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header);
    if (!match?.[1]) return { status: "invalid" };
    const token = match[1];
    try {
      if (config.devTokenSecret) {
        const { payload } = await jwtVerify(token, config.devTokenSecret, {
          issuer: devIssuer,
          audience: devAudience,
          algorithms: ["HS256"],
          maxTokenAge: tokenLifetimeSeconds,
        });
        const personId = payload.sub;
        if (!personId) return { status: "invalid" };
        return signedIn(personId, () => readPerson(personId));
      }
      if (config.cognito) {
        // Cognito signs with RS256; anything else is refused before the user pool's keys are fetched.
        if (decodeProtectedHeader(token).alg !== "RS256") return { status: "invalid" };
        const { issuer, clientId, jwksUrl } = config.cognito;
        cognitoKeys ??= createRemoteJWKSet(new URL(jwksUrl));
        const { payload } = await jwtVerify(token, cognitoKeys, {
          algorithms: ["RS256"],
          issuer,
          audience: clientId,
          maxTokenAge: tokenLifetimeSeconds,
        });
        if (payload.token_use !== "id" || typeof payload.email !== "string") return { status: "invalid" };
        const subject = payload.sub;
        if (typeof subject !== "string" || !cognitoSubject.test(subject)) return { status: "invalid" };
        // An unverified address is whatever the user typed: it proves nothing, even for a linked user.
        if (payload.email_verified !== true) return { status: "invalid" };
        const linked = linkedPeople.get(subject) ?? (await SignIn.linkedPersonId(subject));
        if (linked) {
          remember(subject, linked);
          return signedIn(linked, () => readPerson(linked));
        }
        const outcome = await SignIn.withCognito({
          subject,
          email: payload.email,
          // Cognito sends a boolean; anything else is not a verified address.
          emailVerified: payload.email_verified === true,
          name: typeof payload.name === "string" ? payload.name : undefined,
        });
        if (outcome.status !== "signed-in") return { status: "invalid" };
        const { person } = outcome;
        remember(subject, person.personId);
        return signedIn(person.personId, async () => person);
      }
      return { status: "invalid" };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { status: "expired" };
      if (error instanceof errors.JOSEError) return { status: "invalid" };
      throw error;
    }
  };
}

export type Authenticate = ReturnType<typeof createAuthenticator>;
