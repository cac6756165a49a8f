import { Entity } from "electrodb";
import { keyOptions, updatedAt, versioned } from "./common";

/**
 * A site's approval process comes in two kinds of record. The draft is the one the site's lead
 * edits; publishing copies it into a numbered version that never changes again, so an application
 * started on version 3 keeps version 3's questions, stages and criteria whatever comes after.
 * The definition is stored as JSON and checked against process-definition.ts on every write.
 */
export const ProcessDraftEntity = new Entity({
  model: { entity: "processDraft", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    definition: { type: "string", required: true },
    /** The newest published version's number; 0 until the first is published. */
    publishedVersion: { type: "number", required: true, default: () => 0 },
    /** Whether the draft differs from the newest published version. */
    changedSincePublished: { type: "boolean", required: true, default: () => true },
    ...versioned,
  },
  indexes: {
    // The one draft of a site's process.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: [], template: "process#draft", ...keyOptions },
    },
  },
});

/** One published version of a site's process; written once, never changed. */
export const ProcessVersionEntity = new Entity({
  model: { entity: "processVersion", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    /** Zero-padded in the key so versions sort in order. */
    number: { type: "number", required: true, readOnly: true, padding: { length: 6, char: "0" } },
    definition: { type: "string", required: true, readOnly: true },
    publishedBy: { type: "string", required: true, readOnly: true },
    publishedAt: { type: "string", required: true, readOnly: true },
    updatedAt,
  },
  indexes: {
    // A site's published versions, oldest first.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["number"], template: "process#version#${number}", ...keyOptions },
    },
  },
});
