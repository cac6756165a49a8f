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
 * - `gsi1` answers "which sites does this person belong to" (`person#<personId>` / `site#<siteId>`).
 * - No local secondary indexes: they would cap one site's items at 10 GB.
 */
export const tableKeys = {
  partitionKey: "pk",
  sortKey: "sk",
} as const;

export const tableIndexes = {
  gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
} as const;

export type TableIndexName = keyof typeof tableIndexes;

/** Attribute names that carry keys; every one is a string. */
export const keyAttributes = [
  tableKeys.partitionKey,
  tableKeys.sortKey,
  ...Object.values(tableIndexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];
