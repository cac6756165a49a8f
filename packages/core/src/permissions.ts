import type { SiteRole } from "./role";

/**
 * Which roles may do what inside a site. The API's procedure builders take their roles from
 * here and the web app decides what to show from the same lists, so a rule is written once.
 * Plain constants with no imports but a type, so the web app can share them.
 */
export const siteAbilities = {
  /** The site's name, area, counts and leads. */
  seeSummary: ["lead", "team", "expert", "provider"],
  /** The member list and the activity list. */
  seeTeam: ["lead", "team"],
  /** Inviting, changing roles and removing members. */
  manageTeam: ["lead"],
} as const satisfies Record<string, readonly SiteRole[]>;

export type SiteAbility = keyof typeof siteAbilities;

/** Whether a member with `role` may do `ability`; no role (not a member) may do nothing. */
export function may(role: SiteRole | undefined, ability: SiteAbility): boolean {
  return role !== undefined && (siteAbilities[ability] as readonly SiteRole[]).includes(role);
}
