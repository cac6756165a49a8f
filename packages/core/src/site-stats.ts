import { useChange } from "./change";
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
