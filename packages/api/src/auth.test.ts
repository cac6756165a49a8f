import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Invitation, type Membership } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { inviteAndJoin } from "@smallsupports/core/seeding";
import { allItems } from "@smallsupports/core/testing";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp, worldSites } from "../testing";
import { createApp } from "./app";

/**
 * Cognito sign-in as it runs in AWS, with RS256 ID tokens signed here and the keys served from a
 * local JWKS endpoint instead of the user pool's.
 */
const { state } = useTestApp();
const issuer = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_testpool";
const clientId = "test-web-client";
const siteId = worldSites[0].siteId;

let server: Server;
let production: ReturnType<typeof createApp>;
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
let privateKey: PrivateKey;
let strangerKey: PrivateKey;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const config = state.config;
  if (!config) throw new Error("The test app's config is set first.");
  production = createApp(
    {
      ...config,
      mode: "production",
      devTokenSecret: undefined,
      cognito: { clientId, issuer, jwksUrl: `http://127.0.0.1:${port}/jwks.json` },
    },
    { log: () => {}, mailPort: async () => {} },
  );
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const subjects = {
  first: "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
  second: "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
  third: "8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e",
  fourth: "9c0d1e2f-3a4b-4c5d-9e6f-7a8b9c0d1e2f",
};

function idToken(claims: { sub: string; email: string; email_verified?: unknown; name?: string }, key = privateKey) {
  return new SignJWT({
    token_use: "id",
    email: claims.email,
    email_verified: claims.email_verified,
    ...(claims.name ? { name: claims.name } : {}),
  })
    .setProtectedHeader({ alg: "RS256", kid: "test-key" })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(clientId)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(key);
}

async function whoAmI(token: string) {
  const response = await production.request("/trpc/me.get", { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { result?: { data: { person: { personId: string } } } };
  return { status: response.status, personId: body.result?.data.person.personId };
}

const links = async () => (await allItems()).filter((item) => String(item.pk).startsWith("signin#"));

describe("Cognito sign-in", () => {
  let ada: Membership.Member;
  let bram: Membership.Member;
  beforeAll(async () => {
    ada = await inviteAndJoin(systemActor, {
      siteId,
      name: "Ada Cognito",
      email: "ada.cognito@example.org",
      role: "team",
    });
    bram = await inviteAndJoin(systemActor, {
      siteId,
      name: "Bram Cognito",
      email: "bram.cognito@example.org",
      role: "expert",
    });
  });

  it("refuses an email the user pool has not verified, and links nothing", async () => {
    for (const email_verified of [false, "true", undefined]) {
      const token = await idToken({ sub: subjects.first, email: ada.email, email_verified });
      expect((await whoAmI(token)).status).toBe(401);
    }
    expect(await links()).toEqual([]);
  });

  it("links the user to the person their verified email names, on the first sign-in", async () => {
    const token = await idToken({ sub: subjects.first, email: ada.email, email_verified: true });
    expect(await whoAmI(token)).toEqual({ status: 200, personId: ada.personId });
    expect(await links()).toMatchObject([{ subject: subjects.first, personId: ada.personId }]);
  });

  it("finds a linked user by sub afterwards, so changing the account's email moves nothing", async () => {
    // The account's email now claims to be Bram's; the identity stays Ada's.
    const token = await idToken({ sub: subjects.first, email: bram.email, email_verified: true });
    expect(await whoAmI(token)).toEqual({ status: 200, personId: ada.personId });
  });

  it("refuses a second user presenting an email already linked to another", async () => {
    const token = await idToken({ sub: subjects.second, email: ada.email, email_verified: true });
    expect((await whoAmI(token)).status).toBe(401);
    expect((await links()).map((link) => link.subject)).toEqual([subjects.first]);
  });

  it("refuses tokens signed with another key, or naming no real Cognito user", async () => {
    const forged = await idToken({ sub: subjects.second, email: bram.email, email_verified: true }, strangerKey);
    expect((await whoAmI(forged)).status).toBe(401);
    const oddSubject = await idToken({ sub: "signin#x", email: bram.email, email_verified: true });
    expect((await whoAmI(oddSubject)).status).toBe(401);
    expect((await links()).map((link) => link.subject)).toEqual([subjects.first]);
  });

  it("makes someone invited a person on their first verified sign-in, named as invited", async () => {
    await withActor(systemActor, () =>
      Invitation.invite({ siteId, name: "Cleo Invited", email: "cleo.invited@example.org", role: "expert" }),
    );
    const token = await idToken({ sub: subjects.third, email: "Cleo.Invited@example.org", email_verified: true });
    const response = await production.request("/trpc/me.get", { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { result: { data: { person: { name: string }; sites: unknown[] } } };
    expect(body.result.data).toMatchObject({ person: { name: "Cleo Invited" }, sites: [] });
    expect((await links()).map((link) => link.subject).sort()).toEqual([subjects.first, subjects.third].sort());
  });

  it("makes someone who signed themselves up a person with no site, named as they gave it", async () => {
    const token = await idToken({
      sub: subjects.fourth,
      email: "Dee.Newcomer@example.org",
      email_verified: true,
      name: "Dee Newcomer",
    });
    const response = await production.request("/trpc/me.get", { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as {
      result: { data: { person: { name: string; email: string }; sites: unknown[] } };
    };
    expect(body.result.data).toMatchObject({
      person: { name: "Dee Newcomer", email: "dee.newcomer@example.org" },
      sites: [],
    });
    // Unverified, the same sign-up would have been refused (see the first test).
  });
});
