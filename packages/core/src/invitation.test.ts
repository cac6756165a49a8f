import { beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead, inviteAndJoin } from "../seeding";
import {
  allItems,
  auditEvents,
  auditProblems,
  changesSince,
  countTransactions,
  kindsOf,
  useFreshTable,
} from "../testing";
import * as Activity from "./activity";
import { type Actor, systemActor, withActor } from "./actor";
import { atTime, dayMs } from "./clock";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Invitation from "./invitation";
import * as Membership from "./membership";
import * as Person from "./person";
import * as SignIn from "./sign-in";
import * as Site from "./site";

useFreshTable();

const national: Actor = { personId: "", national: true };
let lena: Actor;
let bea: Actor;
/** Members of Birch Moor only, whom Alder Vale's lead has no business knowing about. */
let robin: Membership.Member;
let dee: Membership.Member;

const asLead = <T>(run: () => Promise<T>) => withActor(lena, run);
const asNational = <T>(run: () => Promise<T>) => withActor(national, run);
const asPerson = <T>(person: { personId: string }, run: () => Promise<T>) =>
  withActor({ personId: person.personId, national: false }, run);
const keyOf = ({ siteId, invitationId, version }: Invitation.Invitation) => ({ siteId, invitationId, version });
/** A moment after every invitation sent during this run has lapsed. */
const fortnightAndADayOn = () => new Date(Date.now() + 15 * dayMs);

async function signIn(email: string): Promise<Person.Person> {
  const person = await SignIn.personFor(email);
  if (!person) throw new Error(`${email} could not sign in.`);
  return person;
}

async function openInvitations(siteId: string, lead: Actor = lena): Promise<Invitation.Invitation[]> {
  return (await withActor(lead, () => Invitation.list({ siteId, limit: 100 }))).items;
}

beforeAll(async () => {
  const nadia = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  national.personId = nadia.personId;
  lena = await addSiteWithLead(
    national,
    { siteId: "alder-vale", name: "Alder Vale", area: "Alder Vale ICB" },
    { name: "Lena Lead", email: "lena@example.org" },
  );
  bea = await addSiteWithLead(
    national,
    { siteId: "birch-moor", name: "Birch Moor", area: "Birch Moor and District" },
    { name: "Bea Lead", email: "bea@example.org" },
  );
  robin = await inviteAndJoin(bea, {
    siteId: "birch-moor",
    name: "Robin Existing",
    email: "robin@example.org",
    role: "team",
  });
  dee = await inviteAndJoin(bea, {
    siteId: "birch-moor",
    name: "Dee Existing",
    email: "dee@example.org",
    role: "team",
  });
});

