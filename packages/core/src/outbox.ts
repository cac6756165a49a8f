import { db } from "./db";
import { render } from "./messages";
import type { MessageTemplate } from "./outbox-templates";

/**
 * Messages that changes send (emails today). A service queues one with `useChange().send()`;
 * the change writes it in its own transaction and hands it to `deliver()` after the commit,
 * which words it (messages.ts) and passes it to the configured port: SES in AWS, an in-memory
 * mailbox on one machine. With no port configured, messages stay pending in the table.
 */
export interface OutboxNote {
  siteId: string;
  /** Which message, e.g. "invitation". */
  template: MessageTemplate;
  /** Who it is for, by id; the address is looked up when it is sent. */
  to: Recipient;
  /** Ids and codes the template needs, never free text. */
  params?: Record<string, string>;
}

export type { MessageTemplate } from "./outbox-templates";

/** A person, or an invitation (whose address may belong to no one yet). */
export type Recipient = { person: string } | { invitation: string };

export interface QueuedMessage extends OutboxNote {
  at: string;
  messageId: string;
}

/** A message ready to send, in everyday words and in easy read. */
export interface Email {
  messageId: string;
  siteId: string;
  template: MessageTemplate;
  to: string;
  subject: string;
  /** The message in everyday words: plain text, paragraphs separated by blank lines. */
  plain: string;
  /** The same message in easy read: short sentences, one idea per line. */
  easyRead: string;
}

/** Sends one email; throws if it could not be sent, so it stays pending. */
export type MessagePort = (email: Email) => Promise<void>;

export interface MessageSettings {
  port: MessagePort;
  /** The web app's address, for links in messages. */
  appUrl: string;
}

let settings: MessageSettings | undefined;

export function configureMessages(newSettings: MessageSettings | undefined): void {
  settings = newSettings;
}

/** Sends messages whose change has committed, and records each one's outcome. */
export async function deliver(messages: QueuedMessage[]): Promise<void> {
  const current = settings;
  if (!current) return;
  await Promise.all(
    messages.map(async (message) => {
      const key = { siteId: message.siteId, at: message.at, messageId: message.messageId };
      try {
        const email = await render(message, current.appUrl);
        // Its recipient went before it could be sent (an invitation cancelled at once): nothing to say.
        if (!email) {
          await db.entities.outboxMessage.patch(key).set({ status: "dropped" }).go();
          return;
        }
        await current.port(email);
        await db.entities.outboxMessage.patch(key).set({ status: "sent" }).add({ attempts: 1 }).go();
      } catch {
        // The change itself has committed; a message that failed stays for the next attempt.
        await db.entities.outboxMessage.patch(key).add({ attempts: 1 }).go();
      }
    }),
  );
}
