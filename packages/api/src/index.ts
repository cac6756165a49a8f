import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { DevInvitee, DevPerson } from "./dev-sign-in";
import type { MailboxEntry as OutboxEmail } from "./mail/local-mailbox";
import type { AppRouter } from "./root";

/**
 * What the web app may import from the API: types only. Its data types come from what the
 * procedures return, so the browser never depends on the domain's server code.
 */
export type { AppRouter, DevInvitee, DevPerson, OutboxEmail };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
