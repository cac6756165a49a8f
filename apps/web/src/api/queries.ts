import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/solid-query";
import { api } from "./client";
import type { DevPerson } from "./types";

/**
 * Every query the web app makes, each with its cache key, and what each change makes stale.
 * Pages only call these, so a key is written once and an invalidation cannot miss its query.
 */
export const queries = {
  /** Who is signed in, and their role in each of their sites. */
  me: () => queryOptions({ queryKey: ["me"], queryFn: () => api.me.get.query() }),

  /** Every site with its leads and counts, for national staff. */
  sites: () =>
    infiniteQueryOptions({
      queryKey: ["sites"],
      queryFn: ({ pageParam }) => api.site.list.query({ cursor: pageParam, limit: 25 }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.cursor,
    }),

  site: (siteId: string) => queryOptions({ queryKey: ["site", siteId], queryFn: () => api.site.get.query({ siteId }) }),

  members: (siteId: string) =>
    infiniteQueryOptions({
      queryKey: ["members", siteId],
      queryFn: ({ pageParam }) => api.member.list.query({ siteId, cursor: pageParam, limit: 50 }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.cursor,
    }),

  /** Who changed what in the site, newest first. */
  activity: (siteId: string) =>
    infiniteQueryOptions({
      queryKey: ["activity", siteId],
      queryFn: ({ pageParam }) => api.activity.list.query({ siteId, cursor: pageParam, limit: 20 }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.cursor,
    }),

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