describe("Invitation.invite", () => {
  it("writes a pending invitation, its claim on the address, an audit event without names and one email", async () => {
    const before = await allItems();
    const invitation = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: " Sam Patel ", email: "Sam.Patel@Example.org", role: "expert" }),
    );
    expect(invitation).toMatchObject({
      siteId: "alder-vale",
      name: "Sam Patel",
      email: "sam.patel@example.org",
      role: "expert",
      invitedBy: lena.personId,
      sendCount: 1,
      status: "pending",
      version: 1,
    });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.sentAt)).toBe(14 * dayMs);

    const { added, removed, changed } = await changesSince(before);
    expect(removed).toEqual([]);
    // Only the moment the site last recorded anything, for the national figures' freshness.
    expect(changed.map((item) => [item.__edb_e__, item.sk])).toEqual([["siteFigures", "figures#all"]]);
    expect(kindsOf(added)).toEqual(["auditEvent", "invitation", "inviteeClaim", "outboxMessage"]);
    const audit = added.filter((item) => item.__edb_e__ === "auditEvent");
    expect(audit).toMatchObject([
      {
        action: "invitation.sent",
        actorId: lena.personId,
        recordId: invitation.invitationId,
        after: '{"role":"expert"}',
      },
    ]);
    expect(auditProblems(audit, ["Sam", "Patel", "@"])).toEqual([]);
    expect(added.find((item) => item.__edb_e__ === "outboxMessage")).toMatchObject({
      template: "invitation",
      recipientType: "invitation",
      recipientId: invitation.invitationId,
      status: "pending",
    });
    expect(added.find((item) => item.__edb_e__ === "inviteeClaim")).toMatchObject({
      email: "sam.patel@example.org",
      invitationId: invitation.invitationId,
    });

    // Invited is not joined: no person is made and no one is counted until they accept.
    expect(await Person.findByEmail("sam.patel@example.org")).toBeUndefined();
    expect((await openInvitations("alder-vale")).map((item) => item.invitationId)).toContain(invitation.invitationId);
    const [latest] = (await Activity.list({ siteId: "alder-vale", limit: 1 })).items;
    expect(latest).toMatchObject({
      actorName: "Lena Lead",
      summary: "Invited Sam Patel to join as Expert by experience",
    });
  });

  it("refuses a second invitation to the same address in the same site with CONFLICT, and writes nothing", async () => {
    await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Once Only", email: "once@example.org", role: "team" }),
    );
    const before = await allItems();
    const again = asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Once Again", email: " ONCE@example.org", role: "expert" }),
    );
    await expect(again).rejects.toThrow(ConflictError);
    await expect(again).rejects.toThrow("once@example.org already has an invitation to Alder Vale.");
    expect(await allItems()).toEqual(before);

    // Another site's claim on the address is its own.
    const elsewhere = await withActor(bea, () =>
      Invitation.invite({ siteId: "birch-moor", name: "Once Only", email: "once@example.org", role: "team" }),
    );
    expect(elsewhere.siteId).toBe("birch-moor");
  });

  it("refuses an address that is already a member of this site, and writes nothing", async () => {
    const before = await allItems();
    const member = withActor(bea, () =>
      Invitation.invite({ siteId: "birch-moor", name: "Robin Again", email: "robin@example.org", role: "expert" }),
    );
    await expect(member).rejects.toThrow(ConflictError);
    await expect(member).rejects.toThrow(/already a member of Birch Moor/);
    expect(await allItems()).toEqual(before);
  });

  it("refuses a site that does not exist, and writes nothing", async () => {
    const before = await allItems();
    await expect(
      asLead(() =>
        Invitation.invite({ siteId: "no-such-site", name: "Nobody", email: "nobody@example.org", role: "team" }),
      ),
    ).rejects.toThrow(NotFoundError);
    expect(await allItems()).toEqual(before);
  });

  it.each([
    [{ siteId: "alder-vale", name: "X", email: "x@example.org", role: "team" }, /Name/],
    [{ siteId: "alder-vale", name: "Valid Name", email: "not-an-email", role: "team" }, /valid email/],
    [{ siteId: "alder-vale", name: "Valid Name", email: "v@example.org", role: "owner" }, /Choose a role/],
    [{ siteId: "alder-vale", email: "v@example.org", role: "team" }, /Name: This is required/],
    [{ siteId: "alder-vale", name: "Valid Name", email: "v@example.org" }, /Role: Choose a role/],
    [{ siteId: "alder-vale", name: "Valid Name", email: "v@example.org", role: "team", personId: "x" }, /Unexpected/],
  ])("refuses invalid input %j and writes nothing", async (input, message) => {
    const before = await allItems();
    const attempt = asLead(() => Invitation.invite(input as never));
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await allItems()).toEqual(before);
  });
});

