import { Membership, Person, Site } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import type { SiteRole } from "@smallsupports/core/role";
import { Hono } from "hono";
import { z } from "zod";
import { issueDevToken } from "./auth";

export interface DevPerson {
  id: string;
  name: string;
  /** "national", or their role in their first site. */
  role: "national" | SiteRole;
  /** Their first site's id, if any. */
  site: string | null;
  memberships: { siteId: string; siteName: string; role: SiteRole }[];
}

/**
 * Local sign-in: lists the seeded people and hands out a token for any of them, so the sign-in
 * page and scripts can act as a person. Mounted only when the server runs in local mode.
 */
export function devSignInRoutes(secret: Uint8Array) {
  const routes = new Hono();

  routes.get("/people", async (c) => c.json({ people: await listPeople() }));

  routes.post("/sign-in", async (c) => {
    const body = z.object({ personId: z.string().min(1).max(64) }).safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Send a JSON body like {"personId": "..."}.' }, 400);
    const person = await Person.get({ personId: body.data.personId }).catch(() => undefined);
    if (!person) return c.json({ error: "No one with that id can sign in." }, 404);
    return c.json({ token: await issueDevToken(person.personId, secret) });
  });

  return routes;
}

async function listPeople(): Promise<DevPerson[]> {
  const [people, sites] = await Promise.all([Person.directory(), allSites()]);
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
        role: person.national ? ("national" as const) : (memberships[0]?.role ?? "team"),
        site: memberships[0]?.siteId ?? null,
        memberships,
      };
    })
    .filter((person) => person.role === "national" || person.memberships.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
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
