import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead, signInAndJoin } from "../seeding";
import { auditEvents, auditProblems, useFreshTable } from "../testing";
import * as Activity from "./activity";
import { type Actor, systemActor, withActor } from "./actor";
import * as Invitation from "./invitation";
import * as Membership from "./membership";
import * as Person from "./person";
import * as SignIn from "./sign-in";

useFreshTable();

const keyOf = ({ siteId, invitationId, version }: Invitation.Invitation) => ({ siteId, invitationId, version });

// Names, emails and typed text that the changes below carry; none may reach an audit event.
const typed = {
  siteName: "Quillmoor Heights",
  area: "Quillmoor Borough Council",
  national: "Nadia Quintrell",
  nationalEmail: "nadia.quintrell@national.example.org",
  member: "Zebedee Farnsworth",
  memberEmail: "zebedee.farnsworth@example.org",
  misspelt: "Otilie Brakenbury",
  invitee: "Ottilie Brackenbury",
  inviteeEmail: "ob@example.org",
  decliner: "Perpetua Lindqvist",
  declinerEmail: "perpetua.lindqvist@example.org",
  renamed: "Zeb Farnsworth-Hale",
};

describe("audit events", () => {
  beforeAll(async () => {
    const nadia = await withActor(systemActor, () =>
      Person.addNational({ name: typed.national, email: typed.nationalEmail }),
    );
    const national: Actor = { personId: nadia.personId, national: true };
    // The site, its lead's invitation, the lead's first sign-in and their joining.
    const lead = await addSiteWithLead(
      national,
      { siteId: "quillmoor", name: typed.siteName, area: typed.area },
      { name: typed.member, email: typed.memberEmail },
    );
    // An invitation with a misspelt name, corrected, then accepted.
    const sent = await withActor(lead, () =>
      Invitation.invite({ siteId: "quillmoor", name: typed.misspelt, email: typed.inviteeEmail, role: "team" }),
    );
    await withActor(lead, () =>
      Invitation.correct({ ...keyOf(sent), name: typed.invitee, email: typed.inviteeEmail, role: "team" }),
    );
    const expert = await signInAndJoin(
      "quillmoor",
      { name: typed.invitee, email: typed.inviteeEmail },
      sent.invitationId,
    );
    await withActor(lead, () =>
      Membership.changeRole({ siteId: "quillmoor", personId: expert.personId, role: "expert", version: 1 }),
    );
    await withActor(lead, () => Membership.remove({ siteId: "quillmoor", personId: expert.personId, version: 2 }));
    // An invitation sent twice and then declined by someone signing in for the first time.
    const declined = await withActor(lead, () =>
      Invitation.invite({ siteId: "quillmoor", name: typed.decliner, email: typed.declinerEmail, role: "provider" }),
    );
    await withActor(lead, () => Invitation.resend(keyOf(declined)));
    const decliner = await SignIn.personFor(typed.declinerEmail);
    if (!decliner) throw new Error("The person invited could not sign in.");
    await withActor({ personId: decliner.personId, national: false }, () =>
      Invitation.decline({ siteId: "quillmoor", invitationId: declined.invitationId }),
    );
    // A lead's invitation cancelled by national staff.
    const cancelled = await withActor(national, () =>
      Invitation.inviteLead({ siteId: "quillmoor", name: "Cancelled Lead", email: "cancelled.lead@example.org" }),
    );
    await withActor(national, () => Invitation.cancelLead(keyOf(cancelled)));
    // The lead corrects their own name, then links a Cognito account.
    await withActor(lead, () => Person.rename({ name: typed.renamed, version: 1 }));
    await SignIn.withCognito({
      subject: "0f8fad5b-d9cb-469f-a165-70867728950e",
      email: typed.memberEmail,
      emailVerified: true,
    });
  });

  it("hold ids and codes only: no name, email or typed text, in any field", async () => {
    const events = await auditEvents();
    expect(events.map((event) => event.action).sort()).toEqual([
      "invitation.cancelled",
      "invitation.corrected",
      "invitation.declined",
      "invitation.resent",
      "invitation.sent",
      "invitation.sent",
      "invitation.sent",
      "invitation.sent",
      "member.joined",
      "member.joined",
      "member.removed",
      "member.role_changed",
      "person.added",
      "person.created",
      "person.created",
      "person.created",
      "person.renamed",
      "person.sign_in_linked",
      "site.created",
    ]);
    const secrets = [...Object.values(typed), "Ottilie", "Brackenbury", "Perpetua", "Cancelled Lead", "@"];
    expect(auditProblems(events, secrets)).toEqual([]);
    // A corrected name is recorded as corrected, never as what it was or became.
    const corrected = events.find((event) => event.action === "invitation.corrected");
    expect(corrected?.changed).toEqual(["name", "role"]);
    const renamed = events.find((event) => event.action === "person.renamed");
    expect(renamed).toMatchObject({ changed: ["name"] });
    expect(renamed).not.toHaveProperty("before");
    expect(renamed).not.toHaveProperty("after");
  });

  it("are worded with today's names when the activity list is read", async () => {
    const { items } = await Activity.list({ siteId: "quillmoor", limit: 20 });
    const worded = items.map((item) => [item.actorName, item.summary]);
    // A change's events share one time, so the site and its first invitation come in either order.
    const [first, second] = worded.splice(-2);
    expect([first, second].sort()).toEqual([
      [typed.national, `Added the site ${typed.siteName}`],
      [typed.national, "Invited someone to join as Project lead"],
    ]);
    expect(worded).toEqual([
      [typed.national, "Cancelled an invitation to join as Project lead"],
      [typed.national, "Invited someone to join as Project lead"],
      ["The person invited", "Said no to an invitation to join as Provider lead"],
      [typed.renamed, "Sent an invitation again"],
      [typed.renamed, "Invited someone to join as Provider lead"],
      [typed.renamed, `Removed ${typed.invitee} (Expert by experience) from the site`],
      [typed.renamed, `Changed ${typed.invitee}'s role from Site team to Expert by experience`],
      [typed.invitee, `${typed.invitee} joined as Site team`],
      [typed.renamed, "Corrected an invitation"],
      [typed.renamed, "Invited someone to join as Site team"],
      [typed.renamed, `${typed.renamed} joined as Project lead`],
    ]);
  });
});
