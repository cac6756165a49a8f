import { Person, SignIn } from "@smallsupports/core";
import { NotFoundError, ValidationError } from "@smallsupports/core/errors";
import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import type { ApiConfig } from "./env";

/** Sign-ins last at most this long; then the person signs in again. */
export const tokenLifetimeSeconds = 12 * 60 * 60;

const devIssuer = "smallsupports-local";
const devAudience = "smallsupports";

export type SignInResult =
  | { status: "signed-in"; person: Person.Person }
  | { status: "anonymous" }
  | { status: "expired" }
  | { status: "invalid" };

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
        if (!payload.sub) return { status: "invalid" };
        const person = await Person.get({ personId: payload.sub }).catch((error) => {
          // Only "no such person" makes a token invalid; a database fault is our fault, not theirs.
          if (error instanceof NotFoundError || error instanceof ValidationError) return undefined;
          throw error;
        });
        return person ? { status: "signed-in", person } : { status: "invalid" };
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
        if (typeof payload.sub !== "string" || !cognitoSubject.test(payload.sub)) return { status: "invalid" };
        const outcome = await SignIn.withCognito({
          subject: payload.sub,
          email: payload.email,
          // Cognito sends a boolean; anything else is not a verified address.
          emailVerified: payload.email_verified === true,
          name: typeof payload.name === "string" ? payload.name : undefined,
        });
        return outcome.status === "signed-in" ? outcome : { status: "invalid" };
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
