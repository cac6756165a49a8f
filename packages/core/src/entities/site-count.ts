import { Entity } from "electrodb";
import { keyOptions } from "./common";

/**
 * One of a site's named counters: applications in a board column (`column:<stageId>`), organisations by
 * standing (`standing:<standing>`), or one bucket of a histogram of days (`submitDays:<bucket>`).
 * Each is created by the first change that counts it and kept in the same transaction as the
 * records it counts, so a site's figures are one query of its `count#` items however many
 * applications it holds. The number of counters is bounded by stages, standings and buckets.
 */
export const SiteCountEntity = new Entity({
  model: { entity: "siteCount", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    counter: { type: "string", required: true, readOnly: true },
    value: { type: "number", required: true, default: () => 0 },
  },
  indexes: {
    // Every counter of a site.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["counter"], template: "count#${counter}", ...keyOptions },
    },
  },
});
