import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { allItems, injectTransactionConflicts, useFreshTable } from "../testing";
import { type Actor, systemActor, withActor } from "./actor";
import { change, maxItemsPerChange, useChange } from "./change";
import { dynamo } from "./dynamo";
import { ConflictError, RuleError } from "./errors";
import * as Membership from "./membership";
import { configureMessages, type QueuedMessage } from "./outbox";
import * as Person from "./person";
import * as Site from "./site";
import * as SiteStats from "./site-stats";

useFreshTable();

const national: Actor = { personId: "", national: true };
const as = <T>(run: () => Promise<T>) => withActor(national, run);
const sent: QueuedMessage[] = [];

beforeAll(async () => {
  const person = await withActor(systemActor, () =>
    Person.addNational({ name: "Nadia National", email: "nadia@national.example.org" }),
  );
  national.personId = person.personId;
  await as(() => Site.create({ siteId: "site-a", name: "Site A", area: "Area A" }));
});

afterEach(() => {
  configureMessages(undefined);
  sent.length = 0;
});

const itemsOf = async (kind: string) =>
  (await allItems()).filter((item) => item.pk === "site#site-a" && String(item.sk).startsWith(`${kind}#`));

/** Counts the transactions sent to DynamoDB while `run` runs. */
async function countTransactions(run: () => Promise<unknown>): Promise<number> {
  const { client } = dynamo();
  let count = 0;
  const name = "count-transactions";
  client.middlewareStack.add(
    (next) => async (args) => {
      if ((args.input as { TransactItems?: unknown }).TransactItems) count++;
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    await run().catch(() => undefined);
  } finally {
    client.middlewareStack.remove(name);
  }
  return count;
}

describe("a change made by several services", () => {
  it("joins one transaction, and merges increments to one item into one update", async () => {
    const before = await Site.get({ siteId: "site-a" });
    const transactions = await countTransactions(() =>
      as(() =>
        change("test.two-services", async () => {
          // Two services each count a member on the same statistics item, in one change.
          await Membership.invite({ siteId: "site-a", name: "Ann Joined", email: "ann@example.org", role: "expert" });
          await Membership.invite({ siteId: "site-a", name: "Bo Joined", email: "bo@example.org", role: "lead" });
          SiteStats.add("site-a", { teamCount: 0 });
        }),
      ),
    );
    expect(transactions).toBe(1);
    const after = await Site.get({ siteId: "site-a" });
    expect(after.memberCounts.expert).toBe(before.memberCounts.expert + 1);
    expect(after.memberCounts.lead).toBe(before.memberCounts.lead + 1);
    expect(after.leads.map((lead) => lead.name)).toContain("Bo Joined");
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
    await expect(attempt).rejects.toThrow(/Change "test\.too-big" has 101 writes/);
  });

  it("refuses writes without an audit event", async () => {
    const attempt = as(() => change("test.unaudited", async () => SiteStats.add("site-a", { expertCount: 1 })));
    await expect(attempt).rejects.toThrow(/without an audit event/);
  });

  it("writes nothing when the work inside it throws", async () => {
    const before = await allItems();
    const attempt = as(() =>
      change("test.throws", async () => {
        await Membership.invite({ siteId: "site-a", name: "Never Added", email: "never@example.org", role: "team" });
        throw new RuleError("Changed my mind.");
      }),
    );
    await expect(attempt).rejects.toThrow("Changed my mind.");
    expect(await allItems()).toEqual(before);
  });
});

describe("transaction conflicts, as AWS reports them", () => {
  it("are retried: the change is written once, with one audit event and one outbox message, sent once", async () => {
    configureMessages(async (message) => {
      // Sent only after the commit: the message's own record is already in the table.
      const stored = (await itemsOf("outbox")).map((item) => item.messageId);
      expect(stored).toContain(message.messageId);
      sent.push(message);
    });
    const audits = (await itemsOf("audit")).length;
    const outbox = (await itemsOf("outbox")).length;
    const stop = injectTransactionConflicts(3);
    const member = await as(() =>
      Membership.invite({ siteId: "site-a", name: "Retry Person", email: "retry@example.org", role: "team" }),
    );
    expect(stop()).toBe(3);

    expect(await Membership.get({ siteId: "site-a", personId: member.personId })).toMatchObject({ version: 1 });
    expect((await itemsOf("audit")).length).toBe(audits + 1);
    const messages = await itemsOf("outbox");
    expect(messages.length).toBe(outbox + 1);
    expect(messages.filter((item) => item.recipientId === member.personId)).toMatchObject([{ status: "sent" }]);
    expect(sent.map((message) => message.recipientId)).toEqual([member.personId]);
  });

  it("on every try, give CONFLICT and write and send nothing", async () => {
    configureMessages(async (message) => {
      sent.push(message);
    });
    const before = await allItems();
    const stop = injectTransactionConflicts(1000);
    const attempt = as(() =>
      Membership.invite({ siteId: "site-a", name: "Never Lands", email: "never.lands@example.org", role: "team" }),
    );
    await expect(attempt).rejects.toThrow(ConflictError);
    expect(stop()).toBeGreaterThan(1);
    expect(await allItems()).toEqual(before);
    expect(sent).toEqual([]);
  });

  it("are told apart from a failed condition, which is never retried", async () => {
    const member = await as(() =>
      Membership.invite({ siteId: "site-a", name: "Stale Version", email: "stale.version@example.org", role: "team" }),
    );
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
