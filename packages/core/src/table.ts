/**
 * The single table's shape, defined once. Infra (infra/storage.ts), the local launcher and the
 * test harness all build their table from this module, so local and cloud tables cannot drift.
 *
 * Pure data: no SDK import and no environment access, so infra can import it at synth time.
 *
 * Key design (see DESIGN.md "Tenancy"):
 * - Every site-owned item has `pk = site#<siteId>`; the sort key names the kind of record.
 * - National items live in their own partitions: the site registry (`sites`), people
 *   (`person#<personId>`) and email claims (`email#<email>`).
 * - `gsi1` answers "which sites does this person belong to" (`person#<personId>` / `site#<siteId>`),
 *   "which invitations are there for this address", a site board's stage by time in stage, and
 *   "which pairings does this mentor have, in any site" (`mentor#<personId>`).
 * - `gsi2` answers the same board stage narrowed to one CQC registration status, so a filtered
 *   board page is a query, never a filter after a limit.
 * - Operational items that only matter for a while (rate-limit windows) carry `expiresAt`, epoch
 *   seconds, which DynamoDB's time to live removes.
 * - No local secondary indexes: they would cap one site's items at 10 GB.
 */
export const tableKeys = {
  partitionKey: "pk",
  sortKey: "sk",
} as const;

export const tableIndexes = {
  gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
  gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
} as const;

/** Epoch seconds after which DynamoDB deletes the item (time to live). */
export const timeToLiveAttribute = "expiresAt";

export type TableIndexName = keyof typeof tableIndexes;

/** Attribute names that carry keys; every one is a string. */
export const keyAttributes = [
  tableKeys.partitionKey,
  tableKeys.sortKey,
  ...Object.values(tableIndexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];
