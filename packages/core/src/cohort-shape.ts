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
