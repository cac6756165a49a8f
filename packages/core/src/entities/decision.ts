import { Entity } from "electrodb";
import { outcomes } from "../decision-shape";
import { keyOptions, versioned } from "./common";

/**
 * The panel's decision on one application, kept beside the organisation's other records so its
 * people read it as their own. One per application: it is created only where none exists, so two
 * leads deciding at once cannot both succeed. The letter is worded from it when read.
 */
export const DecisionEntity = new Entity({
  model: { entity: "decision", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true, readOnly: true },
    outcome: { type: outcomes, required: true, readOnly: true },
    rationale: { type: "string", required: true, readOnly: true },
    /** For approval to walk through: the conditions to meet, one per entry. */
    conditions: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    /** For "not yet": what would change the answer. */
    whatWouldChange: { type: "string" },
    /** The panel's feedback as recorded when the decision was made. */
    feedback: { type: "string" },
    decidedBy: { type: "string", required: true, readOnly: true },
    decidedAt: { type: "string", required: true, readOnly: true },
    ...versioned,
  },
  indexes: {
    byOrganisation: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["organisationId", "applicationId"],
        template: "organisation#${organisationId}#decision#${applicationId}",
        ...keyOptions,
      },
    },
  },
});
