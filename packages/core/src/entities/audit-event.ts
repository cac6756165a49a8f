import { Entity } from "electrodb";
import { keyOptions } from "./common";

/** One change in a site: who did what to which record, and when. Written with the change. */
export const AuditEventEntity = new Entity({
  model: { entity: "auditEvent", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorName: { type: "string", required: true, readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    recordType: { type: "string", required: true, readOnly: true },
    recordId: { type: "string", required: true, readOnly: true },
    /** A plain sentence for the activity list, e.g. "Invited Sam Patel as Expert by experience". */
    summary: { type: "string", required: true, readOnly: true },
    /** JSON of the fields that changed, before and after. */
    before: { type: "string", readOnly: true },
    after: { type: "string", readOnly: true },
  },
  indexes: {
    // A site's activity, oldest first by key (queried newest first).
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["at", "eventId"], template: "audit#${at}#${eventId}", ...keyOptions },
    },
  },
});
