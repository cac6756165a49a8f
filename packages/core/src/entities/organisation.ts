import { Entity } from "electrodb";
import { cqcRatings, cqcStatuses, standings } from "../organisation-shape";
import { keyOptions, versioned } from "./common";

/**
 * A provider organisation as one site knows it, in that site's partition. Its people are the
 * site's members whose membership names this organisation; a provider sees only its own
 * organisation's records. `standing` is the fact that makes it an applicant or an approved provider.
 */
export const OrganisationEntity = new Entity({
  model: { entity: "organisation", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    legalName: { type: "string", required: true },
    tradingName: { type: "string" },
    area: { type: "string", required: true },
    foundedYear: { type: "number", required: true },
    peopleSupported: { type: "number", required: true },
    cqcStatus: { type: cqcStatuses, required: true },
    cqcRating: { type: cqcRatings },
    /** The person the site contacts: one of the organisation's people. */
    contactPersonId: { type: "string", required: true },
    difference: { type: "string", required: true },
    standing: { type: standings, required: true },
    /** The application in progress or in review, if any. */
    currentApplicationId: { type: "string" },
    registeredBy: { type: "string", required: true, readOnly: true },
    ...versioned,
  },
  indexes: {
    // One organisation; its applications and answers sort after it.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["organisationId"], template: "organisation#${organisationId}", ...keyOptions },
    },
  },
});
