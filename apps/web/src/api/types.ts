import type { RouterOutputs } from "@smallsupports/api";

/** One person's membership of a site, as the member list returns it. */
export type Member = RouterOutputs["member"]["list"]["items"][number];

/** A site's name, area, counts by role and project leads. */
export type SiteSummary = RouterOutputs["site"]["get"];

/** A person on the local sign-in list (a plain route beside the router, so not in RouterOutputs). */
export type { DevPerson } from "@smallsupports/api";

/** An open invitation in a site, as its project leads see it. */
export type Invitation = RouterOutputs["invitation"]["list"]["items"][number];

/** An invitation to be a site's project lead, as national staff see it. */
export type LeadInvitation = RouterOutputs["invitation"]["leadInvitations"][number];

/** An invitation to the signed-in person's own address. */
export type MyInvitation = RouterOutputs["invitation"]["mine"][number];

/** Someone invited who has never signed in, on the local sign-in page. */
/** An email a local server kept instead of sending (a plain route, so not in RouterOutputs). */
export type { DevInvitee, OutboxEmail } from "@smallsupports/api";
