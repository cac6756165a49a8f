import { type MessageTag, SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Outbox } from "@smallsupports/core";

export interface SesPortOptions {
  region: string;
  /** The sender, such as `Small Supports <no-reply@example.org>`, on a domain verified in SES. */
  from: string;
  configurationSet?: string;
  /** Tests pass a client whose middleware answers in place of AWS. */
  client?: SESv2Client;
}

/**
 * Sends each email through Amazon SES. One email carries both versions, everyday words first and
 * easy read below, so the person (or whoever helps them read it) can choose without a second email.
 */
export function sesPort(options: SesPortOptions): Outbox.MessagePort {
  let client = options.client;
  return async (email) => {
    // Created on first send, so a Lambda that sends nothing never builds a client.
    client ??= new SESv2Client({ region: options.region });
    const command = new SendEmailCommand({
      FromEmailAddress: options.from,
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: "UTF-8" },
          Body: {
            Text: { Data: textBody(email), Charset: "UTF-8" },
            Html: { Data: htmlBody(email), Charset: "UTF-8" },
          },
        },
      },
      EmailTags: [tag("template", email.template), tag("site", email.siteId)],
      ConfigurationSetName: options.configurationSet,
    });
    try {
      await client.send(command);
    } catch (error) {
      // SES messages can quote the recipient (an unverified address in the sandbox, say) and
      // whoever catches this may log it, so only the error's name and request id go on.
      const name = error instanceof Error ? error.name : "UnknownError";
      const requestId = (error as { $metadata?: { requestId?: string } }).$metadata?.requestId;
      throw new Error(
        `SES did not send message ${email.messageId}: ${name}${requestId ? ` (request ${requestId})` : ""}.`,
      );
    }
  };
}

const easyReadHeading = "Easy read version";

function textBody(email: Outbox.Email): string {
  const rule = "-".repeat(easyReadHeading.length);
  return `${email.plain.trim()}\n\n\n${rule}\n${easyReadHeading}\n${rule}\n\n${email.easyRead.trim()}\n`;
}

function htmlBody(email: Outbox.Email): string {
  const paragraphs = email.plain
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p style="margin:0 0 16px">${withLinks(paragraph).replace(/\n/g, "<br>")}</p>`);
  const easyReadLines = lines(email.easyRead).map(
    (line) => `<p style="margin:0 0 16px;font-size:22px;line-height:1.5">${withLinks(line)}</p>`,
  );
  return [
    "<!doctype html>",
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(email.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1a1a1a;background:#ffffff">',
    '<div style="max-width:40em">',
    ...paragraphs,
    '<hr style="margin:32px 0;border:0;border-top:2px solid #1a1a1a">',
    `<h2 style="margin:0 0 16px;font-size:26px">${easyReadHeading}</h2>`,
    ...easyReadLines,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** Escapes the text and makes each https address a link, as many mail clients will not. */
function withLinks(text: string): string {
  return text
    .split(/(https:\/\/[^\s<>"']*[^\s<>"'.,;:!?)])/)
    .map((part, index) => {
      const escaped = escapeHtml(part);
      // split() puts the captured addresses at the odd indexes.
      return index % 2 === 1 ? `<a href="${escaped}" style="color:#0b4f9c">${escaped}</a>` : escaped;
    })
    .join("");
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

/** SES takes only ASCII letters, digits, `_` and `-` in a tag, up to 256 characters. */
function tag(name: string, value: string): MessageTag {
  return { Name: name, Value: value.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256) || "none" };
}
