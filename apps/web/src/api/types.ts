import type { RouterOutputs } from "@smallsupports/api";

/** One person's membership of a site, as the member list returns it. */
export type Member = RouterOutputs["member"]["list"]["items"][number];

/** A person on the local sign-in list (a plain route beside the router, so not in RouterOutputs). */
export type { DevPerson } from "@smallsupports/api";
