import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/solid-query";
import { api } from "./client";
import type { DevPerson } from "./types";

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

  /** The seeded people to sign in as; only a local server answers. */
  devPeople: () =>
    queryOptions({
      queryKey: ["dev-people"],
      queryFn: async () => {
        const response = await fetch("/api/dev/people");
        if (!response.ok) throw new Error("The sign-in list is not available.");
        return ((await response.json()) as { people: DevPerson[] }).people;
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
