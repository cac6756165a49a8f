import { allItems } from "@smallsupports/core/testing";
import { decodeJwt, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { useTestApp, worldSignUps, worldSites, worldTeamShape } from "../testing";
import { createApp, maxBodyBytes } from "./app";
import type { LogLine } from "./log";

const { app, state, tokenFor, call, person, roleIn, signInByEmail, recreateApp } = useTestApp();

const [siteA, siteB] = worldSites.map((site) => site.siteId) as [string, string];
const nationalStaff = () => person((p) => p.role === "national");
const leadA = () => person(roleIn(siteA, "lead"));
const teamA = () => person(roleIn(siteA, "team"));
const expertA = () => person(roleIn(siteA, "expert"));
const providerA = () => person(roleIn(siteA, "provider"));
const leadB = () => person(roleIn(siteB, "lead"));

/** A local sign-in token with chosen times and secret, to test what the API refuses. */
function devToken(options: { subject: string; issuedAt?: number; expires: number | string; secret?: Uint8Array }) {
  const token = new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.subject)
    .setIssuer("smallsupports-local")
    .setAudience("smallsupports")
    .setExpirationTime(options.expires);
  if (options.issuedAt) token.setIssuedAt(options.issuedAt);
  return token.sign(options.secret ?? (state.config?.devTokenSecret as Uint8Array));
}
const hoursAgo = (hours: number) => Math.floor(Date.now() / 1000) - hours * 3600;

/** The newest `limit` entries of site A's activity, as the lead reads them. */
async function latestActivity(token: string, limit: number) {
  const { data } = await call("query", "activity.list", { siteId: siteA, limit }, token);
  return (data as { items: { action: string; summary: string }[] }).items.map(({ action, summary }) => ({
    action,
    summary,
  }));
}

async function membersOf(siteId: string) {
  const token = await tokenFor(person(roleIn(siteId, "lead")));
  const { data } = await call("query", "member.list", { siteId, limit: 100 }, token);
  return (data as { items: { personId: string; name: string; role: string; version: number }[] }).items;
}

describe("what each role sees", () => {
  it("national staff list every site with counts and leads, and open any site's summary", async () => {
    const token = await tokenFor(nationalStaff());
    const { status, data } = await call("query", "site.list", { limit: 100 }, token);
    expect(status).toBe(200);
    const sites = (data as { items: { siteId: string; memberCounts: Record<string, number>; leads: unknown[] }[] })
      .items;
    expect(sites).toHaveLength(worldSites.length);
    for (const site of sites) {
      expect(site.memberCounts.lead).toBeGreaterThanOrEqual(1);
      expect(site.leads.length).toBe(site.memberCounts.lead);
    }
    const summary = await call("query", "site.get", { siteId: siteB }, token);
    expect(summary.status).toBe(200);
  });

  it("a site lead sees only their site's team, and cannot list sites nationally", async () => {
    const token = await tokenFor(leadA());
    const members = await call("query", "member.list", { siteId: siteA }, token);
    expect(members.status).toBe(200);
    // The team, and the people of the three organisations that signed up and applied.
    expect((members.data as { items: unknown[] }).items.length).toBe(worldTeamShape.length + worldSignUps);
    expect((await call("query", "site.list", {}, token)).code).toBe("FORBIDDEN");
    const me = await call("query", "me.get", undefined, token);
    const sites = (me.data as { sites: { siteId: string; role: string }[] }).sites;
    expect(sites.map(({ siteId, role }) => [siteId, role]).sort()).toEqual(
      [
        [siteB, "expert"],
        [siteA, "lead"],
      ].sort(),
    );
  });

  it("site team can read members and activity but not change them", async () => {
    const token = await tokenFor(teamA());
    expect((await call("query", "member.list", { siteId: siteA }, token)).status).toBe(200);
    expect((await call("query", "activity.list", { siteId: siteA }, token)).status).toBe(200);
    const invite = await call(
      "mutation",
      "invitation.invite",
      { siteId: siteA, name: "New Person", email: "new@example.org", role: "team" },
      token,
    );
    expect(invite.code).toBe("FORBIDDEN");
    expect((await call("query", "invitation.list", { siteId: siteA }, token)).code).toBe("FORBIDDEN");
  });

  it("experts and provider leads see their own site summary and nothing of its members", async () => {
    for (const who of [expertA(), providerA()]) {
      const token = await tokenFor(who);
      expect((await call("query", "site.get", { siteId: siteA }, token)).status).toBe(200);
      expect((await call("query", "member.list", { siteId: siteA }, token)).code).toBe("FORBIDDEN");
      expect((await call("query", "activity.list", { siteId: siteA }, token)).code).toBe("FORBIDDEN");
    }
  });
});