describe("inviting someone who already belongs to another site", () => {
  let invitation: Invitation.Invitation;

  it("gives back only the typed name, exactly as for an address never seen, and makes no one a member", async () => {
    const beforeStranger = await allItems();
    const stranger = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Rob Typed", email: "never.seen@example.org", role: "lead" }),
    );
    const strangerWrites = await changesSince(beforeStranger);
    const beforeRobin = await allItems();
    invitation = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Rob Typed", email: "robin@example.org", role: "lead" }),
    );
    const robinWrites = await changesSince(beforeRobin);

    // Apart from what must differ (ids, addresses, times), the two answers are the same answer.
    const comparable = ({ invitationId, email, sentAt, expiresAt, ...rest }: Invitation.Invitation) => rest;
    expect(comparable(invitation)).toEqual(comparable(stranger));
    expect(invitation.name).toBe("Rob Typed");
    expect(JSON.stringify(invitation)).not.toContain(robin.personId);
    // And the same records were written, with the same fields.
    expect(kindsOf(robinWrites.added)).toEqual(kindsOf(strangerWrites.added));
    expect(kindsOf(robinWrites.changed)).toEqual(["siteFigures"]);
    const fields = (writes: typeof robinWrites) => writes.added.map((item) => Object.keys(item).sort());
    expect(fields(robinWrites)).toEqual(fields(strangerWrites));

    expect(await Membership.find("alder-vale", robin.personId)).toBeUndefined();
    expect(await Person.get({ personId: robin.personId })).toMatchObject({ name: "Robin Existing", version: 1 });
  });

  it("leaves the inviting site's lists showing only the typed name", async () => {
    const activity = await asLead(() => Activity.list({ siteId: "alder-vale", limit: 100 }));
    const seen = JSON.stringify([activity, await openInvitations("alder-vale")]);
    expect(seen).toContain("Invited Rob Typed to join as Project lead");
    expect(seen).not.toContain("Robin Existing");
    expect(seen).not.toContain(robin.personId);
  });

  it("shows the person invited the invitation, and accepting makes them a member under their own record", async () => {
    const mine = await asPerson(robin, () => Invitation.mine());
    expect(mine).toEqual([
      {
        siteId: "alder-vale",
        siteName: "Alder Vale",
        invitationId: invitation.invitationId,
        role: "lead",
        inviterName: "Lena Lead",
        sentAt: invitation.sentAt,
        expiresAt: invitation.expiresAt,
        status: "pending",
      },
    ]);

    const site = await Site.get({ siteId: "alder-vale" });
    const before = await allItems();
    const joined = await asPerson(robin, () =>
      Invitation.accept({ siteId: "alder-vale", invitationId: invitation.invitationId }),
    );
    expect(joined).toEqual({ siteId: "alder-vale", siteName: "Alder Vale", role: "lead", personId: robin.personId });

    const member = await Membership.get({ siteId: "alder-vale", personId: robin.personId });
    expect(member).toMatchObject({ name: "Robin Existing", email: "robin@example.org", role: "lead", version: 1 });
    expect(await Person.get({ personId: robin.personId })).toMatchObject({ name: "Robin Existing", version: 1 });
    const after = await Site.get({ siteId: "alder-vale" });
    expect(after.memberCounts).toEqual({ ...site.memberCounts, lead: site.memberCounts.lead + 1 });
    expect(after.leads).toContainEqual({ personId: robin.personId, name: "Robin Existing" });

    const { added, removed } = await changesSince(before);
    expect(kindsOf(removed)).toEqual(["invitation", "inviteeClaim"]);
    expect(kindsOf(added)).toEqual(["auditEvent", "membership"]);
    expect(added.find((item) => item.__edb_e__ === "auditEvent")).toMatchObject({
      action: "member.joined",
      actorId: robin.personId,
      recordId: robin.personId,
      after: '{"role":"lead"}',
    });
    expect(await asPerson(robin, () => Invitation.mine())).toEqual([]);
    // Both sites now, with a different role in each.
    expect((await Membership.sitesOf(robin.personId)).map((m) => [m.siteId, m.role])).toEqual([
      ["alder-vale", "lead"],
      ["birch-moor", "team"],
    ]);
  });

  it("lets the person say no; the site is never told who said it", async () => {
    const sent = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Dee Typed", email: "dee@example.org", role: "team" }),
    );
    const before = await allItems();
    expect(
      await asPerson(dee, () => Invitation.decline({ siteId: "alder-vale", invitationId: sent.invitationId })),
    ).toEqual({ siteId: "alder-vale", invitationId: sent.invitationId });

    const { added, removed } = await changesSince(before);
    expect(kindsOf(removed)).toEqual(["invitation", "inviteeClaim"]);
    expect(kindsOf(added)).toEqual(["auditEvent"]);
    expect(await Membership.find("alder-vale", dee.personId)).toBeUndefined();
    expect(await asPerson(dee, () => Invitation.mine())).toEqual([]);

    const [latest] = (await asLead(() => Activity.list({ siteId: "alder-vale", limit: 1 }))).items;
    expect(latest).toMatchObject({
      action: "invitation.declined",
      actorName: "The person invited",
      summary: "Said no to an invitation to join as Site team",
    });
    // Neither her name nor her id: a lead of two sites could match an id with a member list.
    expect(JSON.stringify(latest)).not.toContain("Dee");
    expect(JSON.stringify(latest)).not.toContain(dee.personId);

    // The address is free again.
    const again = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Dee Typed", email: "dee@example.org", role: "expert" }),
    );
    expect(again.status).toBe("pending");
  });
});

