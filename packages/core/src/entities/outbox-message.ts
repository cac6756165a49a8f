import { Entity } from "electrodb";
import { messageTemplates } from "../outbox-templates";
import { keyOptions, updatedAt } from "./common";

/**
 * A message to send once its change has committed (an email today). Written in the change's own
 * transaction, so a message exists exactly when its change does, and sent afterwards, so a retried
 * transaction can never send twice. It names people by id; the address is looked up when sending.
 */
export const OutboxMessageEntity = new Entity({
  model: { entity: "outboxMessage", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    /** Which message, e.g. "invitation"; messages.ts words it. */
    template: { type: messageTemplates, required: true, readOnly: true },
    /** A person, or an invitation whose address may belong to no one yet. */
    recipientType: { type: ["person", "invitation"] as const, required: true, readOnly: true },
    recipientId: { type: "string", required: true, readOnly: true },
    /** JSON of the ids and codes the template needs (a role, a site id), never free text. */
    params: { type: "string", required: true, readOnly: true },
    /** "dropped": its recipient was gone before it could be sent. */
    status: { type: ["pending", "sent", "dropped"] as const, required: true, default: () => "pending" as const },
    attempts: { type: "number", required: true, default: () => 0 },
    updatedAt,
  },
  indexes: {
    // A site's messages in the order they were written.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["at", "messageId"], template: "outbox#${at}#${messageId}", ...keyOptions },
    },
  },
});