describe("one site can never reach another", () => {
  it("refuses a lead reading or changing another site's members, and changes nothing", async () => {
    const token = await tokenFor(leadB());
    const before = await allItems();
    const read = await call("query", "member.list", { siteId: siteA }, token);
    expect(read.code).toBe("FORBIDDEN");
    expect(JSON.stringify(read.body)).not.toContain(leadA().name);

    const target = (await membersOf(siteA)).find((m) => m.role === "team");
    if (!target) throw new Error("seed has a team member");
    const attempts = [
      call(
        "mutation",
        "invitation.invite",
        { siteId: siteA, name: "Intruder", email: "intruder@example.org", role: "lead" },
        token,
      ),
      call("query", "invitation.list", { siteId: siteA }, token),
      call(
        "mutation",
        "member.changeRole",
        { siteId: siteA, personId: target.personId, role: "lead", version: target.version },
        token,
      ),
      call("mutation", "member.remove", { siteId: siteA, personId: target.personId, version: target.version }, token),
      call("query", "activity.list", { siteId: siteA }, token),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.code).toBe("FORBIDDEN");
    expect(await allItems()).toEqual(before);
  });

  it("refuses an id swap: own site in the call, another site's person in the record id", async () => {
    const token = await tokenFor(leadB());
    const target = (await membersOf(siteA)).find((m) => m.role === "expert");
    if (!target) throw new Error("seed has an expert");
    const before = await allItems();
    const change = await call(
      "mutation",
      "member.changeRole",
      { siteId: siteB, personId: target.personId, role: "lead", version: target.version },
      token,
    );
    expect(change.code).toBe("NOT_FOUND");
    const remove = await call(
      "mutation",
      "member.remove",
      { siteId: siteB, personId: target.personId, version: target.version },
      token,
    );
    expect(remove.code).toBe("NOT_FOUND");
    expect(JSON.stringify([change.body, remove.body])).not.toContain(target.name);
    expect(await allItems()).toEqual(before);
  });

  it("asks for a sign-in without a token, with a bad one, and with an expired one", async () => {
    expect((await call("query", "me.get", undefined)).code).toBe("UNAUTHORIZED");
    expect((await call("query", "member.list", { siteId: siteA }, "not-a-real-token-at-all")).code).toBe(
      "UNAUTHORIZED",
    );
    const expired = await devToken({ subject: leadA().id, issuedAt: hoursAgo(13), expires: hoursAgo(1) });
    const response = await call("query", "me.get", undefined, expired);
    expect(response.code).toBe("UNAUTHORIZED");
    expect(response.body.error?.message).toMatch(/expired/);
    const forged = await devToken({
      subject: nationalStaff().id,
      expires: "1h",
      secret: new TextEncoder().encode("a-different-secret-a-different-secret"),
    });
    expect((await call("query", "site.list", {}, forged)).code).toBe("UNAUTHORIZED");
  });
});

