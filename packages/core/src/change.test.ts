import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { addSiteWithLead, inviteAndJoin } from "../seeding";
import {
  allItems,
  changesSince,
  countTransactions,
  injectTransactionConflicts,
  kindsOf,
  useFreshTable,
} from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import { change, maxItemsPerChange, useChange } from "./change";
import { ConflictError, RuleError } from "./errors";
import * as Invitation from "./invitation";
import * as Membership from "./membership";
import { configureMessages, type Email } from "./outbox";
import * as Person from "./person";
import * as Site from "./site";
import * as SiteStats from "./site-stats";

useFreshTable();

const national: Actor = { personId: "", national: true };
let lead: Actor;
const as = <T>(run: () => Promise<T>) => withActor(lead, run);
const sent: Email[] = [];
/** Two people who already belong to site-b, to be added to site-a by hand. */
let ann: Membership.Member;
let bo: Membership.Member;

beforeAll(async () => {
  const person = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  national.personId = person.personId;
  lead = await addSiteWithLead(
    national,
    { siteId: "site-a", name: "Site A", area: "Area A" },
    { name: "Lee Lead", email: "lee@example.org" },
  );
  const leadB = await addSiteWithLead(
    national,
    { siteId: "site-b", name: "Site B", area: "Area B" },
    { name: "Bea Lead", email: "bea@example.org" },
  );
  ann = await inviteAndJoin(leadB, { siteId: "site-b", name: "Ann Joined", email: "ann@example.org", role: "team" });
  bo = await inviteAndJoin(leadB, { siteId: "site-b", name: "Bo Joined", email: "bo@example.org", role: "team" });
});

afterEach(() => {
  configureMessages(undefined);
  sent.length = 0;
});

const itemsOf = async (kind: string) =>
  (await allItems()).filter((item) => item.pk === "site#site-a" && String(item.sk).startsWith(`${kind}#`));

