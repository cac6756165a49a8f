/**
 * What a member can do in one site. A person may hold a different role in each site.
 * Plain constants with no imports, so the web app can share the labels.
 */
export const siteRoles = ["lead", "team", "expert", "provider"] as const;
export type SiteRole = (typeof siteRoles)[number];

export const roleLabels: Record<SiteRole, string> = {
  lead: "Project lead",
  team: "Site team",
  expert: "Expert by experience",
  provider: "Provider lead",
};

/** For counts and column headings: "3 Experts by experience". */
export const rolePluralLabels: Record<SiteRole, string> = {
  lead: "Project leads",
  team: "Site team",
  expert: "Experts by experience",
  provider: "Provider leads",
};

/** The count attribute on a site's statistics item that tracks each role. */
export const roleCountField = {
  lead: "leadCount",
  team: "teamCount",
  expert: "expertCount",
  provider: "providerCount",
} as const satisfies Record<SiteRole, string>;
