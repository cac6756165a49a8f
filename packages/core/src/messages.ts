import { dayMs } from "./clock";
import { db } from "./db";
import type { Email, QueuedMessage } from "./outbox";
import * as Person from "./person";
import { roleLabels, type SiteRole } from "./role";

/**
 * The words of every message the platform sends, each in everyday words and in easy read (short
 * sentences, one idea a line, the action spelled out). Worded when sent, from the records as they
 * are then, so a message never carries a name the outbox had to store.
 */
export async function render(message: QueuedMessage, appUrl: string): Promise<Email | undefined> {
  switch (message.template) {
    case "invitation":
      return "invitation" in message.to ? invitation(message, message.to.invitation, appUrl) : undefined;
  }
}

/** How long an invitation lasts after it is sent. Here because the message promises it. */
export const invitationLifetimeDays = 14;

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

async function invitation(message: QueuedMessage, invitationId: string, appUrl: string): Promise<Email | undefined> {
  const [found, site] = await Promise.all([
    db.entities.invitation.get({ siteId: message.siteId, invitationId }).go(),
    db.entities.site.get({ siteId: message.siteId }).go(),
  ]);
  const invite = found.data;
  if (!invite || !site.data) return undefined;
  const inviter = (await Person.namesOf([invite.invitedBy])).get(invite.invitedBy) ?? "The Small Supports team";
  const role = roleLabels[invite.role as SiteRole];
  const until = longDate.format(new Date(Date.parse(invite.sentAt) + invitationLifetimeDays * dayMs));
  const siteName = site.data.name;
  const link = appUrl.replace(/\/+$/, "");

  return {
    messageId: message.messageId,
    siteId: message.siteId,
    template: message.template,
    to: invite.email,
    subject: `You are invited to join ${siteName} on Small Supports`,
    plain: [
      `Hello ${invite.name},`,
      `${inviter} has invited you to join ${siteName} on Small Supports as ${roleInSentence[invite.role as SiteRole]}.`,
      `Small Supports is where ${siteName}'s team approves small local support providers and works with them.`,
      `To accept, sign in at ${link} with this email address (${invite.email}). You will see the invitation there, and can join or say no.`,
      `The invitation lasts until ${until}. If it runs out, ask ${inviter} to send it again.`,
      "If you were not expecting this email, you can ignore it.",
    ].join("\n\n"),
    easyRead: [
      `Hello ${invite.name}.`,
      `You are invited to join ${siteName}.`,
      `${inviter} sent this invitation.`,
      `Your role will be: ${role}.`,
      `To join, go to ${link}`,
      `Sign in with this email address: ${invite.email}`,
      "Then press the Join button.",
      `Please do this before ${until}.`,
      "You can ignore this email if you were not expecting it.",
    ].join("\n"),
  };
}

/** "…invited you to join Devon as a project lead." */
const roleInSentence: Record<SiteRole, string> = {
  lead: "a project lead",
  team: "a member of the site team",
  expert: "an expert by experience",
  provider: "a provider lead",
};
