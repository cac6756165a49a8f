import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/solid-query";
import { api } from "./client";
import type { DevInvitee, DevPerson, OutboxEmail } from "./types";

/** A list the API hands out a page at a time; each page's cursor fetches the next. */
function paged<Page extends { cursor: string | null }>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | null) => Promise<Page>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.cursor,
  });
}

/**
 * Every query the web app makes, each with its cache key, and what each change makes stale.
 * Pages only call these, so a key is written once and an invalidation cannot miss its query.
 */
export const queries = {
  /** Who is signed in, and their role in each of their sites. */
  me: () => queryOptions({ queryKey: ["me"], queryFn: () => api.me.get.query() }),

  /** Every site with its leads and counts, for national staff. */
  sites: () => paged(["sites"], (cursor) => api.site.list.query({ cursor, limit: 25 })),

  site: (siteId: string) => queryOptions({ queryKey: ["site", siteId], queryFn: () => api.site.get.query({ siteId }) }),

  members: (siteId: string) =>
    paged(["members", siteId], (cursor) => api.member.list.query({ siteId, cursor, limit: 50 })),

  /** Who changed what in the site, newest first. */
  activity: (siteId: string) =>
    paged(["activity", siteId], (cursor) => api.activity.list.query({ siteId, cursor, limit: 20 })),

  /** A site's open invitations, for its project leads. */
  invitations: (siteId: string) =>
    paged(["invitations", siteId], (cursor) => api.invitation.list.query({ siteId, cursor, limit: 25 })),

  /** Invitations to the signed-in person's own address. */
  myInvitations: () => queryOptions({ queryKey: ["my-invitations"], queryFn: () => api.invitation.mine.query() }),

  /** A site's invitations to be its project lead, for national staff. */
  leadInvitations: (siteId: string) =>
    queryOptions({
      queryKey: ["lead-invitations", siteId],
      queryFn: () => api.invitation.leadInvitations.query({ siteId }),
    }),

  /** The emails a local server has kept instead of sending; only a local server answers. */
  devOutbox: () =>
    queryOptions({
      queryKey: ["dev-outbox"],
      queryFn: async () => {
        const response = await fetch("/api/dev/outbox");
        if (!response.ok) throw new Error("The list of emails is only kept on a local demo.");
        return ((await response.json()) as { emails: OutboxEmail[] }).emails;
      },
    }),

  // Approval process queries (the process editor) go here.

  // Provider queries (open sites, organisations, application forms) go here.

  // Board queries (the site board and reviewing an application) go here.

  /** The seeded people to sign in as; only a local server answers. */
  devPeople: () =>
    queryOptions({
      queryKey: ["dev-people"],
      queryFn: async () => {
        const response = await fetch("/api/dev/people");
        if (!response.ok) throw new Error("The sign-in list is not available.");
        return (await response.json()) as { people: DevPerson[]; invitees: DevInvitee[] };
      },
    }),
};

/**
 * After an invitation, a role change or a removal. The site's counts and leads change with its
 * team, each change is a new activity entry, and the signed-in person may have changed their own role.
 */
export function afterMemberChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [queries.members(siteId), queries.activity(siteId), queries.site(siteId), queries.me()].map(({ queryKey }) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function afterSiteAdded(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: queries.sites().queryKey });
}

/** After an invitation is sent, sent again, corrected or cancelled: the list, the activity, the emails. */
export function afterInvitationChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [queries.invitations(siteId), queries.activity(siteId), queries.devOutbox()].map(({ queryKey }) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** After national staff change a site's lead invitations. */
export function afterLeadInvitationChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [queries.leadInvitations(siteId), queries.devOutbox()].map(({ queryKey }) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** After the signed-in person joins a site or says no: their sites and their invitations. */
export function afterInvitationAnswered(queryClient: QueryClient) {
  return Promise.all(
    [queries.myInvitations(), queries.me()].map(({ queryKey }) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** After the signed-in person corrects their name: it shows in their header and every member list. */
export function afterRename(queryClient: QueryClient) {
  return Promise.all(
    [queries.me().queryKey, ["members"]].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

// Approval process invalidations go here.

// Provider invalidations go here.

// Board invalidations go here.
