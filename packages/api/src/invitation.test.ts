import { allItems } from "@smallsupports/core/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestApp, worldSites } from "../testing";

/**
 * Invitations over HTTP, against the real app and DynamoDB Local: a lead (or national staff, for a
 * project lead) invites by name and address, one email goes out, and whoever signs in with that
 * address may join or say no. Above all, nothing the inviter sees ever depends on whether the
 * address already belongs to someone elsewhere.
 */

const { state, tokenFor, call, person, roleIn, outbox, signInByEmail } = useTestApp();

const [siteA, siteB, siteC] = worldSites.map((site) => site.siteId) as [string, string, string];
const siteAName = "Alder Vale";
const nationalStaff = () => person((p) => p.role === "national");
const leadOf = (siteId: string) => person(roleIn(siteId, "lead"));

const dayMs = 24 * 60 * 60 * 1000;
/** The test app sets no APP_URL, so links in emails point at the local web app. */
const signInLink = "http://localhost:3000";
/** A person-facing message: one or more plain sentences, no code or JSON. */
const plainSentence = /^[A-Z][^{}<>]*\.$/;

interface Invitation {
  siteId: string;
  invitationId: string;
  name: string;
  email: string;
  role: string;
  invitedBy: string;
  sentAt: string;
  expiresAt: string;
  sendCount: number;
  status: "pending" | "expired";
  version: number;
}
interface Member {
  personId: string;
  name: string;
  role: string;
}
interface ActivityEntry {
  actorId: string;
  actorName: string;
  action: string;
  recordId: string;
  summary: string;
}
interface Me {
  person: { personId: string; name: string; email: string; version: number };
  sites: { siteId: string; role: string }[];
}

let addresses = 0;
/** An address no one has used before in this file, so each test's emails are its own. */
const freshAddress = (label: string) => `${label}.${++addresses}@invited.example.org`;

async function invite(siteId: string, input: { name: string; email: string; role: string }, token?: string) {
  const response = await call(
    "mutation",
    "invitation.invite",
    { siteId, ...input },
    token ?? (await tokenFor(leadOf(siteId))),
  );
  if (response.status !== 200) throw new Error(`invitation.invite answered ${response.status}: ${response.code}`);
  return response.data as Invitation;
}

