import { Entity } from "electrodb";
import { reviewStates } from "../review-shape";
import { keyOptions, versioned } from "./common";

/**
 * One reviewer's review of one application: assigned by the lead with a due date, then the
 * reviewer's conflict declaration (none, or a conflict that recuses them), then their scores,
 * saved as they go and finally submitted. The scores live here and nowhere else, so the rule
 * "nobody sees another reviewer's scores until they have submitted their own" is a rule about
 * reading these items, kept in review.ts.
 */
export const ReviewEntity = new Entity({
  model: { entity: "review", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    reviewerId: { type: "string", required: true, readOnly: true },
    /** The reviewer's role when assigned: blind review hides the organisation from experts only. */
    reviewerRole: { type: ["lead", "team", "expert"] as const, required: true, readOnly: true },
    /** Whether the organisation is hidden from this reviewer after the conflict step. */
    blind: { type: "boolean", required: true, readOnly: true },
    state: { type: reviewStates, required: true },
    /** Open reviews (assigned or scoring) are in the reviewer's inbox; closed ones are not. */
    queue: { type: ["open", "closed"] as const, required: true },
    /** The day the review is due, YYYY-MM-DD. */
    dueDate: { type: "string", required: true },
    assignedBy: { type: "string", required: true, readOnly: true },
    /** Why the reviewer is conflicted, in their words: listed on the panel record. */
    conflictReason: { type: "string" },
    declaredAt: { type: "string" },
    /** JSON: criterion id → { score (1..scale size) or null when abstaining, comment }. */
    scores: { type: "string", required: true, default: () => "{}" },
    submittedAt: { type: "string" },
    /** Reminders already sent, so a sweep that runs twice never sends twice. */
    remindedBefore: { type: "boolean", required: true, default: () => false },
    remindedOverdue: { type: "boolean", required: true, default: () => false },
    ...versioned,
  },
  indexes: {
    // The reviews of one application.
    byApplication: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["applicationId", "reviewerId"],
        template: "review#${applicationId}#${reviewerId}",
        ...keyOptions,
      },
    },
    // A reviewer's open (or closed) reviews in every site, soonest due first: their inbox.
    byReviewer: {
      index: "gsi1",
      pk: {
        field: "gsi1pk",
        composite: ["reviewerId", "queue"],
        template: "reviewer#${reviewerId}#${queue}",
        ...keyOptions,
      },
      sk: {
        field: "gsi1sk",
        composite: ["dueDate", "siteId", "applicationId"],
        template: "${dueDate}#${siteId}#${applicationId}",
        ...keyOptions,
      },
    },
    // Every review due on one day, in every site: what the daily reminder sweep reads.
    byDueDate: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["dueDate"], template: "review-due#${dueDate}", ...keyOptions },
      sk: {
        field: "gsi2sk",
        composite: ["siteId", "applicationId", "reviewerId"],
        template: "${siteId}#${applicationId}#${reviewerId}",
        ...keyOptions,
      },
    },
  },
});

/**
 * The panel's record of one application, written by the lead once the reviews are in: the view
 * the panel agreed, and the feedback the decision letter carries to the provider.
 */
export const PanelEntity = new Entity({
  model: { entity: "panel", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    agreedView: { type: "string", required: true },
    feedback: { type: "string", required: true },
    recordedBy: { type: "string", required: true },
    ...versioned,
  },
  indexes: {
    byApplication: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["applicationId"], template: "panel#${applicationId}", ...keyOptions },
    },
  },
});
