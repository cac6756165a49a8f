import type { Outbox } from "@smallsupports/core";
import { describe, expect, it } from "vitest";
import { devOutboxRoutes } from "./dev-outbox-routes";
import { createLocalMailbox, type MailboxEntry } from "./local-mailbox";

function email(n: number): Outbox.Email {
  return {
    messageId: `message-${n}`,
    siteId: "devon",
    template: "invitation",
    to: `person${n}@example.org`,
    subject: `Invitation ${n}`,
    plain: "You are invited.",
    easyRead: "You are invited.",
  };
}

describe("createLocalMailbox", () => {
  it("keeps each email with when it arrived, newest first", async () => {
    const mailbox = createLocalMailbox();
    await mailbox.port(email(1));
    await mailbox.port(email(2));
    const [newest, oldest] = mailbox.list();
    expect(mailbox.list().map((entry) => entry.messageId)).toEqual(["message-2", "message-1"]);
    expect(newest).toMatchObject(email(2));
    expect(Date.parse(newest?.deliveredAt ?? "")).toBeGreaterThanOrEqual(Date.parse(oldest?.deliveredAt ?? ""));
    expect(newest?.deliveredAt).toBe(new Date(newest?.deliveredAt ?? "").toISOString());
  });

  it("drops the oldest beyond its limit", async () => {
    const mailbox = createLocalMailbox(2);
    for (const n of [1, 2, 3]) await mailbox.port(email(n));
    expect(mailbox.list().map((entry) => entry.messageId)).toEqual(["message-3", "message-2"]);
  });

  it("hands out copies, so a reader cannot change what is kept", async () => {
    const mailbox = createLocalMailbox();
    await mailbox.port(email(1));
    mailbox.list().pop();
    expect(mailbox.list()).toHaveLength(1);
  });
});

describe("devOutboxRoutes", () => {
  it("lists the mailbox at GET /outbox, newest first", async () => {
    const mailbox = createLocalMailbox();
    await mailbox.port(email(1));
    await mailbox.port(email(2));
    const response = await devOutboxRoutes(mailbox).request("/outbox");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { emails: MailboxEntry[] };
    expect(body.emails.map((entry) => entry.to)).toEqual(["person2@example.org", "person1@example.org"]);
  });
});
