import { Entity } from "electrodb";
import { keyOptions, versioned } from "./common";

/**
 * A site's approval process. Each site shapes its own with its experts by experience; a new site
 * starts from a default draft that the provider-approval work will let the site edit.
 */
export const ApprovalProcessEntity = new Entity({
  model: { entity: "approvalProcess", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    processId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    status: { type: ["draft", "published"] as const, required: true, default: () => "draft" as const },
    stages: { type: "list", items: { type: "string" }, required: true },
    criteria: { type: "list", items: { type: "string" }, required: true },
    ...versioned,
  },
  indexes: {
    // A site's approval processes.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["processId"], template: "process#${processId}", ...keyOptions },
    },
  },
});
