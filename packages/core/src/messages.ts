import { NATIONAL_SCOPE } from "./change";
import { dayMs } from "./clock";
import { db } from "./db";
import { describeUkSpan } from "./london-time";
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
    case "session-changed":
    case "session-cancelled":
    case "place-offered":
    case "session-reminder":
      return "person" in message.to ? aboutSession(message, message.to.person, appUrl) : undefined;
    default:
      return "person" in message.to ? toPerson(message, message.to.person, appUrl) : undefined;
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

/**
 * Messages about panel work and applications, to a person. They say what needs doing and where,
 * never an application's answers, and never which organisation a reviewer is reviewing (review
 * may be blind), nor anything about an individual.
 */
async function toPerson(message: QueuedMessage, personId: string, appUrl: string): Promise<Email | undefined> {
  const [person, site] = await Promise.all([
    db.entities.person.get({ personId }).go(),
    db.entities.site.get({ siteId: message.siteId }).go(),
  ]);
  if (!person.data || !site.data) return undefined;
  const { siteId } = message;
  const params = message.params ?? {};
  const link = appUrl.replace(/\/+$/, "");
  const siteName = site.data.name;
  const name = person.data.name;
  const application = `${params.organisationId}/${params.applicationId}`;
  const due = params.dueDate ? longDate.format(new Date(`${params.dueDate}T12:00:00Z`)) : "";
  const base = { messageId: message.messageId, siteId, template: message.template, to: person.data.email };
  switch (message.template) {
    case "review-assigned":
      return {
        ...base,
        subject: `An application to review for ${siteName}`,
        plain: [
          `Hello ${name},`,
          `You have been asked to review an application for ${siteName}'s panel.`,
          `First, say whether you have a conflict of interest with the organisation. Then read the application and score it: ${link}/reviews/${siteId}/${application}`,
          'You can find it any time under "What needs you" when you sign in.',
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          `${siteName} asks you to look at an application.`,
          "First, tell us if you know the people who sent it.",
          "Then read it and give your scores.",
          `Go to ${link}/reviews/${siteId}/${application}`,
        ].join("\n"),
      };
    case "review-due-soon":
    case "review-overdue": {
      const overdue = message.template === "review-overdue";
      return {
        ...base,
        subject: overdue ? `Your review for ${siteName} is overdue` : `Your review for ${siteName} is due on ${due}`,
        plain: [
          `Hello ${name},`,
          overdue
            ? `Your review of an application for ${siteName} was due on ${due} and has not been submitted yet. If you cannot finish it, please tell the project lead.`
            : `A reminder that your review of an application for ${siteName} is due on ${due}.`,
          `You can carry on where you left off: ${link}/reviews/${siteId}/${application}`,
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          overdue ? `Your scores were due on ${due}.` : `Your scores are due on ${due}.`,
          overdue ? "Please send them soon, or tell the project lead." : "This is a reminder.",
          `Go to ${link}/reviews/${siteId}/${application}`,
        ].join("\n"),
      };
    }
    case "information-requested":
      return {
        ...base,
        subject: `${siteName} would like to know more about your application`,
        plain: [
          `Hello ${name},`,
          `${siteName}'s team would like to know more about some of your answers. You can see which questions, and answer them again, here: ${link}/organisations/${siteId}/${application.replace("/", "/applications/")}`,
          "When you have answered, send your application back from the same page.",
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          `${siteName} wants to know more.`,
          "Some questions are open again.",
          "Answer them and send your application back.",
          `Go to ${link}/organisations/${siteId}/${application.replace("/", "/applications/")}`,
        ].join("\n"),
      };
    case "decision-made":
      return {
        ...base,
        subject: `${siteName} has decided on your application`,
        plain: [
          `Hello ${name},`,
          `${siteName}'s panel has made its decision on your application. You can read the letter, with the panel's reasons and feedback, here: ${link}/organisations/${siteId}/${application.replace("/", "/applications/")}/decision`,
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          `${siteName} has decided.`,
          "There is a letter for you.",
          `Go to ${link}/organisations/${siteId}/${application.replace("/", "/applications/")}/decision`,
        ].join("\n"),
      };
    default:
      return undefined;
  }
}

