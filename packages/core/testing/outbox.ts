import type { QueuedMessage } from "../src/outbox";
import type { MessageTemplate } from "../src/outbox-templates";
import { changesSince } from "./table";

/**
 * The messages changes put in the outbox since `before` (an earlier `allItems()`), as deliver()
 * is handed them, so a test can word them with `render`.
 */
export async function queuedSince(before: Record<string, unknown>[]): Promise<QueuedMessage[]> {
  const { added } = await changesSince(before);
  return added
    .filter((item) => item.__edb_e__ === "outboxMessage")
    .map((item) => ({
      siteId: String(item.siteId),
      at: String(item.at),
      messageId: String(item.messageId),
      template: item.template as MessageTemplate,
      to:
        item.recipientType === "invitation"
          ? { invitation: String(item.recipientId) }
          : { person: String(item.recipientId) },
      params: JSON.parse(String(item.params)),
    }));
}
