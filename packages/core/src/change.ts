import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { useActor } from "./actor";
import { now } from "./clock";
import { db, type Entities } from "./db";
import { ConflictError, type DomainError } from "./errors";
import { deliver, type OutboxNote } from "./outbox";
import { tableKeys } from "./table";

/**
 * The ambient change: the one way services change the table.
 *
 * `change(name, run)` opens a change for the request (or joins the one already open), and every
 * service called inside it adds its writes, counters, audit events and outgoing messages to it
 * with `useChange()`. When the outermost `change()` returns, everything commits in one DynamoDB
 * transaction or not at all, and only then are messages sent. Like SST's console transaction in
 * context, this lets several services make one change (a booking, the session's capacity, the
 * site's statistics, the audit event) without any of them knowing about the others.
 */

/** Fields an audit event may carry: roles, statuses, counts and ids. Never a name or typed text. */
export type AuditFields = Record<string, string | number | boolean | null>;

/**
 * Changes that belong to no site (such as adding national staff) are audited under this scope.
 * It can never collide with a site: site addresses cannot contain an underscore.
 */
export const NATIONAL_SCOPE = "_national";

/** What the activity list will say about one record a change touched. */
export interface AuditNote {
  siteId: string;
  action: string;
  recordType: string;
  recordId: string;
  before?: AuditFields;
  after?: AuditFields;
  /** Personal fields that changed, named but never recorded (say, a corrected name). */
  changed?: string[];
}

/** An ElectroDB condition, as given to `.where()`. */
// biome-ignore lint/suspicious/noExplicitAny: ElectroDB types attributes and operators per entity.
export type Condition = (attributes: any, operations: any) => string;

/** Counters and string sets on one item, added up with every other increment to that item. */
export interface Increment {
  add?: Record<string, number>;
  /** Values to set outright; the last one set wins. */
  set?: Record<string, string | number>;
  addToSet?: Record<string, string[]>;
  removeFromSet?: Record<string, string[]>;
  /** A condition the item must meet; all of an item's conditions are joined with AND. */
  require?: { condition: Condition; error: () => DomainError };
}

/**
 * Entities whose items are counters that many changes increment at once. A site's statistics
 * item exists from the site's creation; a named site count is created by its first increment.
 */
export type CounterEntity = "siteStats" | "siteCount" | "siteFigures" | "cohortMember";
const createdOnFirstIncrement: ReadonlySet<CounterEntity> = new Set(["siteCount", "siteFigures"]);

interface Step {
  build: (entities: Entities) => unknown;
  onConditionFailed?: () => DomainError;
}

interface Counter {
  entity: CounterEntity;
  key: Record<string, string>;
  add: Record<string, number>;
  set: Record<string, string | number>;
  addToSet: Record<string, Set<string>>;
  removeFromSet: Record<string, Set<string>>;
  requires: NonNullable<Increment["require"]>[];
}

/** One DynamoDB transaction holds at most this many items. */
export const maxItemsPerChange = 100;

/**
 * In AWS, two transactions touching one item at the same moment cancel one of them with
 * TransactionConflict, and every change in a site touches its statistics item. Such a change is
 * tried again after a short random wait; a failed condition (a stale version) never is.
 */
export const conflictRetry = { attempts: 6, baseMs: 20, capMs: 400 };

export class Change {
  private readonly steps: Step[] = [];
  private readonly counters = new Map<string, Counter>();
  private readonly audits: AuditNote[] = [];
  private readonly messages: OutboxNote[] = [];

  constructor(readonly name: string) {}

  // Arrow functions, so a service can destructure them: `const { write, audit } = useChange()`.

  /** Adds one write, built from the transaction's entities and ending in `.commit()`. */
  readonly write = (build: (entities: Entities) => unknown, onConditionFailed?: () => DomainError): void => {
    this.steps.push({ build, onConditionFailed });
  };

