import { Entity } from "electrodb";
import { keyOptions, updatedAt } from "./common";

/**
 * A site's running totals, updated in the same transaction as every change they count, so
 * national views read one small item per site instead of scanning. Every membership change in a
 * site writes this item; one partition key takes about 1,000 writes a second, far above what a
 * site does, so the hot item is not a concern.
 */
export const SiteStatsEntity = new Entity({
  model: { entity: "siteStats", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    leadCount: { type: "number", required: true, default: () => 0 },
    teamCount: { type: "number", required: true, default: () => 0 },
    expertCount: { type: "number", required: true, default: () => 0 },
    providerCount: { type: "number", required: true, default: () => 0 },
    /** Who leads the site, so the national list can name them without reading members. */
    leadIds: { type: "set", items: "string" },
    updatedAt,
  },
  indexes: {
    // The statistics of one site.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: [], template: "stats", ...keyOptions },
    },
  },
});
