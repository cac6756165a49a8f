import { Entity } from "electrodb";
import { siteRoles } from "../role";
import { keyOptions, versioned } from "./common";

/** A person's place in one site. Name and email are copied in so member lists need one query. */
export const MembershipEntity = new Entity({
  model: { entity: "membership", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    role: { type: siteRoles, required: true },
    personName: { type: "string", required: true },
    personEmail: { type: "string", required: true },
    siteName: { type: "string", required: true },
    addedBy: { type: "string", required: true, readOnly: true },
    /** For a provider's people: the organisation they act for, whose records alone they see. */
    organisationId: { type: "string" },
    ...versioned,
  },
  indexes: {
    // The members of a site.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["personId"], template: "member#${personId}", ...keyOptions },
    },
    // The sites a person belongs to ("my sites").
    sitesOfPerson: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["personId"], template: "person#${personId}", ...keyOptions },
      sk: { field: "gsi1sk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
    },
  },
});
