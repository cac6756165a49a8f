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
  /** Reading the approval process's draft and its published versions' history. */
  seeProcess: ["lead", "team"],
  /** Editing and publishing the approval process, and opening or closing the site to applications. */
  editProcess: ["lead"],
  /** Reading a published version of the process: what applicants answer and are scored on. */
  readPublishedProcess: ["lead", "team", "expert", "provider"],
  /** Organisations and applications: the team sees all of them, a provider only their own. */
  seeApplications: ["lead", "team", "provider"],
  /** Writing, sending and withdrawing an application: the applying organisation's own people. */
  apply: ["provider"],
  /** The site board: every application by stage, and moving them between stages. */
  runBoard: ["lead", "team"],
  /** Assigning reviewers, recording the panel's view, asking for more information and deciding. */
  leadPanel: ["lead"],
  /** Reviewing an application assigned to them: declaring conflicts, scoring, submitting. */
  review: ["lead", "team", "expert"],
  /** A decision letter and a development plan: the team sees every one, a provider only their own. */
  seeDecisions: ["lead", "team", "provider"],
  /** Recording one's own paid time on panel work. */
  logTime: ["lead", "team", "expert"],
  /** Everyone's time totals for a month, and the day rate. */
  seeTime: ["lead", "team"],
  /** Exporting experts' time for payment, and setting the day rate. */
  payExperts: ["lead"],
  /** The cohort directory and its sessions: the team, and providers whose organisation is in the cohort. */
  seeCohort: ["lead", "team", "provider"],
  /** Scheduling, changing and cancelling sessions, recording attendance, and who is in the cohort. */
  runCohort: ["lead", "team"],
  /** Booking places and sharing contact details: the people of the cohort's organisations. */
  joinSessions: ["provider"],
  /** The site's figures beside the programme's averages, and exporting them. */
  seeAnalytics: ["lead"],
} as const satisfies Record<string, readonly SiteRole[]>;

export type SiteAbility = keyof typeof siteAbilities;

/** Whether a member with `role` may do `ability`; no role (not a member) may do nothing. */
export function may(role: SiteRole | undefined, ability: SiteAbility): boolean {
  return role !== undefined && (siteAbilities[ability] as readonly SiteRole[]).includes(role);
}