describe("changes through the API", () => {
  it("a lead invites, changes the role of and removes a member; each change is in the activity list", async () => {
    const token = await tokenFor(leadA());
    const invited = await call(
      "mutation",
      "invitation.invite",
      { siteId: siteA, name: "Jordan Blake", email: "jordan.blake@example.org", role: "expert" },
      token,
    );
    expect(invited.status).toBe(200);
    const invitation = invited.data as { invitationId: string };
    // While the invitation is open, the activity list names the person as the lead typed them.
    expect(await latestActivity(token, 1)).toEqual([
      { action: "invitation.sent", summary: "Invited Jordan Blake to join as Expert by experience" },
    ]);

    // An invitation makes no member: the person invited signs in by their address and accepts.
    const inviteeToken = await signInByEmail("jordan.blake@example.org");
    const accepted = await call(
      "mutation",
      "invitation.accept",
      { siteId: siteA, invitationId: invitation.invitationId },
      inviteeToken,
    );
    expect(accepted.status).toBe(200);
    const member = accepted.data as { personId: string; role: string };
    expect(member.role).toBe("expert");
    const changed = await call(
      "mutation",
      "member.changeRole",
      { siteId: siteA, personId: member.personId, role: "team", version: 1 },
      token,
    );
    expect(changed.data).toMatchObject({ role: "team", version: 2 });
    const stale = await call(
      "mutation",
      "member.changeRole",
      { siteId: siteA, personId: member.personId, role: "lead", version: 1 },
      token,
    );
    expect(stale.code).toBe("CONFLICT");
    const removed = await call(
      "mutation",
      "member.remove",
      { siteId: siteA, personId: member.personId, version: 2 },
      token,
    );
    expect(removed.status).toBe(200);
    expect((await latestActivity(token, 3)).map((event) => event.action)).toEqual([
      "member.removed",
      "member.role_changed",
      "member.joined",
    ]);
    expect((await latestActivity(token, 3))[2]?.summary).toBe("Jordan Blake joined as Expert by experience");
  });

  it("national staff add a site; a duplicate address is refused with a plain message", async () => {
    const token = await tokenFor(nationalStaff());
    const created = await call(
      "mutation",
      "site.create",
      {
        siteId: "test-valley",
        name: "Test Valley",
        area: "Hampshire",
        lead: { name: "Tess Valley", email: "tess.valley@example.org" },
      },
      token,
    );
    expect(created.status).toBe(200);
    const before = await allItems();
    const duplicate = await call(
      "mutation",
      "site.create",
      {
        siteId: "test-valley",
        name: "Other",
        area: "Elsewhere",
        lead: { name: "Otto Other", email: "otto.other@example.org" },
      },
      token,
    );
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.body.error?.message).toMatch(/already exists/);
    // Nothing of the refused site was written, not even its lead's invitation.
    expect(await allItems()).toEqual(before);
  });

  it("refuses a site without a lead, plainly", async () => {
    const token = await tokenFor(nationalStaff());
    const before = await allItems();
    const response = await call(
      "mutation",
      "site.create",
      { siteId: "no-lead", name: "No Lead", area: "Nowhere" },
      token,
    );
    expect(response.code).toBe("BAD_REQUEST");
    expect(response.body.error?.message).toMatch(/^[A-Z][^{}]*\.$/);
    expect(await allItems()).toEqual(before);
  });
});

describe("bad input is refused plainly, never a 500", () => {
  it.each([
    ["an invalid email", "invitation.invite", { siteId: siteA, name: "Ok Name", email: "nope", role: "team" }],
    ["a number for a name", "invitation.invite", { siteId: siteA, name: 5, email: "a@b.org", role: "team" }],
    ["a huge name", "invitation.invite", { siteId: siteA, name: "x".repeat(5000), email: "a@b.org", role: "team" }],
    [
      "an extra field",
      "invitation.invite",
      { siteId: siteA, name: "Ok Name", email: "a@b.org", role: "team", admin: true },
    ],
    ["a negative version", "member.changeRole", { siteId: siteA, personId: "someone", role: "team", version: -1 }],
    ["a path for an id", "member.changeRole", { siteId: siteA, personId: "../../etc", role: "team", version: 1 }],
    ["missing fields", "member.remove", { siteId: siteA }],
    ["null", "member.remove", null],
    ["a string", "member.remove", "a string"],
  ])("%s (%s)", async (_label, path, input) => {
    const token = await tokenFor(leadA());
    const before = await allItems();
    const response = await call("mutation", path, input, token);
    expect(response.status).toBe(400);
    expect(response.code).toBe("BAD_REQUEST");
    expect(response.body.error?.message).toMatch(/^[A-Z][^{}]*\.$/);
    expect(await allItems()).toEqual(before);
  });

  it("refuses a body that is not JSON, malformed JSON and an oversized body", async () => {
    const token = await tokenFor(leadA());
    const headers = { authorization: `Bearer ${token}` };
    const form = await app().request("/trpc/invitation.invite", { method: "POST", headers, body: "name=x" });
    expect(form.status).toBe(415);
    const broken = await app().request("/trpc/invitation.invite", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/valid JSON\.$/);
    const brokenQuery = await app().request("/trpc/member.list?input=%7Bnot", { headers });
    expect(brokenQuery.status).toBe(400);
    expect(((await brokenQuery.json()) as { error: { message: string } }).error.message).toMatch(/valid JSON\.$/);
    const huge = await app().request("/trpc/invitation.invite", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ siteId: siteA, name: "x".repeat(maxBodyBytes), email: "a@b.org", role: "team" }),
    });
    expect(huge.status).toBe(413);
  });

  it("applies the same JSON-only rule and size limit to every route that reads a body", async () => {
    const hugeSignIn = await app().request("/api/dev/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: "x".repeat(3 * 1024 * 1024) }),
    });
    expect(hugeSignIn.status).toBe(413);
    const formSignIn = await app().request("/api/dev/sign-in", { method: "POST", body: "personId=x" });
    expect(formSignIn.status).toBe(415);
    const unknownRoute = await app().request("/api/dev/anything", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(maxBodyBytes + 1),
    });
    expect(unknownRoute.status).toBe(413);
  });
});

