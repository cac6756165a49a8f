import { Entity } from "electrodb";
import { siteRoles } from "../role";
import { keyOptions, versioned } from "./common";

/**
 * An invitation to join a site, open until the person joins or declines it, or a lead cancels
 * it; then it is deleted and the activity list keeps its history. It carries the name the
 * inviter typed, never the name of anyone who may already hold the address, so inviting reveals
 * nothing about other sites. It lapses 14 days after it was last sent; that is worked out when it
 * is read (see invitation.ts), so no timer is needed.
 */
export const InvitationEntity = new Entity({
  model: { entity: "invitation", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    invitationId: { type: "string", required: true, readOnly: true },
    /** The name the inviter typed. */
    name: { type: "string", required: true },
    /** Lower-cased; whoever signs in with it, verified, may join. */
    email: { type: "string", required: true },
    role: { type: siteRoles, required: true },
    invitedBy: { type: "string", required: true },
    /** When the invitation was last sent; it lapses 14 days later. */
    sentAt: { type: "string", required: true },
    sendCount: { type: "number", required: true, default: () => 1 },
    /** "expired" once a read has found it lapsed and recorded so (with an audit event). */
    status: { type: ["pending", "expired"] as const, required: true, default: () => "pending" as const },
    ...versioned,
  },
  indexes: {
    // A site's open invitations.
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["invitationId"], template: "invitation#${invitationId}", ...keyOptions },
    },
    // The open invitations to one address, in every site: what a person sees when they sign in.
    toAddress: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["email"], template: "invitee#${email}", ...keyOptions },
      sk: {
        field: "gsi1sk",
        composite: ["siteId", "invitationId"],
        template: "site#${siteId}#invitation#${invitationId}",
        ...keyOptions,
      },
    },
  },
});

/**
 * Holds one address's open invitation to one site, so an address is never invited twice at once
 * (a transaction condition on this item, which an index could not give).
 */
export const InviteeClaimEntity = new Entity({
  model: { entity: "inviteeClaim", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    invitationId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    // Which open invitation an address has in a site.
    byAddress: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["email"], template: "invitee#${email}", ...keyOptions },
    },
  },
});
