import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead } from "../seeding";
import { allItems, useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import { atTime } from "./clock";
import * as Invitation from "./invitation";
import { render } from "./messages";
import { configureMessages, deliver, type Email, type QueuedMessage } from "./outbox";
import * as Person from "./person";
import * as Site from "./site";

useFreshTable();

const appUrl = "https://smallsupports.example.org/";
/** Midday in London, so the dates below are the same in any time zone the tests run in. */
const sentOn = new Date("2026-11-25T12:00:00.000Z");
let lena: Actor;
let invitation: Invitation.Invitation;

beforeAll(async () => {
  const nadia = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  lena = await addSiteWithLead(
    { personId: nadia.personId, national: true },
    { siteId: "dovecote", name: "Dovecote Valley", area: "Dovecote Valley ICB" },
    { name: "Lena Lead", email: "lena@example.org" },
  );
  invitation = await atTime(sentOn, () =>
    withActor(lena, () =>
      Invitation.invite({ siteId: "dovecote", name: "Sam Patel", email: "sam@example.org", role: "expert" }),
    ),
  );
});

afterEach(() => configureMessages(undefined));

/** The message the outbox holds for an invitation, as the change handed it to deliver(). */
async function queuedFor(invitationId: string): Promise<QueuedMessage[]> {
  return (await allItems())
    .filter((item) => item.__edb_e__ === "outboxMessage" && item.recipientId === invitationId)
    .map((item) => ({
      siteId: String(item.siteId),
      at: String(item.at),
      messageId: String(item.messageId),
      template: "invitation" as const,
      to: { invitation: invitationId },
      params: JSON.parse(String(item.params)),
    }));
}

async function renderOnly(invitationId: string): Promise<Email | undefined> {
  const [queued] = await queuedFor(invitationId);
  if (!queued) throw new Error("No message was queued for the invitation.");
  return render(queued, appUrl);
}

describe("the invitation email", () => {
  it("names the site, the inviter, the role and the last day, in everyday words", async () => {
    const email = await renderOnly(invitation.invitationId);
    expect(email).toMatchObject({
      siteId: "dovecote",
      template: "invitation",
      to: "sam@example.org",
      subject: "You are invited to join Dovecote Valley on Small Supports",
    });
    const plain = email?.plain ?? "";
    expect(plain).toMatch(/^Hello Sam Patel,/);
    expect(plain).toContain(
      "Lena Lead has invited you to join Dovecote Valley on Small Supports as an expert by experience.",
    );
    // Fourteen days after it was sent, written the British way.
    expect(plain).toContain("The invitation lasts until 9 December 2026.");
    expect(plain).toContain("sign in at https://smallsupports.example.org with this email address (sam@example.org)");
    // Paragraphs, separated by one blank line each.
    expect(plain.split("\n\n").length).toBeGreaterThanOrEqual(4);
    expect(plain).not.toMatch(/\n{3}/);
  });

  it("says the same in easy read: one short sentence a line", async () => {
    const easyRead = (await renderOnly(invitation.invitationId))?.easyRead ?? "";
    const lines = easyRead.split("\n");
    expect(lines).toContain("You are invited to join Dovecote Valley.");
    expect(lines).toContain("Lena Lead sent this invitation.");
    expect(lines).toContain("Your role will be: Expert by experience.");
    expect(lines).toContain("Sign in with this email address: sam@example.org");
    expect(lines.some((line) => line.includes("9 December 2026"))).toBe(true);
    expect(lines.some((line) => line.includes("https://smallsupports.example.org"))).toBe(true);
    for (const line of lines) {
      expect(line.trim(), "no blank lines").not.toBe("");
      // A full stop, question or exclamation mark followed by more words is a second sentence.
      expect(line, "one sentence a line").not.toMatch(/[.?!]\s+\S/);
      expect(line.split(" ").length, "short sentences").toBeLessThanOrEqual(12);
    }
  });

  it("is worded in British English", async () => {
    const email = await renderOnly(invitation.invitationId);
    const words = `${email?.subject}\n${email?.plain}\n${email?.easyRead}`;
    // Day before month, and no American spellings of the words such messages use.
    expect(words).not.toMatch(/[A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(words).not.toMatch(/\b(canceled|color|center|organization|enroll|program)\b/i);
  });

  it("promises the date 14 days after it was last sent", async () => {
    const { siteId, invitationId, version } = invitation;
    const resent = await atTime(new Date("2026-12-01T12:00:00.000Z"), () =>
      withActor(lena, () => Invitation.resend({ siteId, invitationId, version })),
    );
    expect(resent.sendCount).toBe(2);
    // Every message for the invitation is worded from the invitation as it is now.
    const emails = await Promise.all(
      (await queuedFor(invitation.invitationId)).map((message) => render(message, appUrl)),
    );
    expect(emails).toHaveLength(2);
    for (const email of emails) {
      expect(email?.plain).toContain("The invitation lasts until 15 December 2026.");
      expect(email?.easyRead).toContain("15 December 2026");
    }
  });

  it("comes from the Small Supports team when the platform itself invited", async () => {
    await withActor(systemActor, () =>
      Site.create({
        siteId: "elmstead",
        name: "Elmstead",
        area: "Elmstead ICB",
        lead: { name: "Eli Lead", email: "eli@example.org" },
      }),
    );
    const [lead] = await withActor(systemActor, () => Invitation.leadInvitations({ siteId: "elmstead" }));
    const email = await renderOnly(lead?.invitationId ?? "");
    expect(email?.plain).toContain(
      "The Small Supports team has invited you to join Elmstead on Small Supports as a project lead.",
    );
    expect(email?.easyRead).toContain("Your role will be: Project lead.");
  });
});

describe("delivering", () => {
  it("hands the port the rendered email and records it sent", async () => {
    const sent: Email[] = [];
    configureMessages({ appUrl, port: async (email) => void sent.push(email) });
    const fresh = await withActor(lena, () =>
      Invitation.invite({ siteId: "dovecote", name: "Tom Sent", email: "tom@example.org", role: "team" }),
    );
    const [stored] = (await allItems()).filter((item) => item.recipientId === fresh.invitationId);
    expect(stored).toMatchObject({ status: "sent", attempts: 1 });
    expect(sent).toEqual([await renderOnly(fresh.invitationId)]);
  });

  it("keeps a message the port could not send pending, for another try", async () => {
    configureMessages({
      appUrl,
      port: async () => {
        throw new Error("The mail service is down.");
      },
    });
    const fresh = await withActor(lena, () =>
      Invitation.invite({ siteId: "dovecote", name: "Ula Unsent", email: "ula@example.org", role: "team" }),
    );
    const [stored] = (await allItems()).filter((item) => item.recipientId === fresh.invitationId);
    expect(stored).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("drops a message whose invitation has gone, without calling the port", async () => {
    // No port while it is written, so the message waits, as it would if sending had failed.
    const doomed = await withActor(lena, () =>
      Invitation.invite({ siteId: "dovecote", name: "Gil Gone", email: "gil@example.org", role: "provider" }),
    );
    await withActor(lena, () =>
      Invitation.cancel({ siteId: doomed.siteId, invitationId: doomed.invitationId, version: doomed.version }),
    );
    const queued = await queuedFor(doomed.invitationId);
    expect(queued).toHaveLength(1);
    expect(await render(queued[0] as QueuedMessage, appUrl)).toBeUndefined();

    const sent: Email[] = [];
    configureMessages({ appUrl, port: async (email) => void sent.push(email) });
    await deliver(queued);
    expect(sent).toEqual([]);
    const [stored] = (await allItems()).filter((item) => item.recipientId === doomed.invitationId);
    expect(stored).toMatchObject({ status: "dropped", attempts: 0 });
  });
});