describe("answering an invitation addressed to someone else", () => {
  it("is not found, and changes nothing", async () => {
    const sent = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Tara Target", email: "tara@example.org", role: "team" }),
    );
    const before = await allItems();
    const key = { siteId: "alder-vale", invitationId: sent.invitationId };
    // Dee belongs to Birch Moor only, and has an open invitation of her own here.
    await expect(asPerson(dee, () => Invitation.accept(key))).rejects.toThrow(NotFoundError);
    await expect(asPerson(dee, () => Invitation.decline(key))).rejects.toThrow(NotFoundError);
    // An invitation that does not exist gets the very same answer, so an id reveals nothing.
    const accepted = asPerson(dee, () => Invitation.accept(key)).catch((error: Error) => error.message);
    const missing = asPerson(dee, () =>
      Invitation.accept({ siteId: "alder-vale", invitationId: "00000000-0000-4000-8000-000000000000" }),
    ).catch((error: Error) => error.message);
    expect(await accepted).toBe(await missing);
    expect(await allItems()).toEqual(before);
    expect(await Membership.find("alder-vale", dee.personId)).toBeUndefined();
  });
});

describe("sending again, correcting and cancelling", () => {
  it("sends again: a renewed expiry, one more send, a new version and a second email", async () => {
    // Sent three days ago, so sending it now gives it three more days.
    const sent = await atTime(new Date(Date.now() - 3 * dayMs), () =>
      asLead(() =>
        Invitation.invite({ siteId: "alder-vale", name: "Uma Resend", email: "uma@example.org", role: "team" }),
      ),
    );
    const before = await allItems();
    const resent = await asLead(() => Invitation.resend(keyOf(sent)));
    expect(Date.parse(resent.expiresAt) - Date.parse(sent.expiresAt)).toBeGreaterThanOrEqual(3 * dayMs);
    expect(resent).toMatchObject({
      expiresAt: new Date(Date.parse(resent.sentAt) + 14 * dayMs).toISOString(),
      sendCount: 2,
      version: 2,
      status: "pending",
    });
    const { added, changed } = await changesSince(before);
    expect(kindsOf(added)).toEqual(["auditEvent", "outboxMessage"]);
    expect(added.find((item) => item.__edb_e__ === "outboxMessage")).toMatchObject({
      recipientId: sent.invitationId,
    });
    expect(added.find((item) => item.__edb_e__ === "auditEvent")).toMatchObject({ action: "invitation.resent" });
    expect(kindsOf(changed)).toEqual(["invitation", "siteFigures"]);
    expect((await openInvitations("alder-vale")).find((item) => item.invitationId === sent.invitationId)).toEqual(
      resent,
    );
  });

  it("corrects a name and role without sending again, and audits which fields changed but not the name", async () => {
    const sent = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Jon Smiht", email: "jon@example.org", role: "team" }),
    );
    const before = await allItems();
    const corrected = await asLead(() =>
      Invitation.correct({ ...keyOf(sent), name: "Jon Smith", email: "jon@example.org", role: "expert" }),
    );
    expect(corrected).toMatchObject({ name: "Jon Smith", role: "expert", sendCount: 1, version: 2 });
    expect(corrected.sentAt).toBe(sent.sentAt);
    const { added } = await changesSince(before);
    expect(kindsOf(added)).toEqual(["auditEvent"]);
    expect(added[0]).toMatchObject({ action: "invitation.corrected", changed: ["name", "role"] });
    expect(auditProblems(added, ["Jon", "Smith", "Smiht", "@"])).toEqual([]);
    const [latest] = (await asLead(() => Activity.list({ siteId: "alder-vale", limit: 1 }))).items;
    expect(latest?.summary).toBe("Corrected the invitation to Jon Smith, now to join as Expert by experience");

    // Correcting to what it already says writes nothing.
    const unchanged = await allItems();
    expect(
      await asLead(() =>
        Invitation.correct({ ...keyOf(corrected), name: "Jon Smith", email: "jon@example.org", role: "expert" }),
      ),
    ).toEqual(corrected);
    expect(await allItems()).toEqual(unchanged);
  });

  it("corrects an address: sends to the new one at once and frees the old one", async () => {
    const sent = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Vic Moved", email: "vic.old@example.org", role: "team" }),
    );
    const before = await allItems();
    const corrected = await asLead(() =>
      Invitation.correct({ ...keyOf(sent), name: "Vic Moved", email: "Vic.New@example.org", role: "team" }),
    );
    expect(corrected).toMatchObject({ email: "vic.new@example.org", sendCount: 2, version: 2 });
    const { added, removed } = await changesSince(before);
    expect(kindsOf(added)).toEqual(["auditEvent", "inviteeClaim", "outboxMessage"]);
    expect(removed).toMatchObject([{ __edb_e__: "inviteeClaim", email: "vic.old@example.org" }]);
    expect(added.find((item) => item.__edb_e__ === "inviteeClaim")).toMatchObject({ email: "vic.new@example.org" });
    const audit = added.find((item) => item.__edb_e__ === "auditEvent");
    expect(audit?.changed).toContain("email");
    expect(audit?.changed).not.toContain("name");
    expect(auditProblems(audit ? [audit] : [], ["Vic", "vic.new", "vic.old", "@"])).toEqual([]);
    // The new address sees it; the old one is free to be invited again.
    const vic = await signIn("vic.new@example.org");
    expect((await asPerson(vic, () => Invitation.mine())).map((item) => item.invitationId)).toEqual([
      sent.invitationId,
    ]);
    expect(await SignIn.personFor("vic.old@example.org")).toBeUndefined();
    const fresh = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Someone Else", email: "vic.old@example.org", role: "team" }),
    );
    expect(fresh.email).toBe("vic.old@example.org");

    // An address that already has its own invitation here cannot be taken over by a correction.
    const taken = await allItems();
    const clash = asLead(() =>
      Invitation.correct({ ...keyOf(corrected), name: "Vic Moved", email: "vic.old@example.org", role: "team" }),
    );
    await expect(clash).rejects.toThrow(ConflictError);
    await expect(clash).rejects.toThrow(/already has an invitation to Alder Vale/);
    // Nor can a member's address.
    await expect(
      asLead(() =>
        Invitation.correct({ ...keyOf(corrected), name: "Vic Moved", email: "robin@example.org", role: "team" }),
      ),
    ).rejects.toThrow(/already a member/);
    expect(await allItems()).toEqual(taken);
  });

  it("cancels: the invitation and its claim go, the activity keeps its history", async () => {
    const sent = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Wyn Cancelled", email: "wyn@example.org", role: "provider" }),
    );
    const before = await allItems();
    expect(await asLead(() => Invitation.cancel(keyOf(sent)))).toEqual({
      siteId: "alder-vale",
      invitationId: sent.invitationId,
    });
    const { added, removed } = await changesSince(before);
    expect(kindsOf(removed)).toEqual(["invitation", "inviteeClaim"]);
    expect(kindsOf(added)).toEqual(["auditEvent"]);
    expect((await openInvitations("alder-vale")).map((item) => item.invitationId)).not.toContain(sent.invitationId);
    const [latest] = (await asLead(() => Activity.list({ siteId: "alder-vale", limit: 1 }))).items;
    expect(latest?.summary).toBe("Cancelled an invitation to join as Provider lead");
    // Its link now leads nowhere: whoever holds the address cannot sign in by it.
    expect(await SignIn.personFor("wyn@example.org")).toBeUndefined();
  });

  it("refuses a stale version with CONFLICT, for every change, and writes nothing", async () => {
    const sent = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Xan Stale", email: "xan@example.org", role: "team" }),
    );
    await asLead(() => Invitation.resend(keyOf(sent)));
    const before = await allItems();
    const stale = keyOf(sent);
    await expect(asLead(() => Invitation.resend(stale))).rejects.toThrow(ConflictError);
    await expect(
      asLead(() => Invitation.correct({ ...stale, name: "Xan Fresh", email: "xan@example.org", role: "team" })),
    ).rejects.toThrow(ConflictError);
    await expect(asLead(() => Invitation.cancel(stale))).rejects.toThrow(ConflictError);
    expect(await allItems()).toEqual(before);
  });

  it("lets exactly one of several sends made at once from the same version win", async () => {
    const sent = await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Yas Raced", email: "yas@example.org", role: "team" }),
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => asLead(() => Invitation.resend(keyOf(sent)))));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(ConflictError);
    }
    const [stored] = (await openInvitations("alder-vale")).filter((item) => item.invitationId === sent.invitationId);
    expect(stored).toMatchObject({ sendCount: 2, version: 2 });
  });
});

