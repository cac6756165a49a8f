import { randomUUID } from "node:crypto";
import { useActor } from "./actor";
import { db, type Entities } from "./db";
import { ConflictError, type DomainError } from "./errors";

/** What the activity list will say about a change. */
export interface AuditNote {
  siteId: string;
  action: string;
  recordType: string;
  recordId: string;
  summary: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** One write in a transaction, and the error to raise if its condition is what failed. */
export interface Step {
  // ElectroDB's commit() result; its exact type differs per entity and operation.
  write: unknown;
  onConditionFailed?: () => DomainError;
}

/**
 * The one way services change the table: the writes and their audit event commit together or
 * not at all. Later issues add their per-site statistics writes to the same list of steps.
 */
export async function transact(build: (entities: Entities) => Step[], audit: AuditNote): Promise<void> {
  const actor = useActor();
  let steps: Step[] = [];
  const result = await db.transaction
    .write((entities) => {
      steps = build(entities);
      const at = new Date().toISOString();
      const auditWrite = entities.auditEvent
        .create({
          siteId: audit.siteId,
          at,
          eventId: randomUUID(),
          actorId: actor.personId,
          actorName: actor.name,
          action: audit.action,
          recordType: audit.recordType,
          recordId: audit.recordId,
          summary: audit.summary,
          before: audit.before ? JSON.stringify(audit.before) : undefined,
          after: audit.after ? JSON.stringify(audit.after) : undefined,
        })
        .commit();
      // biome-ignore lint/suspicious/noExplicitAny: ElectroDB types each commit() per entity.
      return [...steps.map((step) => step.write), auditWrite] as any;
    })
    .go();
  if (!result.canceled) return;

  const reasons = result.data as Array<{ rejected: boolean; code: string }>;
  for (let i = 0; i < steps.length; i++) {
    if (reasons[i]?.code === "ConditionalCheckFailed") {
      throw steps[i]?.onConditionFailed?.() ?? new ConflictError();
    }
  }
  // Another transaction touched the same items at the same moment: the caller should retry.
  if (reasons.some((reason) => reason.code === "TransactionConflict")) throw new ConflictError();
  throw new Error(`Transaction cancelled: ${reasons.map((reason) => reason.code).join(", ")}`);
}
