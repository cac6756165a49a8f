import { Entity } from "electrodb";
import { goalStatuses } from "../development-plan-shape";
import { keyOptions, versioned } from "./common";

/**
 * One goal of an approved provider's development plan. Approval seeds goals from the panel's
 * weakest criteria and any conditions to meet; the provider's people and the site team then
 * update each goal, each under its own version so two people never overwrite each other.
 */
export const DevelopmentGoalEntity = new Entity({
  model: { entity: "developmentGoal", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    goalId: { type: "string", required: true, readOnly: true },
    /** The criterion the goal grew from, if any. */
    criterionId: { type: "string", readOnly: true },
    title: { type: "string", required: true },
    /** Where the organisation is now. */
    now: { type: "string", required: true },
    /** Where it aims to get to. */
    aim: { type: "string", required: true },
    actions: { type: "string", required: true },
    owner: { type: "string", required: true },
    /** YYYY-MM-DD, or empty when not set yet. */
    targetDate: { type: "string", required: true },
    status: { type: goalStatuses, required: true },
    /** Orders goals: seeded goals first, then by when they were added. */
    position: { type: "string", required: true, readOnly: true },
    updatedBy: { type: "string", required: true },
    ...versioned,
  },
  indexes: {
    byOrganisation: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["organisationId", "position", "goalId"],
        template: "organisation#${organisationId}#goal#${position}#${goalId}",
        ...keyOptions,
      },
    },
  },
});
