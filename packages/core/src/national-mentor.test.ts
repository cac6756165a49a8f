import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithTeam, approvedProvider, asMember, establishedProvider, publishAndOpen } from "../seeding";
import { auditEvents, auditProblems, useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import { NATIONAL_SCOPE } from "./change";
import { today } from "./clock";
import { ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Mentoring from "./mentoring";
import * as NationalMentor from "./national-mentor";
import * as Person from "./person";

useFreshTable();

const siteId = "dorset";
const secretNote = "Worked through the hard month with the family of a person supported";
let national: Actor;
let lead: Actor;
type Provider = { actor: Actor; organisationId: string };
let mentee: Provider;
let siteMentor: Provider;

const failure = (run: () => Promise<unknown>) => run().catch((error: unknown) => error);
const as = <T>(actor: Actor, run: () => Promise<T>) => withActor(actor, run);

beforeAll(async () => {
  const staff = await withActor(systemActor, () =>
    Person.addNational({ name: "Nia National", email: "nia@national.example.org" }),
  );
  national = { personId: staff.personId, national: true };
  ({ lead } = await addSiteWithTeam(
    { siteId, name: "Dorset", area: "Dorset" },
    { name: "Dee Lead", email: "dee@dorset.example.org" },
    {},
  ));
  await publishAndOpen(lead, siteId);
  const approved = (name: string, email: string, legalName: string) =>
    approvedProvider(lead, siteId, { name, email }, establishedProvider(legalName, "Dorchester"));
  mentee = await approved("Mo Mentee", "mo@purbeck.example.org", "Purbeck Living CIC");
  siteMentor = await approved("Sam Site", "sam@wessex.example.org", "Wessex Support CIC");
}, 60_000);

describe("national mentors", () => {
  it("are named by national staff only, never from national staff, and offered to every site's team", async () => {
    const input = {
      name: "Grace Guide",
      email: "grace@mentors.example.org",
      about: "Ran a small support for ten years.",
    };
    expect(await failure(() => as(lead, () => NationalMentor.name(input)))).toBeInstanceOf(ForbiddenError);
    expect(
      await failure(() => as(national, () => NationalMentor.name({ ...input, email: "nia@national.example.org" }))),
    ).toBeInstanceOf(RuleError);
    const grace = await as(national, () => NationalMentor.name(input));
    expect(grace).toMatchObject({ name: "Grace Guide", status: "active" });
    expect(await failure(() => as(national, () => NationalMentor.name(input)))).toBeInstanceOf(RuleError);
    // Someone who already signs in is named as they are.
    const sam = await as(national, () =>
      NationalMentor.name({ name: "Another Name", email: "sam@wessex.example.org", about: "Grew from two to six." }),
    );
    expect(sam).toMatchObject({ personId: siteMentor.actor.personId, name: "Sam Site" });
    expect((await as(national, () => NationalMentor.list({}))).map((mentor) => mentor.name)).toEqual([
      "Grace Guide",
      "Sam Site",
    ]);

    // Sam is offered among the site's own mentors already, so only once.
    const candidates = await asMember(lead, siteId, () => Mentoring.candidates({ siteId }));
    expect(candidates.nationalMentors.map((mentor) => mentor.name)).toEqual(["Grace Guide"]);

    // Taken off the list: offered to no site, and no new pairing with them.
    const off = await as(national, () =>
      NationalMentor.setAvailable({ personId: grace.personId, version: grace.version, available: false }),
    );
    expect(off.status).toBe("retired");
    expect((await asMember(lead, siteId, () => Mentoring.candidates({ siteId }))).nationalMentors).toEqual([]);
    expect(
      await failure(() =>
        asMember(lead, siteId, () =>
          Mentoring.create({
            siteId,
            menteeOrganisationId: mentee.organisationId,
            mentorPersonId: grace.personId,
            goals: "Grow one person at a time.",
          }),
        ),
      ),
    ).toBeInstanceOf(ValidationError);
    await as(national, () =>
      NationalMentor.setAvailable({ personId: grace.personId, version: off.version, available: true }),
    );
  });

  it("reach their own pairings through no site, log meetings, and nothing else", async () => {
    const [grace] = await as(national, () => NationalMentor.list({}));
    if (!grace) throw new Error("No national mentor named.");
    const graceActor: Actor = { personId: grace.personId, national: false };
    const created = await asMember(lead, siteId, () =>
      Mentoring.create({
        siteId,
        menteeOrganisationId: mentee.organisationId,
        mentorPersonId: grace.personId,
        goals: "Plan the first year, one person at a time.",
      }),
    );
    expect(created.pair).toMatchObject({ mentorName: "Grace Guide", mentorOrganisationName: "National mentor" });
    const key = { siteId, pairId: created.pair.pairId };

    const mine = await as(graceActor, () => Mentoring.mine({}));
    expect(mine.map((item) => [item.siteName, item.pair.menteeName])).toEqual([["Dorset", "Purbeck Living CIC"]]);
    const logged = await as(graceActor, () =>
      Mentoring.logMeetingAsMentor({ ...key, date: today(), minutes: 50, notes: secretNote }),
    );
    expect(logged.pair.meetings).toBe(1);
    expect((await as(graceActor, () => Mentoring.getAsMentor(key))).meetings[0]?.notes).toBe(secretNote);
    // The mentee and the team read the same notes through the site.
    expect((await asMember(mentee.actor, siteId, () => Mentoring.get(key))).meetings[0]?.notes).toBe(secretNote);

    // No one else reaches it this way: national staff, the mentee, a site's own mentor.
    for (const outsider of [national, mentee.actor, siteMentor.actor]) {
      expect(await failure(() => as(outsider, () => Mentoring.getAsMentor(key)))).toBeInstanceOf(NotFoundError);
      expect(
        await failure(() =>
          as(outsider, () => Mentoring.logMeetingAsMentor({ ...key, date: today(), minutes: 30, notes: "" })),
        ),
      ).toBeInstanceOf(NotFoundError);
      expect(await as(outsider, () => Mentoring.mine({}))).toEqual([]);
    }
    // A pairing with a site's own mentor is not reached as a national mentor, even by its mentor
    // (Sam is a national mentor too, but mentors through the site where they are a provider).
    const local = await asMember(lead, siteId, () =>
      Mentoring.create({
        siteId,
        menteeOrganisationId: mentee.organisationId,
        mentorPersonId: siteMentor.actor.personId,
        goals: "Learn how the site's panel works.",
      }),
    );
    expect(
      await failure(() => as(siteMentor.actor, () => Mentoring.getAsMentor({ siteId, pairId: local.pair.pairId }))),
    ).toBeInstanceOf(NotFoundError);

    const audits = await auditEvents();
    expect(audits.filter((event) => event.siteId === NATIONAL_SCOPE).map((event) => event.action)).toContain(
      "national_mentor.named",
    );
    expect(auditProblems(audits, [secretNote, "Ran a small support for ten years."])).toEqual([]);
  });
});
