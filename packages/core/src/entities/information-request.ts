import { Entity } from "electrodb";
import { keyOptions, versioned } from "./common";

/**
 * The lead asking an applicant for more on named questions of a sent application. The provider
 * answers those questions in place and sends the application back; the request keeps the answers
 * as they were when asked and as they were sent back, so the record shows what changed.
 */
export const InformationRequestEntity = new Entity({
  model: { entity: "informationRequest", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true, readOnly: true },
    requestId: { type: "string", required: true, readOnly: true },
    questionIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    /** What the lead would like to know, in their words. */
    message: { type: "string", required: true, readOnly: true },
    requestedBy: { type: "string", required: true, readOnly: true },
    requestedAt: { type: "string", required: true, readOnly: true },
    status: { type: ["open", "answered"] as const, required: true },
    /** JSON: question id → the answer when the request was made. */
    answersBefore: { type: "string", required: true, readOnly: true },
    /** JSON: question id → the answer sent back. */
    answersAfter: { type: "string" },
    answeredBy: { type: "string" },
    answeredAt: { type: "string" },
    ...versioned,
  },
  indexes: {
    // An application's requests, oldest first.
    byApplication: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["organisationId", "applicationId", "requestedAt", "requestId"],
        template: "organisation#${organisationId}#request#${applicationId}#${requestedAt}#${requestId}",
        ...keyOptions,
      },
    },
  },
});
