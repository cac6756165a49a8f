/**
 * The facts a provider organisation keeps about itself, and where it stands in a site.
 * Plain constants with no imports, so the web app can share the labels.
 */
export const cqcStatuses = ["not-registered", "in-progress", "registered"] as const;
export type CqcStatus = (typeof cqcStatuses)[number];

export const cqcStatusLabels: Record<CqcStatus, string> = {
  "not-registered": "Not registered with CQC",
  "in-progress": "CQC registration in progress",
  registered: "Registered with CQC",
};

export const cqcRatings = ["outstanding", "good", "requires-improvement", "inadequate", "not-yet-rated"] as const;
export type CqcRating = (typeof cqcRatings)[number];

export const cqcRatingLabels: Record<CqcRating, string> = {
  outstanding: "Outstanding",
  good: "Good",
  "requires-improvement": "Requires improvement",
  inadequate: "Inadequate",
  "not-yet-rated": "Not yet rated",
};

/**
 * Where an organisation stands in a site. Applicants are `interest`, `applying` and `in-review`;
 * the panel's decision (provider approval part 2) makes them `approved` or `walking-through`,
 * the two standings of an approved provider, or `not-yet` or `declined`.
 */
export const standings = [
  "interest",
  "applying",
  "in-review",
  "approved",
  "walking-through",
  "not-yet",
  "declined",
  "withdrawn",
] as const;
export type Standing = (typeof standings)[number];

export const standingLabels: Record<Standing, string> = {
  interest: "Registered interest",
  applying: "Writing an application",
  "in-review": "Application in review",
  approved: "Approved provider",
  "walking-through": "Approved to walk through",
  "not-yet": "Not yet",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

/** Approved providers book cohort sessions and can be chosen by individuals; applicants cannot. */
export const approvedStandings: readonly Standing[] = ["approved", "walking-through"];

/** Standings from which an organisation may start a new application. */
export const mayApplyFrom: readonly Standing[] = ["interest", "withdrawn", "not-yet"];
