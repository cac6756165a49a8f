import { db } from "./db";

/**
 * Messages that changes send (emails today). A service queues one with `useChange().send()`;
 * the change writes it in its own transaction and hands it to `deliver()` after the commit.
 * Where it goes depends on the configured port: SES in AWS, a local outbox on one machine.
 * With no port configured, messages stay pending in the table until one is.
 */
export interface OutboxNote {
  siteId: string;
  /** Which message, e.g. "member-added". */
  template: string;
  /** Who it is for, by person id; the address is looked up when sending. */
  recipientId: string;
  /** Ids and codes the template needs, never free text. */
  params?: Record<string, string>;
}

export interface QueuedMessage extends OutboxNote {
  at: string;
  messageId: string;
}

/** Sends one message; throws if it could not be sent, so it stays pending. */
export type MessagePort = (message: QueuedMessage) => Promise<void>;

let port: MessagePort | undefined;

export function configureMessages(newPort: MessagePort | undefined): void {
  port = newPort;
}

/** Sends messages whose change has committed, and records each one's outcome. */
export async function deliver(messages: QueuedMessage[]): Promise<void> {
  const send = port;
  if (!send) return;
  await Promise.all(
    messages.map(async (message) => {
      const key = { siteId: message.siteId, at: message.at, messageId: message.messageId };
      try {
        await send(message);
        await db.entities.outboxMessage.patch(key).set({ status: "sent" }).add({ attempts: 1 }).go();
      } catch {
        // The change itself has committed; a message that failed stays for the next attempt.
        await db.entities.outboxMessage.patch(key).add({ attempts: 1 }).go();
      }
    }),
  );
}