describe("a change made by several services", () => {
  it("joins one transaction, and merges increments to one item into one update", async () => {
    const before = await Site.get({ siteId: "site-a" });
    const beforeItems = await allItems();
    const transactions = await countTransactions(() =>
      as(() =>
        change("test.two-services", async () => {
          // Invitations, memberships and statistics each write through their own service.
          await Invitation.invite({ siteId: "site-a", name: "Cy Invited", email: "cy@example.org", role: "team" });
          await Invitation.invite({ siteId: "site-a", name: "Di Invited", email: "di@example.org", role: "expert" });
          // Two memberships each count on the one statistics item: unmerged, DynamoDB would refuse it.
          Membership.add({ siteId: "site-a", siteName: "Site A", person: ann, role: "expert", addedBy: lead.personId });
          Membership.add({ siteId: "site-a", siteName: "Site A", person: bo, role: "lead", addedBy: lead.personId });
          SiteStats.add("site-a", { teamCount: 0 });
        }),
      ),
    );
    expect(transactions).toBe(1);
    const after = await Site.get({ siteId: "site-a" });
    expect(after.memberCounts.expert).toBe(before.memberCounts.expert + 1);
    expect(after.memberCounts.lead).toBe(before.memberCounts.lead + 1);
    expect(after.leads.map((lead) => lead.name)).toContain("Bo Joined");
    const { added } = await changesSince(beforeItems);
    expect(kindsOf(added)).toEqual([
      "auditEvent",
      "auditEvent",
      "invitation",
      "invitation",
      "inviteeClaim",
      "inviteeClaim",
      "membership",
      "membership",
      "outboxMessage",
      "outboxMessage",
    ]);
  });

  it("refuses two other writes to one item with an error naming the change, and writes nothing", async () => {
    const before = await allItems();
    const attempt = as(() =>
      change("test.clash", async () => {
        const { write, audit } = useChange();
        write(({ siteStats }) => siteStats.patch({ siteId: "site-a" }).set({ teamCount: 1 }).commit());
        write(({ siteStats }) => siteStats.patch({ siteId: "site-a" }).set({ expertCount: 1 }).commit());
        audit({ siteId: "site-a", action: "test.clash", recordType: "site", recordId: "site-a" });
      }),
    );
    await expect(attempt).rejects.toThrow(/Change "test\.clash" writes the item site#site-a stats twice/);
    expect(await allItems()).toEqual(before);
  });

  it("refuses more than 100 items with an error naming the change", async () => {
    const attempt = as(() =>
      change("test.too-big", async () => {
        for (let i = 0; i < maxItemsPerChange; i++) {
          useChange().audit({ siteId: "site-a", action: "test.big", recordType: "site", recordId: `r${i}` });
        }
        SiteStats.add("site-a", { teamCount: 0, expertCount: 1 });
      }),
    );
    // 100 audit events, the statistics update and the site's figures (when it last recorded).
    await expect(attempt).rejects.toThrow(/Change "test\.too-big" has 102 writes/);
  });

  it("refuses writes without an audit event", async () => {
    const attempt = as(() => change("test.unaudited", async () => SiteStats.add("site-a", { expertCount: 1 })));
    await expect(attempt).rejects.toThrow(/without an audit event/);
  });

  it("writes nothing when the work inside it throws", async () => {
    const before = await allItems();
    const attempt = as(() =>
      change("test.throws", async () => {
        await Invitation.invite({ siteId: "site-a", name: "Never Added", email: "never@example.org", role: "team" });
        throw new RuleError("Changed my mind.");
      }),
    );
    await expect(attempt).rejects.toThrow("Changed my mind.");
    expect(await allItems()).toEqual(before);
  });
});

describe("transaction conflicts, as AWS reports them", () => {
  it("are retried: the invitation is written once, with one audit event and one outbox message, sent once", async () => {
    configureMessages({
      appUrl: "https://smallsupports.example.org",
      port: async (email) => {
        // Sent only after the commit: the message's own record is already in the table.
        const stored = (await itemsOf("outbox")).map((item) => item.messageId);
        expect(stored).toContain(email.messageId);
        sent.push(email);
      },
    });
    const audits = (await itemsOf("audit")).length;
    const outbox = (await itemsOf("outbox")).length;
    const stop = injectTransactionConflicts(3);
    const invitation = await as(() =>
      Invitation.invite({ siteId: "site-a", name: "Retry Person", email: "Retry@Example.org", role: "team" }),
    );
    expect(stop()).toBe(3);

    const written = (await allItems()).filter((item) => item.invitationId === invitation.invitationId);
    expect(kindsOf(written)).toEqual(["invitation", "inviteeClaim"]);
    expect(written.find((item) => item.__edb_e__ === "invitation")).toMatchObject({ version: 1, sendCount: 1 });
    expect((await itemsOf("audit")).length).toBe(audits + 1);
    const messages = await itemsOf("outbox");
    expect(messages.length).toBe(outbox + 1);
    const mine = messages.filter((item) => item.recipientId === invitation.invitationId);
    expect(mine).toMatchObject([{ recipientType: "invitation", template: "invitation", status: "sent", attempts: 1 }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      messageId: mine[0]?.messageId,
      siteId: "site-a",
      template: "invitation",
      to: "retry@example.org",
      subject: "You are invited to join Site A on Small Supports",
    });
  });

  it("are retried for a change of two invitations: one outbox message each, each sent once", async () => {
    configureMessages({
      appUrl: "https://smallsupports.example.org",
      port: async (email) => {
        sent.push(email);
      },
    });
    const before = await allItems();
    const stop = injectTransactionConflicts(2);
    const [first, second] = await as(() =>
      change("test.two-invitations", async () => [
        await Invitation.invite({ siteId: "site-a", name: "Fay Twin", email: "fay@example.org", role: "team" }),
        await Invitation.invite({ siteId: "site-a", name: "Gus Twin", email: "gus@example.org", role: "provider" }),
      ]),
    );
    expect(stop()).toBe(2);
    const { added, removed } = await changesSince(before);
    expect(removed).toEqual([]);
    const outbox = added.filter((item) => item.__edb_e__ === "outboxMessage");
    expect(outbox.map((item) => item.recipientId).sort()).toEqual([first?.invitationId, second?.invitationId].sort());
    expect(outbox.map((item) => item.status)).toEqual(["sent", "sent"]);
    expect(sent.map((email) => email.to).sort()).toEqual(["fay@example.org", "gus@example.org"]);
  });

  it("on every try, give CONFLICT and write and send nothing", async () => {
    configureMessages({
      appUrl: "https://smallsupports.example.org",
      port: async (email) => {
        sent.push(email);
      },
    });
    const before = await allItems();
    const stop = injectTransactionConflicts(1000);
    const attempt = as(() =>
      Invitation.invite({ siteId: "site-a", name: "Never Lands", email: "never.lands@example.org", role: "team" }),
    );
    await expect(attempt).rejects.toThrow(ConflictError);
    expect(stop()).toBeGreaterThan(1);
    expect(await allItems()).toEqual(before);
    expect(sent).toEqual([]);
  });

  it("are told apart from a failed condition, which is never retried", async () => {
    const member = await inviteAndJoin(lead, {
      siteId: "site-a",
      name: "Stale Version",
      email: "stale.version@example.org",
      role: "team",
    });
    await as(() => Membership.changeRole({ siteId: "site-a", personId: member.personId, role: "expert", version: 1 }));
    // Membership.changeRole reads first, so write the stale update directly to reach the condition.
    const transactions = await countTransactions(() =>
      as(() =>
        change("test.stale", async () => {
          const { write, audit } = useChange();
          write(({ membership }) =>
            membership
              .patch({ siteId: "site-a", personId: member.personId })
              .set({ role: "provider" })
              .where((attr, op) => op.eq(attr.version, 1))
              .commit(),
          );
          audit({ siteId: "site-a", action: "test.stale", recordType: "member", recordId: member.personId });
        }),
      ),
    );
    expect(transactions).toBe(1);
  });
});
