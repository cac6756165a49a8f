import { Entity } from "electrodb";
import { keyOptions, updatedAt } from "./common";

/**
 * A site open to applications, in one national partition, so the public page of open sites is a
 * single query. Written when a lead opens the site and refreshed when they publish; deleted when
 * they close it. Holds only what the public page shows.
 */
export const OpenSiteEntity = new Entity({
  model: { entity: "openSite", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    area: { type: "string", required: true },
    lookingFor: { type: "string", required: true },
    lookingForEasyRead: { type: "string", required: true },
    openedAt: { type: "string", required: true },
    updatedAt,
  },
  indexes: {
    // Every site open to applications, in address order.
    openSites: {
      pk: { field: "pk", composite: [], template: "open-sites", ...keyOptions },
      sk: { field: "sk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
    },
  },
});
