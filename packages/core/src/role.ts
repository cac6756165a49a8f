import { z } from "zod";

/** What a member can do in one site. A person may hold a different role in each site. */
export const siteRoles = ["lead", "team", "expert", "provider"] as const;
export type SiteRole = (typeof siteRoles)[number];

export const siteRoleSchema = z.enum(siteRoles, {
  error: "Choose a role: project lead, site team, expert by experience or provider lead.",
});

export const roleLabels: Record<SiteRole, string> = {
  lead: "Project lead",
  team: "Site team",
  expert: "Expert by experience",
  provider: "Provider lead",
};

/** The count attribute on a site's statistics item that tracks each role. */
export const roleCountField = {
  lead: "leadCount",
  team: "teamCount",
  expert: "expertCount",
  provider: "providerCount",
} as const satisfies Record<SiteRole, string>;
