import type { Outbox } from "@smallsupports/core";

export interface MailboxEntry extends Outbox.Email {
  /** When the port took the email, as an ISO 8601 string. */
  deliveredAt: string;
}

export interface LocalMailbox {
  port: Outbox.MessagePort;
  /** Every email kept, newest first. */
  list(): MailboxEntry[];
}

/**
 * Local mode's stand-in for SES: emails are kept in memory for people and tests to read, so an
 * invitation can be followed without an email account. Beyond `limit`, the oldest are dropped so
 * a long-running demo cannot grow without end.
 */
export function createLocalMailbox(limit = 500): LocalMailbox {
  const entries: MailboxEntry[] = [];
  return {
    port: async (email) => {
      entries.unshift({ ...email, deliveredAt: new Date().toISOString() });
      if (entries.length > limit) entries.length = limit;
    },
    list: () => [...entries],
  };
}
