import type { AppRouter } from "@smallsupports/api";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/solid-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { endSession, token } from "./session";

/** The typed API. Only the router's *type* is imported: no server code reaches the browser. */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      // Locally the API shares the web app's origin; in AWS the build is told the API's URL.
      url: `${import.meta.env.VITE_API_URL ?? ""}/trpc`,
      headers: () => {
        const current = token();
        return current ? { authorization: `Bearer ${current}` } : {};
      },
    }),
  ],
});

export type ApiError = TRPCClientError<AppRouter>;

/** The code the API gave a failed call (CONFLICT, FORBIDDEN, ...), if any. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** Codes where asking again gets the same answer: the person needs another way on instead. */
const finalCodes = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"];

/** Whether trying the same call again might work (a dropped connection, a fault on our side). */
export function retryCanHelp(error: unknown): boolean {
  return !finalCodes.includes(errorCode(error) ?? "");
}

/** A sentence to show a person for a failed call. The API already words its errors plainly. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    if (!error.data) return "We could not reach the server. Check your connection and try again.";
    return error.message;
  }
  return "Something went wrong. Please try again.";
}

/** Per-field messages when the API refused a form's input, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  return (error.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {};
}

function onError(error: unknown) {
  if (errorCode(error) === "UNAUTHORIZED" && token()) endSession("expired");
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => count < 2 && retryCanHelp(error),
    },
  },
});
