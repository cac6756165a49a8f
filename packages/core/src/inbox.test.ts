import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead, asMember, inviteAndJoin, publishAndOpen, signUpAndRegister } from "../seeding";
import { useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import * as Application from "./application";
import { addDays, atTime, dayMs, today } from "./clock";
import * as Decision from "./decision";
import * as Inbox from "./inbox";
import * as InformationRequest from "./information-request";
import * as Person from "./person";
import * as Review from "./review";

useFreshTable();

const cumbria = "cumbria";
const devon = "devon";
let cumbriaLead: Actor;
let devonLead: Actor;
let esme: Actor;

const answers: Record<string, Application.AnswerValue> = {
  "q-how-started": "Two of us left a large provider to run support the way the person wants.",
  "q-people-now": "o-1-to-5",
  "q-values": "The person and their family decide what good support looks like.",
  "q-one-person": "We moved the whole rota so that Sunday football never clashes.",
  "q-different": "We stay small on purpose and never sell services on.",
};

beforeAll(async () => {
  const national = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  const nationalActor = { personId: national.personId, national: true };
  cumbriaLead = await addSiteWithLead(
    nationalActor,
    { siteId: cumbria, name: "Cumbria", area: "Cumbria" },
    { name: "Lena Lead", email: "lena@example.org" },
  );
  devonLead = await addSiteWithLead(
    nationalActor,
    { siteId: devon, name: "Devon", area: "Devon" },
    { name: "Dev Lead", email: "dev@example.org" },
  );
  // Esme is an expert by experience in both sites.
  const member = await inviteAndJoin(cumbriaLead, {
    siteId: cumbria,
    role: "expert",
    name: "Esme Expert",
    email: "esme@example.org",
  });
  esme = { personId: member.personId, national: false };
  await inviteAndJoin(devonLead, { siteId: devon, role: "expert", name: "Esme Expert", email: "esme@example.org" });
  await publishAndOpen(cumbriaLead, cumbria);
  await publishAndOpen(devonLead, devon);
});

type Key = { siteId: string; organisationId: string; applicationId: string };

let applicants = 0;
async function sentApplication(siteId: string): Promise<{ key: Key; provider: Actor; name: string }> {
  applicants++;
  const name = `Harbour Support ${applicants} CIC`;
  const { actor, organisation } = await signUpAndRegister(
    siteId,
    { name: `Applicant ${applicants}`, email: `applicant${applicants}@example.org` },
    {
      legalName: name,
      area: "Barrow",
      foundedYear: 2018,
      peopleSupported: 5,
      cqcStatus: "registered",
      cqcRating: "good",
      difference: "We build support around one person at a time.",
    },
  );
  const key = await asMember(actor, siteId, async () => {
    const { application } = await Application.start({ siteId, organisationId: organisation.organisationId });
    const key = { siteId, organisationId: organisation.organisationId, applicationId: application.applicationId };
    for (const [questionId, value] of Object.entries(answers)) {
      await Application.saveAnswer({ ...key, questionId, value, version: 0 });
    }
    await Application.submit({ ...key, version: application.version });
    return key;
  });
  return { key, provider: actor, name };
}

const inboxOf = (actor: Actor) => withActor(actor, () => Inbox.mine());

describe("a reviewer's inbox", () => {
  it("lists conflicts to declare and reviews to score in every site, soonest due first, until they are done", async () => {
    const overdue = await sentApplication(cumbria);
    const soon = await sentApplication(devon);
    const later = await sentApplication(cumbria);
    // Assigned a fortnight ago, due five days ago.
    await atTime(new Date(Date.now() - 14 * dayMs), () =>
      asMember(cumbriaLead, cumbria, () =>
        Review.assign({ ...overdue.key, reviewerId: esme.personId, dueDate: addDays(today(), 9) }),
      ),
    );
    await asMember(devonLead, devon, () =>
      Review.assign({ ...soon.key, reviewerId: esme.personId, dueDate: addDays(today(), 3) }),
    );
    await asMember(cumbriaLead, cumbria, () =>
      Review.assign({ ...later.key, reviewerId: esme.personId, dueDate: addDays(today(), 12) }),
    );

    expect(await inboxOf(esme)).toEqual([
      {
        kind: "declare",
        siteId: cumbria,
        siteName: "Cumbria",
        organisationId: overdue.key.organisationId,
        applicationId: overdue.key.applicationId,
        dueDate: addDays(today(), -5),
        dueInDays: -5,
      },
      expect.objectContaining({ kind: "declare", siteId: devon, siteName: "Devon", dueInDays: 3 }),
      expect.objectContaining({
        kind: "declare",
        siteId: cumbria,
        applicationId: later.key.applicationId,
        dueInDays: 12,
      }),
    ]);
    // Review may be blind: the inbox never names the organisation.
    const text = JSON.stringify(await inboxOf(esme));
    for (const name of [overdue.name, soon.name, later.name]) expect(text).not.toContain(name);

    await asMember(esme, devon, async () => {
      const { version } = await Review.mine(soon.key);
      await Review.declare({ ...soon.key, version, conflict: false });
    });
    await asMember(esme, cumbria, async () => {
      const { version } = await Review.mine(later.key);
      await Review.declare({ ...later.key, version, conflict: true, reason: "I used to work there." });
    });
    expect((await inboxOf(esme)).map((item) => [item.kind, item.applicationId])).toEqual([
      ["declare", overdue.key.applicationId],
      ["review", soon.key.applicationId],
    ]);

    await asMember(esme, devon, async () => {
      let { version } = await Review.mine(soon.key);
      for (let criterion = 1; criterion <= 9; criterion++) {
        ({ version } = await Review.saveScore({
          ...soon.key,
          version,
          criterionId: `c-${criterion}`,
          score: 3,
          comment: "",
        }));
      }
      await Review.submit({ ...soon.key, version });
    });
    expect((await inboxOf(esme)).map((item) => item.applicationId)).toEqual([overdue.key.applicationId]);

    // A decision closes the reviews still open.
    const { application } = await asMember(cumbriaLead, cumbria, () => Application.get(overdue.key));
    await asMember(cumbriaLead, cumbria, () =>
      Decision.decide({
        ...overdue.key,
        version: application.version,
        outcome: "declined",
        rationale: "The panel did not see support shaped around one person.",
      }),
    );
    expect(await inboxOf(esme)).toEqual([]);
  });
});

describe("a provider's inbox", () => {
  it("shows a request for more information while it is open, then the decision", async () => {
    const { key, provider, name } = await sentApplication(cumbria);
    expect(await inboxOf(provider)).toEqual([]);

    const requested = await asMember(cumbriaLead, cumbria, async () => {
      const { application } = await Application.get(key);
      return InformationRequest.request({
        ...key,
        version: application.version,
        questionIds: ["q-values"],
        message: "Tell us how the family takes part.",
      });
    });
    expect(await inboxOf(provider)).toEqual([
      {
        kind: "information-requested",
        siteId: cumbria,
        siteName: "Cumbria",
        organisationId: key.organisationId,
        applicationId: key.applicationId,
        organisationName: name,
        at: requested.movedAt,
      },
    ]);
    // Nothing here for the lead, who is reviewing nothing.
    expect(await inboxOf(cumbriaLead)).toEqual([]);

    const sentBack = await asMember(provider, cumbria, () =>
      InformationRequest.sendBack({ ...key, version: requested.version }),
    );
    expect(await inboxOf(provider)).toEqual([]);

    const decision = await asMember(cumbriaLead, cumbria, () =>
      Decision.decide({
        ...key,
        version: sentBack.version,
        outcome: "approved",
        rationale: "The panel saw strong values and support shaped around one person.",
      }),
    );
    expect(await inboxOf(provider)).toEqual([
      {
        kind: "decision",
        siteId: cumbria,
        siteName: "Cumbria",
        organisationId: key.organisationId,
        applicationId: key.applicationId,
        organisationName: name,
        at: decision.decidedAt,
      },
    ]);
  });
});