  /** Adds to counters on one item; increments to the same item become one UpdateItem. */
  readonly increment = (entity: CounterEntity, key: Record<string, string>, increment: Increment): void => {
    const id = `${entity}:${JSON.stringify(key)}`;
    let counter = this.counters.get(id);
    if (!counter) {
      counter = { entity, key, add: {}, set: {}, addToSet: {}, removeFromSet: {}, requires: [] };
      this.counters.set(id, counter);
    }
    for (const [field, amount] of Object.entries(increment.add ?? {})) {
      counter.add[field] = (counter.add[field] ?? 0) + amount;
    }
    Object.assign(counter.set, increment.set);
    for (const [field, values] of Object.entries(increment.addToSet ?? {})) {
      for (const value of values) mergeSetValue(counter.addToSet, counter.removeFromSet, field, value);
    }
    for (const [field, values] of Object.entries(increment.removeFromSet ?? {})) {
      for (const value of values) mergeSetValue(counter.removeFromSet, counter.addToSet, field, value);
    }
    if (increment.require) counter.requires.push(increment.require);
  };

  /** Records what happened to one record; written with the change, in the site's activity. */
  readonly audit = (note: AuditNote): void => {
    this.audits.push(note);
  };

  /** Queues a message, written with the change and sent only once the change has committed. */
  readonly send = (message: OutboxNote): void => {
    this.messages.push(message);
  };

  /** Commits everything recorded, retrying a transaction conflict; then sends the messages. */
  async commit(): Promise<void> {
    if (this.steps.length === 0 && this.counters.size === 0 && this.messages.length === 0 && this.audits.length === 0) {
      return;
    }
    if (this.audits.length === 0) {
      throw new Error(`Change "${this.name}" writes to the table without an audit event: call audit() too.`);
    }
    const actor = useActor();
    const at = now().toISOString();
    // Every audited change marks when its site last recorded anything, for the figures' freshness.
    for (const siteId of new Set(this.audits.map((note) => note.siteId))) {
      if (siteId !== NATIONAL_SCOPE)
        this.increment("siteFigures", { siteId, period: "all" }, { set: { lastRecordedAt: at } });
    }
    const steps = [...this.steps, ...[...this.counters.values()].map(counterStep).filter((step) => step !== null)];
    for (const note of this.audits) {
      steps.push({
        build: ({ auditEvent }) =>
          auditEvent
            .create({
              siteId: note.siteId,
              at,
              eventId: randomUUID(),
              actorId: actor.personId,
              action: note.action,
              recordType: note.recordType,
              recordId: note.recordId,
              changed: [
                ...new Set([...Object.keys({ ...note.before, ...note.after }), ...(note.changed ?? [])]),
              ].sort(),
              before: note.before ? JSON.stringify(note.before) : undefined,
              after: note.after ? JSON.stringify(note.after) : undefined,
            })
            .commit(),
      });
    }
    const messages = this.messages.map((message) => ({ ...message, at, messageId: randomUUID() }));
    for (const message of messages) {
      steps.push({
        build: ({ outboxMessage }) =>
          outboxMessage
            .create({
              siteId: message.siteId,
              at: message.at,
              messageId: message.messageId,
              template: message.template,
              ...("person" in message.to
                ? { recipientType: "person" as const, recipientId: message.to.person }
                : { recipientType: "invitation" as const, recipientId: message.to.invitation }),
              params: JSON.stringify(message.params ?? {}),
            })
            .commit(),
      });
    }

    // The builder runs again on each try, so every value in it is fixed above (ids, times).
    const transaction = db.transaction.write((entities) => steps.map((step) => step.build(entities)) as never);
    checkItems(this.name, transaction.params().TransactItems as TransactItem[]);
    await commitWithRetry(this.name, () => transaction.go({ token: randomUUID() }), steps);
    await deliver(messages);
  }
}

const storage = new AsyncLocalStorage<Change>();

/**
 * Runs `run` inside a change named `name` (for error messages and logs). If a change is already
 * open, `run` joins it and the outermost change commits; otherwise this one commits when `run`
 * returns. If `run` throws, nothing is written.
 */
export async function change<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (storage.getStore()) return run();
  const current = new Change(name);
  const result = await storage.run(current, run);
  await current.commit();
  return result;
}

/** The change the caller is inside; services record their writes on it. */
export function useChange(): Change {
  const current = storage.getStore();
  if (!current) throw new Error("useChange() was called outside change(): open one around the writes.");
  return current;
}

