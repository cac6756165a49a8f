import { Entity } from "electrodb";
import { keyOptions, versioned } from "./common";

/** Someone who signs in. National, because one person may belong to several sites. */
export const PersonEntity = new Entity({
  model: { entity: "person", version: "1", service: "smallsupports" },
  attributes: {
    personId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    email: { type: "string", required: true },
    /** National partnership staff see every site's summary and add sites. */
    national: { type: "boolean", required: true, default: () => false },
    /** The Cognito user linked on first sign-in (see sign-in-link.ts); set once, never moved. */
    signInSubject: { type: "string" },
    ...versioned,
  },
  indexes: {
    // One person.
    byId: {
      pk: { field: "pk", composite: ["personId"], template: "person#${personId}", ...keyOptions },
      sk: { field: "sk", composite: [], template: "person", ...keyOptions },
    },
    // Everyone who can sign in, for the local sign-in page and a future staff directory.
    directory: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [], template: "people", ...keyOptions },
      sk: { field: "gsi1sk", composite: ["personId"], template: "person#${personId}", ...keyOptions },
    },
  },
});

/** Claims an email address for one person, so two people can never share a sign-in. */
export const EmailClaimEntity = new Entity({
  model: { entity: "emailClaim", version: "1", service: "smallsupports" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    // Who holds this email address.
    byEmail: {
      pk: { field: "pk", composite: ["email"], template: "email#${email}", ...keyOptions },
      sk: { field: "sk", composite: [], template: "email", ...keyOptions },
    },
  },
});