/** Every page of a list procedure that takes a cursor. */
async function allPages<T>(path: string, input: Record<string, unknown>, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const response = await call("query", path, { ...input, cursor, limit: 100 }, token);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${response.code}`);
    const page = response.data as { items: T[]; cursor: string | null };
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

const invitationsOf = async (siteId: string, token?: string) =>
  allPages<Invitation>("invitation.list", { siteId }, token ?? (await tokenFor(leadOf(siteId))));
const membersOf = async (siteId: string, token?: string) =>
  allPages<Member>("member.list", { siteId }, token ?? (await tokenFor(leadOf(siteId))));
const activityOf = async (siteId: string, token?: string) =>
  allPages<ActivityEntry>("activity.list", { siteId }, token ?? (await tokenFor(leadOf(siteId))));

async function me(token: string): Promise<Me> {
  return (await call("query", "me.get", undefined, token)).data as Me;
}

async function accept(invitation: Pick<Invitation, "siteId" | "invitationId">, token: string) {
  return call(
    "mutation",
    "invitation.accept",
    { siteId: invitation.siteId, invitationId: invitation.invitationId },
    token,
  );
}

describe("an invitation from start to finish", () => {
  it("a lead invites: pending for 14 days, and one email to the address naming the site, the link and the role", async () => {
    const email = freshAddress("ivy");
    const response = await call(
      "mutation",
      "invitation.invite",
      { siteId: siteA, name: "Ivy Invited", email, role: "expert" },
      await tokenFor(leadOf(siteA)),
    );
    expect(response.status).toBe(200);
    const invitation = response.data as Invitation;
    expect(invitation).toMatchObject({
      siteId: siteA,
      name: "Ivy Invited",
      email,
      role: "expert",
      invitedBy: leadOf(siteA).id,
      status: "pending",
      sendCount: 1,
      version: 1,
    });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.sentAt)).toBe(14 * dayMs);

    const emails = await outbox(email);
    expect(emails).toHaveLength(1);
    const [sent] = emails;
    expect(sent?.template).toBe("invitation");
    expect(sent?.siteId).toBe(siteA);
    expect(sent?.subject).toContain(siteAName);
    for (const body of [sent?.plain, sent?.easyRead]) {
      expect(body).toContain(signInLink);
      // "as an expert by experience" in everyday words; "Your role will be: Expert by experience." in easy read.
      expect(body).toMatch(/expert by experience/i);
      expect(body).toContain("Ivy Invited");
      expect(body).toContain(email);
    }
  });

  it("the person invited signs in by their address, sees it, accepts and is a member; the invitation is gone", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    const email = freshAddress("jonah");
    const before = (await call("query", "site.get", { siteId: siteA }, leadToken)).data as {
      memberCounts: Record<string, number>;
    };
    const invitation = await invite(siteA, { name: "Jonah Joiner", email, role: "team" }, leadToken);

    const token = await signInByEmail(email);
    // They became a person on signing in, named as the lead typed them.
    expect((await me(token)).person).toMatchObject({ name: "Jonah Joiner", email });
    const mine = (await call("query", "invitation.mine", undefined, token)).data as {
      invitationId: string;
      siteName: string;
      role: string;
      inviterName: string;
      status: string;
    }[];
    expect(mine).toEqual([
      expect.objectContaining({
        invitationId: invitation.invitationId,
        siteName: siteAName,
        role: "team",
        inviterName: leadOf(siteA).name,
        status: "pending",
      }),
    ]);

    const accepted = await accept(invitation, token);
    expect(accepted.status).toBe(200);
    const { personId } = accepted.data as { personId: string };
    expect((await membersOf(siteA, leadToken)).find((member) => member.personId === personId)).toMatchObject({
      name: "Jonah Joiner",
      role: "team",
    });
    const after = (await call("query", "site.get", { siteId: siteA }, leadToken)).data as typeof before;
    expect(after.memberCounts).toEqual({ ...before.memberCounts, team: (before.memberCounts.team ?? 0) + 1 });
    expect((await me(token)).sites).toEqual([{ siteId: siteA, siteName: siteAName, role: "team" }]);

    const open = await invitationsOf(siteA, leadToken);
    expect(open.map((item) => item.invitationId)).not.toContain(invitation.invitationId);
    expect((await call("query", "invitation.mine", undefined, token)).data).toEqual([]);
    // Accepting twice finds nothing to accept.
    expect((await accept(invitation, token)).code).toBe("NOT_FOUND");
    // The activity list says who joined, with the role's label.
    const joined = (await activityOf(siteA, leadToken)).find(
      (entry) => entry.action === "member.joined" && entry.recordId === personId,
    );
    expect(joined?.summary).toBe("Jonah Joiner joined as Site team");
  });

  it("sending again emails again, counts and bumps the version; a stale version is refused and sends nothing", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    const email = freshAddress("rhea");
    const invitation = await invite(siteA, { name: "Rhea Resent", email, role: "provider" }, leadToken);
    const key = { siteId: siteA, invitationId: invitation.invitationId };

    const resent = await call("mutation", "invitation.resend", { ...key, version: 1 }, leadToken);
    expect(resent.status).toBe(200);
    expect(resent.data).toMatchObject({ status: "pending", sendCount: 2, version: 2 });
    expect(await outbox(email)).toHaveLength(2);

    const stale = await call("mutation", "invitation.resend", { ...key, version: 1 }, leadToken);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.body.error?.message).toMatch(plainSentence);
    expect(await outbox(email)).toHaveLength(2);
    expect(
      (await invitationsOf(siteA, leadToken)).find((item) => item.invitationId === key.invitationId),
    ).toMatchObject({ sendCount: 2, version: 2 });
  });

  it("correcting the name or role sends nothing; a corrected address is emailed once, the old one never, and is free again", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    const oldEmail = freshAddress("cora.old");
    const newEmail = freshAddress("cora.new");
    const invitation = await invite(siteA, { name: "Cora Typo", email: oldEmail, role: "expert" }, leadToken);
    const key = { siteId: siteA, invitationId: invitation.invitationId };
    expect(await outbox(oldEmail)).toHaveLength(1);

    const renamed = await call(
      "mutation",
      "invitation.correct",
      { ...key, version: 1, name: "Cora Corrected", email: oldEmail, role: "team" },
      leadToken,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.data).toMatchObject({ name: "Cora Corrected", role: "team", sendCount: 1, version: 2 });
    expect(await outbox(oldEmail)).toHaveLength(1);

    const moved = await call(
      "mutation",
      "invitation.correct",
      { ...key, version: 2, name: "Cora Corrected", email: newEmail, role: "team" },
      leadToken,
    );
    expect(moved.status).toBe(200);
    expect(moved.data).toMatchObject({ email: newEmail, sendCount: 2, version: 3, status: "pending" });
    expect(await outbox(oldEmail)).toHaveLength(1);
    const toNew = await outbox(newEmail);
    expect(toNew).toHaveLength(1);
    expect(toNew[0]?.plain).toContain("Cora Corrected");
    expect(toNew[0]?.easyRead).toContain("Site team");

    // The old address no longer has an invitation here: it may be invited afresh, and it cannot
    // be used to sign in on the strength of the corrected one.
    await expect(signInByEmail(oldEmail)).rejects.toThrow(/404/);
    const again = await invite(siteA, { name: "Someone Else", email: oldEmail, role: "expert" }, leadToken);
    expect(again.invitationId).not.toBe(invitation.invitationId);
    // An address with an open invitation here cannot be given a second one.
    const twice = await call(
      "mutation",
      "invitation.invite",
      { siteId: siteA, name: "Cora Again", email: newEmail, role: "expert" },
      leadToken,
    );
    expect(twice.code).toBe("CONFLICT");
  });

  it("a cancelled invitation is gone and cannot be accepted", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    const email = freshAddress("cass");
    const invitation = await invite(siteA, { name: "Cass Cancelled", email, role: "team" }, leadToken);
    // They sign in while it is open, so they exist to try accepting afterwards.
    const token = await signInByEmail(email);

    const cancelled = await call(
      "mutation",
      "invitation.cancel",
      { siteId: siteA, invitationId: invitation.invitationId, version: 1 },
      leadToken,
    );
    expect(cancelled.status).toBe(200);
    expect((await invitationsOf(siteA, leadToken)).map((item) => item.invitationId)).not.toContain(
      invitation.invitationId,
    );
    expect((await call("query", "invitation.mine", undefined, token)).data).toEqual([]);

    const accepted = await accept(invitation, token);
    expect(accepted.code).toBe("NOT_FOUND");
    expect(accepted.body.error?.message).toMatch(plainSentence);
    expect((await me(token)).sites).toEqual([]);
    const cancelEntry = (await activityOf(siteA, leadToken)).find(
      (entry) => entry.action === "invitation.cancelled" && entry.recordId === invitation.invitationId,
    );
    expect(cancelEntry?.summary).toBe("Cancelled an invitation to join as Site team");
  });

  it("a declined invitation is gone, and the activity list does not say who said no", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    const email = freshAddress("dina");
    const invitation = await invite(siteA, { name: "Dina Declines", email, role: "expert" }, leadToken);
    const token = await signInByEmail(email);
    const { personId } = (await me(token)).person;

    const declined = await call(
      "mutation",
      "invitation.decline",
      { siteId: siteA, invitationId: invitation.invitationId },
      token,
    );
    expect(declined.status).toBe(200);
    expect((await invitationsOf(siteA, leadToken)).map((item) => item.invitationId)).not.toContain(
      invitation.invitationId,
    );
    expect((await me(token)).sites).toEqual([]);
    const entry = (await activityOf(siteA, leadToken)).find(
      (item) => item.action === "invitation.declined" && item.recordId === invitation.invitationId,
    );
    expect(entry).toMatchObject({
      actorName: "The person invited",
      summary: "Said no to an invitation to join as Expert by experience",
    });
    // Not their id either: a lead of two sites could match it with a member of the other.
    expect(entry?.actorId).not.toBe(personId);
    expect(JSON.stringify(entry)).not.toContain("Dina");
  });

  it("only the person an invitation is addressed to can answer it", async () => {
    const email = freshAddress("owen");
    const invitation = await invite(siteA, { name: "Owen Own", email, role: "team" });
    // A member of another site, signed in, guessing the ids: told nothing, and nothing changes.
    const stranger = await tokenFor(leadOf(siteB));
    for (const path of ["invitation.accept", "invitation.decline"]) {
      const response = await call("mutation", path, { siteId: siteA, invitationId: invitation.invitationId }, stranger);
      expect(response.code).toBe("NOT_FOUND");
      expect(JSON.stringify(response.body)).not.toContain(email);
    }
    expect((await invitationsOf(siteA)).map((item) => item.invitationId)).toContain(invitation.invitationId);
  });
});

describe("an invitation runs out after 14 days", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is listed as expired with one activity entry however often it is read, cannot be accepted, and is revived by sending it again", async () => {
    const email = freshAddress("ezra");
    const invitation = await invite(siteA, { name: "Ezra Expired", email, role: "expert" });
    // Signed in while the invitation is open, so they exist when it has run out.
    const inviteeId = (await me(await signInByEmail(email))).person.personId;

    // Only Date is faked: the DynamoDB client's sockets and retries keep real timers.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 15 * dayMs);
    // Tokens last 12 hours, so everyone signs in again on the later day.
    const leadToken = await tokenFor(leadOf(siteA));
    const token = await signInByEmail(email);

    // Two leads' screens reading at once, then again: the lapse is recorded once.
    const readings = await Promise.all([
      invitationsOf(siteA, leadToken),
      invitationsOf(siteA, leadToken),
      invitationsOf(siteA, leadToken),
    ]);
    readings.push(await invitationsOf(siteA, leadToken));
    for (const reading of readings) {
      expect(reading.find((item) => item.invitationId === invitation.invitationId)?.status).toBe("expired");
    }
    const lapses = (await activityOf(siteA, leadToken)).filter(
      (entry) => entry.action === "invitation.expired" && entry.recordId === invitation.invitationId,
    );
    expect(lapses).toEqual([
      expect.objectContaining({
        actorName: "Small Supports",
        summary: "The invitation to Ezra Expired to join as Expert by experience ran out after 14 days",
      }),
    ]);

    const mine = (await call("query", "invitation.mine", undefined, token)).data as { status: string }[];
    expect(mine).toEqual([expect.objectContaining({ status: "expired" })]);
    const refused = await accept(invitation, token);
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.body.error?.message).toMatch(plainSentence);
    expect(refused.body.error?.message).toMatch(/run out/);
    expect((await membersOf(siteA, leadToken)).map((member) => member.personId)).not.toContain(inviteeId);

    const current = (await invitationsOf(siteA, leadToken)).find(
      (item) => item.invitationId === invitation.invitationId,
    );
    if (!current) throw new Error("An expired invitation stays listed until it is answered or cancelled.");
    const resent = await call(
      "mutation",
      "invitation.resend",
      { siteId: siteA, invitationId: invitation.invitationId, version: current.version },
      leadToken,
    );
    expect(resent.status).toBe(200);
    const revived = resent.data as Invitation;
    expect(revived).toMatchObject({ status: "pending", sendCount: 2 });
    expect(Date.parse(revived.sentAt)).toBe(Date.now());
    expect(Date.parse(revived.expiresAt) - Date.parse(revived.sentAt)).toBe(14 * dayMs);
    expect(
      (await invitationsOf(siteA, leadToken)).find((item) => item.invitationId === invitation.invitationId)?.status,
    ).toBe("pending");
    expect((await accept(invitation, token)).status).toBe(200);
    expect((await membersOf(siteA, leadToken)).map((member) => member.personId)).toContain(inviteeId);
  });
});

describe("inviting reveals nothing about anyone elsewhere", () => {
  it("an address that belongs to a member of another site gets the same answer as a new one, and joins as themselves", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    // X: someone who belongs to Birch Moor only, with a name and an account of their own.
    const existing = person((p) => p.memberships.length === 1 && p.memberships[0]?.siteId === siteB);
    const existingToken = await tokenFor(existing);
    const { person: x } = await me(existingToken);
    const newAddress = freshAddress("zara");

    const toExisting = await call(
      "mutation",
      "invitation.invite",
      { siteId: siteA, name: "Yusuf Typed", email: x.email, role: "team" },
      leadToken,
    );
    const toNew = await call(
      "mutation",
      "invitation.invite",
      { siteId: siteA, name: "Zara Newcomer", email: newAddress, role: "team" },
      leadToken,
    );
    expect(toExisting.status).toBe(200);
    expect(toNew.status).toBe(200);
    // Identical in every field but the ones the lead typed, the new id and the times.
    const blank = (response: typeof toExisting) =>
      JSON.parse(
        JSON.stringify(response.body).replace(
          /"(invitationId|name|email|sentAt|expiresAt)":"[^"]*"/g,
          (_match, field: string) => `"${field}":"…"`,
        ),
      );
    expect(blank(toExisting)).toEqual(blank(toNew));
    expect(Object.keys(toExisting.data as object).sort()).toEqual(Object.keys(toNew.data as object).sort());
    const invitationToX = toExisting.data as Invitation;

    // Nothing the lead can read names X, their id or their other site.
    const secrets = [x.name, x.personId, siteB, worldSites[1].name];
    const seenByLead = JSON.stringify([
      toExisting.body,
      toNew.body,
      await invitationsOf(siteA, leadToken),
      await membersOf(siteA, leadToken),
      await activityOf(siteA, leadToken),
      (await call("query", "site.get", { siteId: siteA }, leadToken)).body,
    ]);
    for (const secret of secrets) expect(seenByLead).not.toContain(secret);
    // The email itself greets them by the name the lead typed, not the one they hold.
    const [sent] = await outbox(x.email);
    expect(sent?.plain).toContain("Yusuf Typed");
    expect(`${sent?.plain}${sent?.easyRead}${sent?.subject}`).not.toContain(x.name);

    // Invited is not joined: they are no member of Alder Vale until they say yes.
    expect((await membersOf(siteA, leadToken)).map((member) => member.personId)).not.toContain(x.personId);
    expect((await me(existingToken)).sites.map((site) => site.siteId)).toEqual([siteB]);

    // Signing in by the address is the same person, not a new one named as invited.
    const byAddress = await signInByEmail(x.email);
    expect((await me(byAddress)).person).toMatchObject({ personId: x.personId, name: x.name });
    const accepted = await accept(invitationToX, byAddress);
    expect(accepted.status).toBe(200);
    expect((accepted.data as { personId: string }).personId).toBe(x.personId);
    const joined = (await membersOf(siteA, leadToken)).find((member) => member.personId === x.personId);
    expect(joined).toMatchObject({ name: x.name, role: "team" });
    expect((await me(existingToken)).person.name).toBe(x.name);
    expect((await me(existingToken)).sites.map((site) => site.siteId).sort()).toEqual([siteA, siteB]);
  });

  it("someone with an account elsewhere may say no, and the site learns nothing of them", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    // Another of Birch Moor's people (the previous test's has joined Alder Vale by now).
    const others = state.people.filter(
      (p) => p.memberships.length === 1 && p.memberships[0]?.siteId === siteB && p.memberships[0]?.role !== "lead",
    );
    const existing = others.at(-1);
    if (!existing) throw new Error("Birch Moor has people who belong nowhere else.");
    const { person: w } = await me(await tokenFor(existing));
    const invitation = await invite(siteA, { name: "Wren Typed", email: w.email, role: "expert" }, leadToken);

    const token = await signInByEmail(w.email);
    expect((await me(token)).person.personId).toBe(w.personId);
    const declined = await call(
      "mutation",
      "invitation.decline",
      { siteId: siteA, invitationId: invitation.invitationId },
      token,
    );
    expect(declined.status).toBe(200);

    const activity = await activityOf(siteA, leadToken);
    expect(
      activity.find((entry) => entry.recordId === invitation.invitationId && entry.action === "invitation.declined"),
    ).toMatchObject({ actorName: "The person invited" });
    const seenByLead = JSON.stringify([
      declined.body,
      activity,
      await invitationsOf(siteA, leadToken),
      await membersOf(siteA, leadToken),
      (await call("query", "site.get", { siteId: siteA }, leadToken)).body,
    ]);
    for (const secret of [w.name, w.personId, siteB, worldSites[1].name]) expect(seenByLead).not.toContain(secret);
  });

  it("refuses an address already in this site, without a word about any other site", async () => {
    const leadToken = await tokenFor(leadOf(siteA));
    // People of Alder Vale who belong to another site too: the lead (an expert in Birch Moor) and
    // a provider lead who also works in Cedar Coast.
    const inTwoSites = [
      leadOf(siteA),
      person((p) => p.memberships.length > 1 && p.memberships.some((m) => m.siteId === siteA && m.role === "provider")),
    ];
    for (const member of inTwoSites) {
      const { person: holder, sites } = await me(await tokenFor(member));
      expect(sites.length).toBeGreaterThan(1);
      const response = await call(
        "mutation",
        "invitation.invite",
        { siteId: siteA, name: "Anyone At All", email: holder.email, role: "expert" },
        leadToken,
      );
      expect(response.code).toBe("CONFLICT");
      expect(response.body.error?.message).toMatch(plainSentence);
      expect(response.body.error?.message).toContain(siteAName);
      for (const other of worldSites.filter((site) => site.siteId !== siteA)) {
        expect(response.body.error?.message).not.toContain(other.name);
        expect(response.body.error?.message).not.toContain(other.siteId);
      }
      expect(response.body.error?.message).not.toContain(holder.name);
    }
  });
});

describe("a new site's first project lead", () => {
  const site = { siteId: "larch-fen", name: "Larch Fen", area: "Larch Fen ICB" };
  const leadEmail = "lena.larch@invited.example.org";

  it("is invited with the site, signs in, joins and invites their own team", async () => {
    const nationalToken = await tokenFor(nationalStaff());
    const created = await call(
      "mutation",
      "site.create",
      { ...site, lead: { name: "Lena Larch", email: leadEmail } },
      nationalToken,
    );
    expect(created.status).toBe(200);
    const leadInvitations = (await call("query", "invitation.leadInvitations", { siteId: site.siteId }, nationalToken))
      .data as Invitation[];
    expect(leadInvitations).toEqual([
      expect.objectContaining({ name: "Lena Larch", email: leadEmail, role: "lead", status: "pending" }),
    ]);
    const emails = await outbox(leadEmail);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toContain(site.name);
    expect(emails[0]?.easyRead).toContain("Project lead");

    const leadToken = await signInByEmail(leadEmail);
    const [invitation] = leadInvitations;
    if (!invitation) throw new Error("The site has its lead's invitation.");
    expect((await accept(invitation, leadToken)).data).toMatchObject({ siteId: site.siteId, role: "lead" });
    const leadId = (await me(leadToken)).person.personId;

    // Now a lead, they invite a team member, who signs in and joins.
    const teamEmail = freshAddress("theo");
    const teamInvitation = await invite(site.siteId, { name: "Theo Team", email: teamEmail, role: "team" }, leadToken);
    expect((await accept(teamInvitation, await signInByEmail(teamEmail))).status).toBe(200);

    const summary = (await call("query", "site.get", { siteId: site.siteId }, leadToken)).data as {
      leads: { personId: string; name: string }[];
      memberCounts: Record<string, number>;
    };
    expect(summary.leads).toEqual([{ personId: leadId, name: "Lena Larch" }]);
    expect(summary.memberCounts).toEqual({ lead: 1, team: 1, expert: 0, provider: 0 });
    expect((await call("query", "invitation.leadInvitations", { siteId: site.siteId }, nationalToken)).data).toEqual(
      [],
    );
  });

  it("national staff invite, resend and cancel a project lead's invitation; a site lead cannot", async () => {
    const nationalToken = await tokenFor(nationalStaff());
    const email = freshAddress("second.lead");
    const invited = await call(
      "mutation",
      "invitation.inviteLead",
      { siteId: siteA, name: "Second Lead", email },
      nationalToken,
    );
    expect(invited.status).toBe(200);
    const invitation = invited.data as Invitation;
    expect(invitation).toMatchObject({ role: "lead", status: "pending", version: 1, sendCount: 1 });
    const key = { siteId: siteA, invitationId: invitation.invitationId };
    const listed = (await call("query", "invitation.leadInvitations", { siteId: siteA }, nationalToken))
      .data as Invitation[];
    expect(listed.map((item) => item.invitationId)).toContain(invitation.invitationId);
    // Only project lead invitations: the world's open expert and provider invitations are not theirs.
    expect(listed.every((item) => item.role === "lead")).toBe(true);

    const resent = await call("mutation", "invitation.resendLead", { ...key, version: 1 }, nationalToken);
    expect(resent.data).toMatchObject({ sendCount: 2, version: 2 });
    expect(await outbox(email)).toHaveLength(2);

    // A site lead can do none of this, even in their own site.
    const leadToken = await tokenFor(leadOf(siteA));
    const attempts = await Promise.all([
      call("query", "invitation.leadInvitations", { siteId: siteA }, leadToken),
      call(
        "mutation",
        "invitation.inviteLead",
        { siteId: siteA, name: "Lead Myself", email: freshAddress("x") },
        leadToken,
      ),
      call("mutation", "invitation.resendLead", { ...key, version: 2 }, leadToken),
      call("mutation", "invitation.cancelLead", { ...key, version: 2 }, leadToken),
    ]);
    for (const attempt of attempts) expect(attempt.code).toBe("FORBIDDEN");
    expect(await outbox(email)).toHaveLength(2);

    const cancelled = await call("mutation", "invitation.cancelLead", { ...key, version: 2 }, nationalToken);
    expect(cancelled.status).toBe(200);
    expect(
      ((await call("query", "invitation.leadInvitations", { siteId: siteA }, nationalToken)).data as Invitation[]).map(
        (item) => item.invitationId,
      ),
    ).not.toContain(invitation.invitationId);
  });

  it("national staff cannot manage a site's team invitations", async () => {
    const nationalToken = await tokenFor(nationalStaff());
    const email = freshAddress("not.national");
    const refused = await call(
      "mutation",
      "invitation.invite",
      { siteId: siteA, name: "Team Member", email, role: "team" },
      nationalToken,
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect((await call("query", "invitation.list", { siteId: siteA }, nationalToken)).code).toBe("FORBIDDEN");
    expect(await outbox(email)).toEqual([]);

    // Nor reach a team invitation through the lead procedures.
    const teamInvitation = await invite(siteA, { name: "Team Only", email, role: "team" });
    const key = { siteId: siteA, invitationId: teamInvitation.invitationId, version: 1 };
    expect((await call("mutation", "invitation.resendLead", key, nationalToken)).code).toBe("NOT_FOUND");
    expect((await call("mutation", "invitation.cancelLead", key, nationalToken)).code).toBe("NOT_FOUND");
    expect(await outbox(email)).toHaveLength(1);
  });
});

describe("each change writes its email to the outbox once", () => {
  const outboxItemsFor = async (recipientId: string) =>
    (await allItems()).filter((item) => String(item.sk).startsWith("outbox#") && item.recipientId === recipientId);

  it("one invitation, one outbox item, sent", async () => {
    const invitation = await invite(siteA, { name: "Una Once", email: freshAddress("una"), role: "team" });
    const items = await outboxItemsFor(invitation.invitationId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: "sent", recipientType: "invitation", template: "invitation" });
  });

  it("a site added with its lead, one outbox item for the lead's invitation", async () => {
    const nationalToken = await tokenFor(nationalStaff());
    const siteId = "rowan-hythe";
    const created = await call(
      "mutation",
      "site.create",
      {
        siteId,
        name: "Rowan Hythe",
        area: "Rowan Hythe ICB",
        lead: { name: "Rory Hythe", email: freshAddress("rory") },
      },
      nationalToken,
    );
    expect(created.status).toBe(200);
    const [invitation] = (await call("query", "invitation.leadInvitations", { siteId }, nationalToken))
      .data as Invitation[];
    if (!invitation) throw new Error("The site has its lead's invitation.");
    const items = await outboxItemsFor(invitation.invitationId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: "sent", siteId });
    // And no other message in the new site's partition.
    expect(
      (await allItems()).filter((item) => item.pk === `site#${siteId}` && String(item.sk).startsWith("outbox#")),
    ).toHaveLength(1);
  });
});