type TransactItem = Partial<
  Record<
    "Put" | "Update" | "Delete" | "ConditionCheck",
    { Item?: Record<string, unknown>; Key?: Record<string, unknown> }
  >
>;

/** DynamoDB refuses two operations on one item in a transaction, and more than 100 items. */
function checkItems(name: string, items: TransactItem[]) {
  if (items.length > maxItemsPerChange) {
    throw new Error(
      `Change "${name}" has ${items.length} writes; one transaction holds at most ${maxItemsPerChange}. Split it.`,
    );
  }
  const seen = new Set<string>();
  for (const item of items) {
    const operation = item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck;
    const key = operation?.Item ?? operation?.Key ?? {};
    const id = `${key[tableKeys.partitionKey]} ${key[tableKeys.sortKey]}`;
    if (seen.has(id)) {
      throw new Error(
        `Change "${name}" writes the item ${id} twice, which DynamoDB refuses in one transaction. ` +
          "Record counters with increment() so they merge, or combine the writes.",
      );
    }
    seen.add(id);
  }
}

type Outcome = { canceled: boolean; data: unknown };

async function commitWithRetry(name: string, attempt: () => Promise<Outcome>, steps: Step[]): Promise<void> {
  for (let tries = 1; ; tries++) {
    const result = await attempt();
    if (!result.canceled) return;
    const codes = (result.data as Array<{ code: string }>).map((reason) => reason.code);
    const failed = codes.indexOf("ConditionalCheckFailed");
    if (failed >= 0) throw steps[failed]?.onConditionFailed?.() ?? new ConflictError();
    if (!codes.includes("TransactionConflict")) {
      throw new Error(`Change "${name}" was cancelled: ${codes.join(", ")}`);
    }
    if (tries >= conflictRetry.attempts) {
      throw new ConflictError("Several people are changing this at once. Please try again in a moment.");
    }
    // Full jitter: a random wait up to an exponentially growing ceiling spreads the retries out.
    const ceiling = Math.min(conflictRetry.capMs, conflictRetry.baseMs * 2 ** tries);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
}

/** Adds `value` to `into[field]`, unless `opposite[field]` holds it: adding and removing cancel out. */
function mergeSetValue(
  into: Record<string, Set<string>>,
  opposite: Record<string, Set<string>>,
  field: string,
  value: string,
) {
  if (opposite[field]?.delete(value)) return;
  const values = into[field] ?? new Set<string>();
  values.add(value);
  into[field] = values;
}

/** One UpdateItem for all of a change's increments to one item, with their conditions joined. */
function counterStep(counter: Counter): Step | null {
  const adds: Record<string, number | string[]> = Object.fromEntries(
    Object.entries(counter.add).filter(([, amount]) => amount !== 0),
  );
  const removes: Record<string, string[]> = {};
  for (const [field, values] of Object.entries(counter.addToSet)) if (values.size) adds[field] = [...values];
  for (const [field, values] of Object.entries(counter.removeFromSet)) {
    if (!values.size) continue;
    if (field in adds) {
      throw new Error(`One change adds to and removes from ${field} on one item; DynamoDB cannot do both at once.`);
    }
    removes[field] = [...values];
  }
  const sets = counter.set;
  if (
    Object.keys(adds).length === 0 &&
    Object.keys(removes).length === 0 &&
    Object.keys(sets).length === 0 &&
    counter.requires.length === 0
  ) {
    return null;
  }
  const firstRequire = counter.requires[0];
  return {
    build: (entities) => {
      // The counter entity is chosen at run time, so its builder's type is too.
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      const records = entities[counter.entity] as any;
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      let update: any = createdOnFirstIncrement.has(counter.entity)
        ? records.update(counter.key)
        : records.patch(counter.key);
      if (Object.keys(adds).length) update = update.add(adds);
      if (Object.keys(sets).length) update = update.set(sets);
      if (Object.keys(removes).length) update = update.delete(removes);
      for (const { condition } of counter.requires) update = update.where(condition);
      return update.commit();
    },
    // Conditions are joined, so DynamoDB cannot say which failed; the first one declared names it.
    onConditionFailed: firstRequire?.error,
  };
}
