import { SESv2Client, type SendEmailCommandInput, type SendEmailCommandOutput } from "@aws-sdk/client-sesv2";
import type { Outbox } from "@smallsupports/core";
import { describe, expect, it } from "vitest";
import { sesPort } from "./ses-port";

/** A real client whose first middleware answers for SES, so nothing leaves the machine. */
function fakeSes(answer: () => Promise<{ MessageId?: string }> = async () => ({ MessageId: "ses-1" })) {
  const sent: SendEmailCommandInput[] = [];
  const client = new SESv2Client({
    region: "eu-west-2",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  client.middlewareStack.add(
    () => async (args) => {
      sent.push(args.input as SendEmailCommandInput);
      const output: SendEmailCommandOutput = { ...(await answer()), $metadata: {} };
      return { output, response: {} };
    },
    { step: "initialize", name: "answerForSes" },
  );
  return { client, sent };
}

const email: Outbox.Email = {
  messageId: "2c7d2a9e-1a43-4a53-9d4e-6a1f0c3b8e11",
  siteId: "devon",
  template: "invitation",
  to: "sam@example.org",
  subject: "Join <script>alert(1)</script> Devon",
  plain:
    'Dear Sam & "friends",\n\nYou are invited to join Devon\'s team.\nOpen https://app.example.org/join?code=a&b=c. to accept.',
  easyRead: "You are invited.\n\nThis link lets you join: https://app.example.org/join?code=a&b=c\n<b>Thank you</b>",
};

function sentContent(input: SendEmailCommandInput | undefined) {
  const simple = input?.Content?.Simple;
  return { subject: simple?.Subject?.Data, text: simple?.Body?.Text?.Data ?? "", html: simple?.Body?.Html?.Data ?? "" };
}

describe("sesPort", () => {
  it("sends from the configured sender to the recipient, with the subject as written", async () => {
    const { client, sent } = fakeSes();
    const port = sesPort({ region: "eu-west-2", from: "Small Supports <no-reply@example.org>", client });
    await port(email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.FromEmailAddress).toBe("Small Supports <no-reply@example.org>");
    expect(sent[0]?.Destination).toEqual({ ToAddresses: ["sam@example.org"] });
    expect(sentContent(sent[0]).subject).toBe(email.subject);
    expect(sent[0]?.ConfigurationSetName).toBeUndefined();
  });

  it("puts the plain version first and the easy read version under its own heading, in both bodies", async () => {
    const { client, sent } = fakeSes();
    await sesPort({ region: "eu-west-2", from: "no-reply@example.org", client })(email);
    const { text, html } = sentContent(sent[0]);

    expect(text.indexOf("You are invited to join Devon's team.")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("Easy read version")).toBeGreaterThan(text.indexOf("You are invited to join Devon's team."));
    expect(text.indexOf("This link lets you join:")).toBeGreaterThan(text.indexOf("Easy read version"));

    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain("<h2");
    expect(html.indexOf("You are invited to join Devon&#39;s team.")).toBeGreaterThanOrEqual(0);
    expect(html.indexOf(">Easy read version</h2>")).toBeGreaterThan(html.indexOf("Devon&#39;s team."));
    expect(html.indexOf("This link lets you join:")).toBeGreaterThan(html.indexOf(">Easy read version</h2>"));
    // Each easy read line is a paragraph of its own, in larger text than the plain version.
    expect(html).toMatch(/<p style="[^"]*font-size:22px[^"]*">You are invited\.<\/p>/);
    expect(html).toMatch(/<p style="[^"]*">Dear Sam &amp; &quot;friends&quot;,<\/p>/);
  });

  it("escapes everything it was given in the HTML, and links only https addresses", async () => {
    const { client, sent } = fakeSes();
    await sesPort({ region: "eu-west-2", from: "no-reply@example.org", client })(email);
    const { html } = sentContent(sent[0]);

    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("<title>Join &lt;script&gt;alert(1)&lt;/script&gt; Devon</title>");
    expect(html).toContain("&lt;b&gt;Thank you&lt;/b&gt;");
    expect(html).toContain("Dear Sam &amp; &quot;friends&quot;,");
    // The full stop after an address ends the sentence, not the address.
    expect(html).toContain(
      '<a href="https://app.example.org/join?code=a&amp;b=c" style="color:#0b4f9c">https://app.example.org/join?code=a&amp;b=c</a>. to accept.',
    );
  });

  it("tags each email with its template and site, in the characters SES allows", async () => {
    const { client, sent } = fakeSes();
    const port = sesPort({ region: "eu-west-2", from: "no-reply@example.org", configurationSet: "mail", client });
    await port(email);
    await port({ ...email, siteId: "_national", template: "invitation reminder/2 é" as Outbox.Email["template"] });
    expect(sent[0]?.EmailTags).toEqual([
      { Name: "template", Value: "invitation" },
      { Name: "site", Value: "devon" },
    ]);
    expect(sent[1]?.EmailTags).toEqual([
      { Name: "template", Value: "invitation_reminder_2__" },
      { Name: "site", Value: "_national" },
    ]);
    expect(sent[1]?.ConfigurationSetName).toBe("mail");
  });

  it("throws when SES refuses, without repeating what SES said about the recipient", async () => {
    const refusal = Object.assign(new Error("Email address is not verified: sam@example.org"), {
      name: "MessageRejected",
      $metadata: { requestId: "req-1" },
    });
    const { client } = fakeSes(async () => {
      throw refusal;
    });
    const attempt = sesPort({ region: "eu-west-2", from: "no-reply@example.org", client })(email);
    await expect(attempt).rejects.toThrow(
      `SES did not send message ${email.messageId}: MessageRejected (request req-1).`,
    );
    await expect(attempt).rejects.not.toThrow(/sam@example\.org/);
  });
});