describe("an invitation that runs out", () => {
  let cal: Actor;
  let sent: Invitation.Invitation;
  let zoe: Person.Person;

  beforeAll(async () => {
    // A site of its own: reading a fortnight on lapses every invitation in the site read.
    cal = await addSiteWithLead(
      national,
      { siteId: "cedar-coast", name: "Cedar Coast", area: "Cedar Coast ICB" },
      { name: "Cal Lead", email: "cal@example.org" },
    );
    sent = await withActor(cal, () =>
      Invitation.invite({ siteId: "cedar-coast", name: "Zoe Late", email: "zoe@example.org", role: "expert" }),
    );
    // Zoe signs in while it is open, so she exists when she tries to accept too late.
    zoe = await signIn("zoe@example.org");
  });

  const listLater = () =>
    atTime(fortnightAndADayOn(), () => withActor(cal, () => Invitation.list({ siteId: "cedar-coast", limit: 100 })));
  const lapses = async () =>
    (await auditEvents()).filter(
      (event) => event.action === "invitation.expired" && event.recordId === sent.invitationId,
    );

  it("is expired 14 days after it was sent, and the lapse is recorded once however many read it at once", async () => {
    let pages: Awaited<ReturnType<typeof listLater>>[] = [];
    // Both readers notice the lapse and try to record it; the version condition lets one through.
    const transactions = await countTransactions(async () => {
      pages = await Promise.all([listLater(), listLater()]);
    });
    expect(transactions).toBe(2);
    const [first, second] = pages;
    for (const page of [first, second]) {
      expect(page?.items.find((item) => item.invitationId === sent.invitationId)).toMatchObject({ status: "expired" });
    }
    await listLater();
    const recorded = await lapses();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ actorId: "system", after: '{"status":"expired","role":"expert"}' });
    const [latest] = (await withActor(cal, () => Activity.list({ siteId: "cedar-coast", limit: 1 }))).items;
    expect(latest).toMatchObject({
      actorName: "Small Supports",
      summary: "The invitation to Zoe Late to join as Expert by experience ran out after 14 days",
    });
    // Today, before the lapse was due, it reads as expired too: the lapse was recorded.
    expect(
      (await openInvitations("cedar-coast", cal)).find((item) => item.invitationId === sent.invitationId),
    ).toMatchObject({ status: "expired", version: 2 });
  });

  it("cannot be accepted or declined, and trying writes nothing", async () => {
    expect(await withActor({ personId: zoe.personId, national: false }, () => Invitation.mine())).toMatchObject([
      { invitationId: sent.invitationId, status: "expired" },
    ]);
    const before = await allItems();
    const late = atTime(fortnightAndADayOn(), () =>
      asPerson(zoe, () => Invitation.accept({ siteId: "cedar-coast", invitationId: sent.invitationId })),
    );
    await expect(late).rejects.toThrow(RuleError);
    await expect(late).rejects.toThrow(/has run out/);
    // The web app offers no "Say no" on a lapsed invitation; the service refuses it the same way.
    await expect(
      asPerson(zoe, () => Invitation.decline({ siteId: "cedar-coast", invitationId: sent.invitationId })),
    ).rejects.toThrow(RuleError);
    expect(await allItems()).toEqual(before);
    expect(await Membership.find("cedar-coast", zoe.personId)).toBeUndefined();
  });

  it("is revived by sending it again, and can then be accepted", async () => {
    const [expired] = (await openInvitations("cedar-coast", cal)).filter(
      (item) => item.invitationId === sent.invitationId,
    );
    if (!expired) throw new Error("The expired invitation is missing.");
    const resent = await withActor(cal, () => Invitation.resend(keyOf(expired)));
    expect(resent).toMatchObject({ status: "pending", sendCount: 2, version: 3 });
    expect(Date.parse(resent.expiresAt)).toBeGreaterThan(Date.now() + 13 * dayMs);
    await asPerson(zoe, () => Invitation.accept({ siteId: "cedar-coast", invitationId: sent.invitationId }));
    expect(await Membership.get({ siteId: "cedar-coast", personId: zoe.personId })).toMatchObject({
      name: "Zoe Late",
      role: "expert",
    });
  });
});