/**
 * Messages about a cohort session, to someone with a place or waiting for one: what changed,
 * when and where it is now, and a link to it. The team's reason for a change or cancellation is
 * in the message, since it is written for the people booked.
 */
async function aboutSession(message: QueuedMessage, personId: string, appUrl: string): Promise<Email | undefined> {
  const { siteId } = message;
  const sessionId = message.params?.sessionId ?? "";
  const [person, site, found] = await Promise.all([
    db.entities.person.get({ personId }).go(),
    siteId === NATIONAL_SCOPE ? Promise.resolve(undefined) : db.entities.site.get({ siteId }).go(),
    db.entities.cohortSession.get({ siteId, sessionId }).go(),
  ]);
  const session = found.data;
  if (!person.data || !session || (site && !site.data)) return undefined;
  const host = site?.data ? `${site.data.name}'s cohort` : "the national Small Supports partnership";
  const name = person.data.name;
  const when = describeUkSpan(session.startsAt, session.endsAt);
  const where = session.format === "online" ? "Online" : session.place;
  // A national event's page for a provider is under their own site, where they booked it.
  const providersSite = message.params?.organisationSiteId;
  const path = site
    ? `/sites/${siteId}/cohort/sessions/${sessionId}`
    : providersSite
      ? `/sites/${providersSite}/cohort/national/${sessionId}`
      : `/national/events/${sessionId}`;
  const link = `${appUrl.replace(/\/+$/, "")}${path}`;
  const reason = session.reason ?? "";
  const base = { messageId: message.messageId, siteId, template: message.template, to: person.data.email };
  switch (message.template) {
    case "session-changed":
      return {
        ...base,
        subject: `A change to "${session.title}"`,
        plain: [
          `Hello ${name},`,
          `${capitalise(host)} has changed "${session.title}", which you have a place at or are waiting for.`,
          `Why: ${reason}`,
          `It is now on ${when}. Where: ${where}.`,
          `You can see the details, or give up your place, here: ${link}`,
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          `"${session.title}" has changed.`,
          `Why: ${reason}`,
          `When: ${when}.`,
          `Where: ${where}.`,
          `Go to ${link}`,
        ].join("\n"),
      };
    case "session-cancelled":
      return {
        ...base,
        subject: `"${session.title}" is cancelled`,
        plain: [
          `Hello ${name},`,
          `${capitalise(host)} has cancelled "${session.title}", which was to be on ${when}.`,
          `Why: ${reason}`,
          "You do not need to do anything. Your place has been let go.",
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          `"${session.title}" is cancelled.`,
          "It will not happen.",
          `Why: ${reason}`,
          "You do not need to do anything.",
        ].join("\n"),
      };
    case "place-offered":
      return {
        ...base,
        subject: `You have a place at "${session.title}"`,
        plain: [
          `Hello ${name},`,
          `A place came free at "${session.title}", a session of ${host}, and you were first on the waiting list, so it is yours.`,
          `It is on ${when}. Where: ${where}.`,
          `If you can no longer come, please give the place up so the next person can have it: ${link}`,
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          `You have a place at "${session.title}".`,
          `When: ${when}.`,
          `Where: ${where}.`,
          "If you cannot come, please tell us.",
          `Go to ${link}`,
        ].join("\n"),
      };
    case "session-reminder":
      return {
        ...base,
        subject: `Reminder: "${session.title}" is in two days`,
        plain: [
          `Hello ${name},`,
          `A reminder that you have a place at "${session.title}" on ${when}. Where: ${where}.`,
          `If you can no longer come, please give the place up so someone waiting can have it: ${link}`,
        ].join("\n\n"),
        easyRead: [
          `Hello ${name}.`,
          `"${session.title}" is in two days.`,
          `When: ${when}.`,
          `Where: ${where}.`,
          "If you cannot come, please tell us.",
          `Go to ${link}`,
        ].join("\n"),
      };
    default:
      return undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "…invited you to join Devon as a project lead." */
const roleInSentence: Record<SiteRole, string> = {
  lead: "a project lead",
  team: "a member of the site team",
  expert: "an expert by experience",
  provider: "a provider lead",
};
