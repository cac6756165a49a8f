import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, auditProblems, useFreshTable } from "../testing";
import * as Activity from "./activity";
import { type Actor, systemActor, withActor } from "./actor";
import * as Membership from "./membership";
import * as Person from "./person";
import * as SignIn from "./sign-in";
import * as Site from "./site";

useFreshTable();

// Names, emails and typed text that the changes below carry; none may reach an audit event.
const typed = {
  siteName: "Quillmoor Heights",
  area: "Quillmoor Borough Council",
  national: "Nadia Quintrell",
  nationalEmail: "nadia.quintrell@national.example.org",
  member: "Zebedee Farnsworth",
  memberEmail: "zebedee.farnsworth@example.org",
};

describe("audit events", () => {
  beforeAll(async () => {
    const nadia = await withActor(systemActor, () =>
      Person.addNational({ name: typed.national, email: typed.nationalEmail }),
    );
    const national: Actor = { personId: nadia.personId, national: true };
    await withActor(national, () => Site.create({ siteId: "quillmoor", name: typed.siteName, area: typed.area }));
    const member = await withActor(national, () =>
      Membership.invite({ siteId: "quillmoor", name: typed.member, email: typed.memberEmail, role: "lead" }),
    );
    const lead: Actor = { personId: member.personId, national: false };
    const expert = await withActor(lead, () =>
      Membership.invite({ siteId: "quillmoor", name: "Ottilie Brackenbury", email: "ob@example.org", role: "team" }),
    );
    await withActor(lead, () =>
      Membership.changeRole({ siteId: "quillmoor", personId: expert.personId, role: "expert", version: 1 }),
    );
    await withActor(lead, () => Membership.remove({ siteId: "quillmoor", personId: expert.personId, version: 2 }));
    await SignIn.withCognito({
      subject: "0f8fad5b-d9cb-469f-a165-70867728950e",
      email: typed.memberEmail,
      emailVerified: true,
    });
  });

  it("hold ids and codes only: no name, email or typed text, in any field", async () => {
    const events = await auditEvents();
    expect(events.map((event) => event.action).sort()).toEqual([
      "member.invited",
      "member.invited",
      "member.removed",
      "member.role_changed",
      "person.added",
      "person.sign_in_linked",
      "site.created",
    ]);
    expect(auditProblems(events, [...Object.values(typed), "Ottilie", "Brackenbury", "@"])).toEqual([]);
  });

  it("are worded with today's names when the activity list is read", async () => {
    const { items } = await Activity.list({ siteId: "quillmoor", limit: 10 });
    expect(items.map((item) => item.summary)).toEqual([
      "Removed Ottilie Brackenbury (Expert by experience) from the site",
      "Changed Ottilie Brackenbury's role from Site team to Expert by experience",
      "Invited Ottilie Brackenbury as Site team",
      `Invited ${typed.member} as Project lead`,
      `Added the site ${typed.siteName}`,
    ]);
    expect(items.map((item) => item.actorName)).toEqual([
      typed.member,
      typed.member,
      typed.member,
      typed.national,
      typed.national,
    ]);
  });
});