describe("HTTP", () => {
  it("answers health checks and sets security headers on every response", async () => {
    for (const path of ["/health", "/trpc/me.get", "/no-such-path"]) {
      const response = await app().request(path);
      expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBeTruthy();
    }
    expect(await (await app().request("/health")).json()).toEqual({ status: "ok" });
  });

  it("issues tokens that last at most 12 hours, and refuses any older sign-in", async () => {
    const token = await tokenFor(leadA());
    const payload = decodeJwt(token);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(12 * 3600);
    // Even a token whose own expiry is far away is refused once it is more than 12 hours old.
    const longLived = await devToken({ subject: leadA().id, issuedAt: hoursAgo(13), expires: "30d" });
    expect((await call("query", "me.get", undefined, longLived)).code).toBe("UNAUTHORIZED");
  });

  it("offers no dev sign-in in production mode, and sends HSTS there", async () => {
    const config = state.config;
    if (!config) throw new Error("config is set in beforeAll");
    const production = createApp(
      {
        ...config,
        mode: "production",
        devTokenSecret: undefined,
        cognito: {
          clientId: "client",
          issuer: "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_test",
          jwksUrl: "http://127.0.0.1:9/jwks.json",
        },
      },
      // Production mode sends through SES, which this machine has not got.
      { log: () => {}, mailPort: async () => {} },
    );
    try {
      expect((await production.request("/api/dev/people")).status).toBe(404);
      const signIn = await production.request("/api/dev/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ personId: leadA().id }),
      });
      expect(signIn.status).toBe(404);
      expect((await production.request("/health")).headers.get("strict-transport-security")).toMatch(/max-age=/);
      // A local token means nothing in production.
      const localToken = await tokenFor(leadA());
      expect(
        (await production.request("/trpc/me.get", { headers: { authorization: `Bearer ${localToken}` } })).status,
      ).toBe(401);
    } finally {
      recreateApp();
    }
  });
});

describe("a fault on our side", () => {
  it("is a plain 500 for the caller, and its kind (not its message) is logged", async () => {
    const config = state.config;
    if (!config) throw new Error("config is set in beforeAll");
    const token = await tokenFor(leadA());
    const logs: LogLine[] = [];
    // Point the API at a table that does not exist: every read fails inside the procedure.
    const broken = createApp(
      { ...config, dynamo: { ...config.dynamo, tableName: "no-such-table" } },
      { log: (line) => logs.push(line) },
    );
    try {
      const response = await broken.request(
        `/trpc/site.get?input=${encodeURIComponent(JSON.stringify({ siteId: siteA }))}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toBe("Something went wrong on our side. Please try again in a moment.");
      expect(JSON.stringify(body)).not.toMatch(/no-such-table|stack|Exception/);
      expect(logs.at(-1)).toMatchObject({ level: "error", status: 500, error: expect.stringMatching(/^[A-Za-z]+$/) });
    } finally {
      recreateApp();
    }
  });
});