describe("a person corrects their own name", () => {
  it("renames them in every site they belong to; a stale version or a one-letter name is refused", async () => {
    // Someone new, invited to two sites under one name, who joins both.
    const email = freshAddress("nia");
    const invitations = [
      await invite(siteA, { name: "Nia Misspelt", email, role: "team" }),
      await invite(siteC, { name: "Nia Misspelt", email, role: "expert" }),
    ];
    const token = await signInByEmail(email);
    for (const invitation of invitations) expect((await accept(invitation, token)).status).toBe(200);
    const { person: before } = await me(token);
    expect(before.name).toBe("Nia Misspelt");

    const renamed = await call("mutation", "me.rename", { name: "Nia Spelt", version: before.version }, token);
    expect(renamed.status).toBe(200);
    expect(renamed.data).toMatchObject({ personId: before.personId, name: "Nia Spelt", version: before.version + 1 });
    expect((await me(token)).person.name).toBe("Nia Spelt");
    for (const siteId of [siteA, siteC]) {
      const member = (await membersOf(siteId)).find((item) => item.personId === before.personId);
      expect(member?.name).toBe("Nia Spelt");
    }

    const stale = await call("mutation", "me.rename", { name: "Nia Other", version: before.version }, token);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.body.error?.message).toMatch(plainSentence);

    const short = await call("mutation", "me.rename", { name: "N", version: before.version + 1 }, token);
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.body.error?.message).toMatch(/^Name: [A-Z][^{}]*\.$/);
    expect(short.body.error?.data.fieldErrors?.name).toMatch(/at least 2 characters\.$/);
    expect((await me(token)).person).toMatchObject({ name: "Nia Spelt", version: before.version + 1 });
  });
});

describe("site addresses", () => {
  it("lower-cases an address typed in capitals rather than refusing it", async () => {
    const nationalToken = await tokenFor(nationalStaff());
    const created = await call(
      "mutation",
      "site.create",
      { siteId: "New-Site", name: "New Site", area: "Newshire", lead: { name: "Ned New", email: freshAddress("ned") } },
      nationalToken,
    );
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({ siteId: "new-site", name: "New Site" });
    expect((await call("query", "site.get", { siteId: "new-site" }, nationalToken)).status).toBe(200);
    const sites = (await call("query", "site.list", { limit: 100 }, nationalToken)).data as {
      items: { siteId: string }[];
    };
    expect(sites.items.map((item) => item.siteId)).toContain("new-site");
    expect(sites.items.map((item) => item.siteId)).not.toContain("New-Site");
  });
});
