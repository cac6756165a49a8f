import { Entity } from "electrodb";
import { keyOptions, versioned } from "./common";

/** The national site registry: one item per site, all in the `sites` partition. */
export const SiteEntity = new Entity({
  model: { entity: "site", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    area: { type: "string", required: true },
    createdBy: { type: "string", required: true, readOnly: true },
    ...versioned,
  },
  indexes: {
    // Every site, in address order: the national list.
    registry: {
      pk: { field: "pk", composite: [], template: "sites", ...keyOptions },
      sk: { field: "sk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
    },
  },
});
