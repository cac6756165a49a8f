import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { DevPerson } from "./dev-sign-in";
import type { AppRouter } from "./root";

/**
 * What the web app may import from the API: types only. Its data types come from what the
 * procedures return, so the browser never depends on the domain's server code.
 */
export type { AppRouter, DevPerson };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
