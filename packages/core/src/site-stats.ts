import { useChange } from "./change";
import { db } from "./db";
import { RuleError } from "./errors";
import type { roleCountField } from "./role";

/**
 * A site's running totals, kept in the same change as every record they count, so national
 * views read one item per site instead of scanning. Services record what to add; all of one
 * change's additions to a site become one update with their conditions joined.
 */
export type SiteCounter = (typeof roleCountField)[keyof typeof roleCountField];

export const lastLeadMessage = "A site needs at least one project lead. Make someone else project lead first.";

/** Adds to a site's counters (negative numbers subtract). */
export function add(siteId: string, counts: Partial<Record<SiteCounter, number>>): void {
  useChange().increment("siteStats", { siteId }, { add: counts });
}

/** Names a person among the site's leads, so the national list needs no member read. */
export function addLead(siteId: string, personId: string): void {
  useChange().increment("siteStats", { siteId }, { addToSet: { leadIds: [personId] } });
}

/** Takes a person off the site's leads; refused if the site would be left with none. */
export function removeLead(siteId: string, personId: string): void {
  useChange().increment(
    "siteStats",
    { siteId },
    {
      removeFromSet: { leadIds: [personId] },
      require: {
        condition: (attributes, operations) => operations.gt(attributes.leadCount, 1),
        error: () => new RuleError(lastLeadMessage),
      },
    },
  );
}

/**
 * A site's named counters beyond its members: applications per board column, organisations per standing
 * and histograms of days. Names are built here so every writer and reader spells them alike.
 */
export const counterName = {
  /** Applications in one column of the board: a stage's id, or "withdrawn". */
  column: (column: string) => `column:${column}`,
  standing: (standing: string) => `standing:${standing}`,
  /** Days from starting an application to submitting it, in buckets (see daysBucket). */
  submitDays: (bucket: string) => `submitDays:${bucket}`,
  submitted: "submitted",
  /** Decisions by outcome: approved, walking-through, not-yet, declined. */
  decision: (outcome: string) => `decision:${outcome}`,
  /** Days from submitting an application to the panel's decision, in buckets (see daysBucket). */
  decideDays: (bucket: string) => `decideDays:${bucket}`,
  /** Organisations in the cohort now. */
  cohortMembers: "cohort:members",
  /** Sessions whose attendance the team recorded: held. */
  sessionsHeld: "cohort:sessionsHeld",
  /** Places booked at sessions, less those given up. */
  bookings: "cohort:bookings",
  /** Booked places at held sessions: came, and did not. */
  attended: "cohort:attended",
  missed: "cohort:missed",
  /** Mentoring pairings under way. */
  activePairs: "mentoring:active",
  /** Pairings under way that need a check-in, as of the daily sweep (see Mentoring.countCheckIns). */
  needsCheckIn: "mentoring:needsCheckIn",
} as const;

/** Adds to one named counter of a site (negative subtracts); the counter is made if it is new. */
export function count(siteId: string, counter: string, amount: number): void {
  useChange().increment("siteCount", { siteId, counter }, { add: { value: amount } });
}

/** Buckets for a histogram of days: its size stays fixed however many applications a site has. */
export const dayBuckets = [7, 14, 30, 60, 90, 180, 365] as const;

/** The bucket `days` falls in: "7" for up to 7 days, ..., "over-365" beyond the last. */
export function daysBucket(days: number): string {
  const bucket = dayBuckets.find((limit) => days <= limit);
  return bucket === undefined ? `over-${dayBuckets[dayBuckets.length - 1]}` : String(bucket);
}

/** Every named counter of a site, in one query. */
export async function counts(siteId: string): Promise<Map<string, number>> {
  const { data } = await db.entities.siteCount.query.bySite({ siteId }).go({ pages: "all" });
  return new Map(data.map((item) => [item.counter, item.value]));
}
