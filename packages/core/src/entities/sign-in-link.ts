import { Entity } from "electrodb";
import { keyOptions } from "./common";

/**
 * Ties a Cognito user (its `sub`, which never changes) to one person, claimed on their first
 * sign-in. From then on the person is found by `sub`, so changing the email on the Cognito
 * account can never move a sign-in to someone else.
 */
export const SignInLinkEntity = new Entity({
  model: { entity: "signInLink", version: "1", service: "smallsupports" },
  attributes: {
    subject: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    linkedAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    // Which person a Cognito user is.
    bySubject: {
      pk: { field: "pk", composite: ["subject"], template: "signin#${subject}", ...keyOptions },
      sk: { field: "sk", composite: [], template: "signin", ...keyOptions },
    },
  },
});
