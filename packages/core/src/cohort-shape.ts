/**
 * The words and limits of a site's cohort: its sessions, places and mentoring. Plain constants
 * with no imports, so the web app can share the labels and limits.
 */

export const sessionKinds = ["networking", "training", "mentoring-circle", "peer-support"] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const sessionKindLabels: Record<SessionKind, string> = {
  networking: "Networking",
  training: "Training",
  "mentoring-circle": "Mentoring circle",
  "peer-support": "Peer support",
};

export const sessionFormats = ["in-person", "online"] as const;
export type SessionFormat = (typeof sessionFormats)[number];

/** What a place offers people who need it; each is said plainly on the session's page. */
export const accessFeatures = ["stepFree", "hearingLoop", "quietRoom"] as const;
export type AccessFeature = (typeof accessFeatures)[number];

export const accessFeatureLabels: Record<AccessFeature, string> = {
  stepFree: "Step-free access",
  hearingLoop: "Hearing loop",
  quietRoom: "Quiet room",
};

/**
 * A session's places and waiting list are bounded, so that telling everyone booked about a
 * change, or recording who came, fits in one transaction (at most 100 items, see change.ts).
 */
export const sessionLimits = { capacity: 40, waiting: 20 } as const;

export const placeStatuses = ["booked", "waiting"] as const;
export type PlaceStatus = (typeof placeStatuses)[number];

export const sessionStatuses = ["scheduled", "cancelled"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** How an organisation came to be in the cohort. */
export const cohortJoins = ["approval", "team"] as const;
export type CohortJoin = (typeof cohortJoins)[number];

/** How a mentoring pairing is going, worked out from when it began and when the pair last met. */
export const pairStates = ["too-early", "on-track", "needs-check-in"] as const;
export type PairState = (typeof pairStates)[number];

export const pairStateLabels: Record<PairState, string> = {
  "too-early": "Too early to tell",
  "on-track": "On track",
  "needs-check-in": "Needs a check-in",
};

/**
 * When a pairing needs the team: it is too early to tell for its first 4 weeks; it needs a
 * check-in when no meeting has been logged for 6 weeks, or none at all 3 weeks after it began.
 */
export const mentoringWeeks = { tooEarly: 4, sinceLastMeeting: 6, firstContact: 3 } as const;

export const pairStatuses = ["active", "ended"] as const;
export type PairStatus = (typeof pairStatuses)[number];
