import { Entity } from "electrodb";
import { cohortJoins } from "../cohort-shape";
import { keyOptions, versioned } from "./common";

/**
 * An organisation's place in its site's cohort. Approval puts it there; the team may add or
 * remove one with a reason. A removed organisation keeps its item (and its attendance), marked
 * inactive, so its history stays and it can be added back. Attendance is counted here, in the
 * same change that records it, so the cohort page reads rates without reading every session.
 */
export const CohortMemberEntity = new Entity({
  model: { entity: "cohortMember", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    active: { type: "boolean", required: true },
    joinedHow: { type: cohortJoins, required: true },
    joinedAt: { type: "string", required: true },
    /** Why the team added or last removed it; typed by the team, so never in an audit event. */
    reason: { type: "string" },
    changedBy: { type: "string", required: true },
    /** Places at sessions whose attendance was recorded: came, and did not. */
    attended: { type: "number", required: true, default: () => 0 },
    missed: { type: "number", required: true, default: () => 0 },
    ...versioned,
  },
  indexes: {
    // A site's cohort, one item per organisation.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["organisationId"], template: "cohort#member#${organisationId}", ...keyOptions },
    },
  },
});

/**
 * What one person of a cohort organisation chose to share with the rest of the cohort. Nothing is
 * shared until they say so, and they can change it or stop sharing at any time.
 */
export const CohortContactEntity = new Entity({
  model: { entity: "cohortContact", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    shareEmail: { type: "boolean", required: true },
    phone: { type: "string", required: true },
    /** A line about what they are glad to talk about, e.g. "Recruiting support workers". */
    about: { type: "string", required: true },
    ...versioned,
  },
  indexes: {
    // The contacts shared in a site's cohort, grouped by organisation.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["organisationId", "personId"],
        template: "cohort#contact#${organisationId}#${personId}",
        ...keyOptions,
      },
    },
  },
});
