import { Cursor, Outbox } from "@smallsupports/core";
import { configureDynamo } from "@smallsupports/core/dynamo";
import type { ApiConfig } from "./env";
import { createLocalMailbox, type LocalMailbox } from "./mail/local-mailbox";
import { sesPort } from "./mail/ses-port";

/**
 * Points the domain services at the table, the cursor secret and the mode's email port: the one
 * set-up every entry point shares (the HTTP app, locally and on Lambda, and the daily reminders).
 * Locally, emails wait in memory for the outbox page; in AWS they go out through SES.
 */
export function configureServices(
  config: ApiConfig,
  options: { mailPort?: Outbox.MessagePort } = {},
): { mailbox?: LocalMailbox } {
  configureDynamo(config.dynamo);
  Cursor.configureCursors(config.cursorSecret);
  const mailbox = config.mode === "local" ? createLocalMailbox() : undefined;
  Outbox.configureMessages({
    port: options.mailPort ?? mailbox?.port ?? sesPort({ region: config.dynamo.region, ...requiredSender(config) }),
    appUrl: config.mail.appUrl ?? "http://localhost:3000",
  });
  return mailbox ? { mailbox } : {};
}

function requiredSender(config: ApiConfig) {
  if (!config.mail.from) throw new Error("MAIL_FROM is required to send email through SES.");
  return { from: config.mail.from, configurationSet: config.mail.configurationSet };
}