describe("signing in", () => {
  it("gives no one to an address with no invitation, and writes nothing", async () => {
    const before = await allItems();
    expect(await SignIn.personFor("nobody.invited@example.org")).toBeUndefined();
    expect(await allItems()).toEqual(before);
  });

  it("makes someone invited a person, named as invited, once even when they sign in twice at once", async () => {
    await asLead(() =>
      Invitation.invite({ siteId: "alder-vale", name: "Nia Newcomer", email: "nia@example.org", role: "team" }),
    );
    const [first, second] = await Promise.all([
      SignIn.personFor(" NIA@example.org"),
      SignIn.personFor("nia@example.org"),
    ]);
    expect(first).toMatchObject({ name: "Nia Newcomer", email: "nia@example.org", national: false, version: 1 });
    expect(second?.personId).toBe(first?.personId);
    const people = (await allItems()).filter((item) => item.__edb_e__ === "person" && item.email === "nia@example.org");
    expect(people).toHaveLength(1);
    // Signed in is not joined.
    expect(await Membership.sitesOf(first?.personId ?? "")).toEqual([]);
  });

  it("finds someone who already holds the address, whatever name they were invited by", async () => {
    expect(await SignIn.personFor("ROBIN@example.org")).toMatchObject({
      personId: robin.personId,
      name: "Robin Existing",
    });
  });
});

