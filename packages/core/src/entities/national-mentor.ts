import { Entity } from "electrodb";
import { keyOptions, versioned } from "./common";

/**
 * A national mentor: a person national staff name, whom any site's team may pair with an
 * organisation of its cohort. Kept in the national partition; the person signs in as anyone does.
 */
export const NationalMentorEntity = new Entity({
  model: { entity: "nationalMentor", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    /** What they bring, in national staff's words, shown to site teams choosing a mentor. */
    about: { type: "string", required: true },
    status: { type: ["active", "retired"] as const, required: true },
    namedBy: { type: "string", required: true, readOnly: true },
    ...versioned,
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["personId"], template: "mentor#${personId}", ...keyOptions },
    },
  },
});
