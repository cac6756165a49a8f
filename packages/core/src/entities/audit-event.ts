import { Entity } from "electrodb";
import { keyOptions } from "./common";

/**
 * One change in a site: who did what to which record, and when. Written with the change.
 *
 * Audit events are kept for good, so they hold ids and structured, non-personal fields only:
 * never a name, an email or anything a person typed. The activity list puts names in when it is
 * read, so erasing a person never means rewriting history.
 */
export const AuditEventEntity = new Entity({
  model: { entity: "auditEvent", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    /** What happened, e.g. "member.role_changed". */
    action: { type: "string", required: true, readOnly: true },
    recordType: { type: "string", required: true, readOnly: true },
    recordId: { type: "string", required: true, readOnly: true },
    /** The names of the fields the change set. */
    changed: { type: "list", items: { type: "string" }, readOnly: true },
    /** JSON of non-personal fields (roles, statuses, counts) before and after. */
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