describe("national staff and lead invitations", () => {
  it("invite, list, send again and cancel a site's lead invitations, and only those", async () => {
    const team = await withActor(bea, () =>
      Invitation.invite({ siteId: "birch-moor", name: "Tam Team", email: "tam@example.org", role: "team" }),
    );
    const leadInvite = await asNational(() =>
      Invitation.inviteLead({ siteId: "birch-moor", name: "Lou Lead", email: "lou@example.org" }),
    );
    expect(leadInvite).toMatchObject({ role: "lead", invitedBy: national.personId, status: "pending" });

    const leads = await asNational(() => Invitation.leadInvitations({ siteId: "birch-moor" }));
    expect(leads.map((item) => item.role)).toEqual(leads.map(() => "lead"));
    expect(leads.map((item) => item.invitationId)).toContain(leadInvite.invitationId);
    expect(leads.map((item) => item.invitationId)).not.toContain(team.invitationId);

    // A team invitation is not national staff's to manage.
    await expect(asNational(() => Invitation.resendLead(keyOf(team)))).rejects.toThrow(NotFoundError);
    await expect(asNational(() => Invitation.cancelLead(keyOf(team)))).rejects.toThrow(NotFoundError);

    const resent = await asNational(() => Invitation.resendLead(keyOf(leadInvite)));
    expect(resent).toMatchObject({ sendCount: 2, version: 2 });
    await asNational(() => Invitation.cancelLead(keyOf(resent)));
    expect(
      (await asNational(() => Invitation.leadInvitations({ siteId: "birch-moor" }))).map((item) => item.invitationId),
    ).not.toContain(leadInvite.invitationId);
  });

  it("refuse anyone who is not national staff, and write nothing", async () => {
    const open = await asNational(() =>
      Invitation.inviteLead({ siteId: "birch-moor", name: "Max Lead", email: "max@example.org" }),
    );
    const before = await allItems();
    const attempts: (() => Promise<unknown>)[] = [
      () => Invitation.inviteLead({ siteId: "birch-moor", name: "Sly Lead", email: "sly@example.org" }),
      () => Invitation.leadInvitations({ siteId: "birch-moor" }),
      () => Invitation.resendLead(keyOf(open)),
      () => Invitation.cancelLead(keyOf(open)),
    ];
    for (const attempt of attempts) {
      await expect(withActor(bea, attempt)).rejects.toThrow(ForbiddenError);
    }
    expect(await allItems()).toEqual(before);
  });

  it("refuse to invite a lead who is already a member of the site", async () => {
    await expect(
      asNational(() => Invitation.inviteLead({ siteId: "birch-moor", name: "Bea Again", email: "bea@example.org" })),
    ).rejects.toThrow(/already a member of Birch Moor/);
  });
});
