import { Invitation, Membership, NationalMentor, Person, RateLimit, SignIn, Site } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { DomainError } from "@smallsupports/core/errors";
import type { SiteRole } from "@smallsupports/core/role";
import { describeIssues } from "@smallsupports/core/validation";
import { type Context, Hono } from "hono";
import * as z from "zod";
import { issueDevToken } from "./auth";

export interface DevPerson {
  id: string;
  name: string;
  /** "national", their role in their first site, or "mentor" for a national mentor of no site. */
  role: "national" | "mentor" | SiteRole;
  /** Their first site's id, if any. */
  site: string | null;
  memberships: { siteId: string; siteName: string; role: SiteRole }[];
}

/** Someone invited who has never signed in: locally they sign in by their address. */
export interface DevInvitee {
  email: string;
  /** The name they were invited as. */
  name: string;
  invitations: { siteId: string; siteName: string; role: SiteRole }[];
}

/**
 * Local sign-in: lists the seeded people and hands out a token for any of them, so the sign-in
 * page and scripts can act as a person. Someone invited who has never signed in signs in by
 * their address, as they would in AWS with that address verified: they become a person then.
 * Mounted only when the server runs in local mode.
 */
export function devSignInRoutes(secret: Uint8Array, sourceOf: (c: Context) => string) {
  const routes = new Hono();

  // Stands in for Cognito's self sign-up with an emailed code: someone new gives their name and
  // address and is signed in at once, belonging nowhere until they register an organisation.
  routes.post("/sign-up", async (c) => {
    const body = z
      .object({ name: z.string().max(200), email: z.string().max(254) })
      .safeParse(await c.req.json().catch(() => null));
    if (!body.success)
      return c.json({ error: { message: 'Send a JSON body like {"name": "...", "email": "..."}.' } }, 400);
    // Checked before the limits, so a mistyped form spends no attempt; each problem by its field.
    const input = SignIn.signUp.schema.safeParse(body.data);
    if (!input.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of input.error.issues) {
        fieldErrors[String(issue.path[0])] ??= describeIssues([{ ...issue, path: [] }]);
      }
      return c.json({ error: { message: describeIssues(input.error.issues), fieldErrors } }, 400);
    }
    try {
      await RateLimit.take(RateLimit.limits.signUpPerAddress, input.data.email);
      await RateLimit.take(RateLimit.limits.signUpPerSource, sourceOf(c));
      const person = await SignIn.signUp(input.data);
      return c.json({ token: await issueDevToken(person.personId, secret) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = { validation: 400, conflict: 409, rate_limited: 429 }[error.kind as string] ?? 400;
      return c.json({ error: { message: error.message } }, status as 400);
    }
  });

  routes.get("/people", async (c) => {
    const sites = await allSites();
    const [people, invitees] = await Promise.all([listPeople(sites), listInvitees(sites)]);
    return c.json({ people, invitees });
  });

  routes.post("/sign-in", async (c) => {
    const body = z
      .union([z.object({ personId: z.string().min(1).max(64) }), z.object({ email: z.email().max(254) })])
      .safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Send a JSON body like {"personId": "..."} or {"email": "..."}.' }, 400);
    const person =
      "personId" in body.data
        ? await Person.get({ personId: body.data.personId }).catch(() => undefined)
        : await SignIn.personFor(body.data.email);
    if (!person) return c.json({ error: "No one with that id or address can sign in." }, 404);
    return c.json({ token: await issueDevToken(person.personId, secret) });
  });

  return routes;
}

type SiteSummaries = Awaited<ReturnType<typeof allSites>>;

async function listPeople(sites: SiteSummaries): Promise<DevPerson[]> {
  const [people, mentors] = await Promise.all([
    Person.directory(),
    withActor(systemActor, () => NationalMentor.list({})),
  ]);
  const mentorIds = new Set(mentors.map((mentor) => mentor.personId));
  const membershipsByPerson = new Map<string, DevPerson["memberships"]>();
  for (const site of sites) {
    for (const member of await allMembers(site.siteId)) {
      const list = membershipsByPerson.get(member.personId) ?? [];
      list.push({ siteId: site.siteId, siteName: site.name, role: member.role });
      membershipsByPerson.set(member.personId, list);
    }
  }
  return people
    .map((person) => {
      const memberships = membershipsByPerson.get(person.personId) ?? [];
      return {
        id: person.personId,
        name: person.name,
        role: person.national
          ? ("national" as const)
          : (memberships[0]?.role ?? (mentorIds.has(person.personId) ? ("mentor" as const) : "team")),
        site: memberships[0]?.siteId ?? null,
        memberships,
      };
    })
    .filter((person) => person.role === "national" || person.role === "mentor" || person.memberships.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Open invitations to addresses no one signs in with yet, by address. */
async function listInvitees(sites: SiteSummaries): Promise<DevInvitee[]> {
  const byAddress = new Map<string, DevInvitee>();
  for (const site of sites) {
    const invitations = await withActor(systemActor, () =>
      allPages((cursor) => Invitation.list({ siteId: site.siteId, cursor, limit: 100 })),
    );
    for (const invitation of invitations.filter((item) => item.status === "pending")) {
      const invitee = byAddress.get(invitation.email) ?? {
        email: invitation.email,
        name: invitation.name,
        invitations: [],
      };
      invitee.invitations.push({ siteId: site.siteId, siteName: site.name, role: invitation.role });
      byAddress.set(invitation.email, invitee);
    }
  }
  const holders = await Promise.all([...byAddress.keys()].map((email) => Person.findByEmail(email)));
  return [...byAddress.values()].filter((_, index) => !holders[index]).sort((a, b) => a.name.localeCompare(b.name));
}

function allSites() {
  // Site.list is a national read; the sign-in page runs before anyone has signed in.
  return withActor(systemActor, () => allPages((cursor) => Site.list({ cursor, limit: 100 })));
}

function allMembers(siteId: string) {
  return allPages((cursor) => Membership.list({ siteId, cursor, limit: 100 }));
}

/** Every item of a paginated list, page after page. */
async function allPages<T>(page: (cursor: string | null) => Promise<{ items: T[]; cursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.cursor;
  } while (cursor);
  return items;
}
