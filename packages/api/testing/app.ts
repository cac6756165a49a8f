import { dynamo } from "@smallsupports/core/dynamo";
import { useFreshTable } from "@smallsupports/core/testing";
import { beforeAll, inject } from "vitest";
import { createApp } from "../src/app";
import type { DevPerson } from "../src/dev-sign-in";
import { type ApiConfig, loadEnv } from "../src/env";
import type { LogLine } from "../src/log";
import type { MailboxEntry } from "../src/mail/local-mailbox";
import { buildWorld } from "./world";

/**
 * The real Hono app over a fresh table holding the small test world (./world.ts), called
 * in-process with `app.request()`. Call once at the top of a test file; use the returned
 * helpers inside tests.
 */
export function useTestApp() {
  useFreshTable();
  const state: { app?: ReturnType<typeof createApp>; people: DevPerson[]; logs: LogLine[]; config?: ApiConfig } = {
    people: [],
    logs: [],
  };

  beforeAll(async () => {
    const config = loadEnv({
      APP_MODE: "local",
      TABLE_NAME: "unused-the-table-is-already-configured",
      DYNAMO_ENDPOINT: inject("dynamoEndpoint"),
      DEV_TOKEN_SECRET: "test-secret-test-secret-test-secret-0123",
      CURSOR_SECRET: "test-cursor-secret-test-cursor-secret",
    });
    // The fresh table is already configured; keep it rather than the placeholder name.
    config.dynamo.tableName = dynamo().tableName;
    state.config = config;
    recreateApp();
    await buildWorld();
    const response = await app().request("/api/dev/people");
    state.people = ((await response.json()) as { people: DevPerson[] }).people;
  });

  const app = () => {
    if (!state.app) throw new Error("The app is created in beforeAll.");
    return state.app;
  };

  /**
   * Builds the test app again over the same table. The table, cursor and mail settings are the
   * process's own, so a test that creates another app (production mode, a missing table) has
   * re-pointed them; this points them back at the test app, with a new, empty mailbox.
   */
  function recreateApp() {
    if (!state.config) throw new Error("The config is loaded in beforeAll.");
    state.app = createApp(state.config, { log: (line) => state.logs.push(line) });
  }

  /** The emails the local mailbox holds, newest first; only those to `to` if it is given. */
  async function outbox(to?: string): Promise<MailboxEntry[]> {
    const response = await app().request("/api/dev/outbox");
    if (response.status !== 200) throw new Error(`GET /api/dev/outbox answered ${response.status}.`);
    const { emails } = (await response.json()) as { emails: MailboxEntry[] };
    return to === undefined ? emails : emails.filter((email) => email.to === to);
  }

  /**
   * Signs in by address, as someone invited does (they become a person on their first sign-in)
   * or anyone who already holds the address. Throws if the API refuses, so a test cannot carry on
   * with no one signed in.
   */
  async function signInByEmail(email: string): Promise<string> {
    const response = await app().request("/api/dev/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    const body = (await response.json()) as { token?: string; error?: string };
    if (response.status !== 200 || !body.token) {
      throw new Error(`Signing in as ${email} answered ${response.status}: ${body.error ?? "no token"}`);
    }
    return body.token;
  }

  async function tokenFor(person: DevPerson): Promise<string> {
    const response = await app().request("/api/dev/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: person.id }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  /** Calls a procedure the way the web app does; returns the HTTP status and the parsed body. */
  async function call(kind: "query" | "mutation", path: string, input: unknown, token?: string) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response =
      kind === "query"
        ? await app().request(
            input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
            { headers },
          )
        : await app().request(`/trpc/${path}`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify(input),
          });
    const body = (await response.json()) as {
      result?: { data: unknown };
      error?: {
        message: string;
        data: { code: string; httpStatus: number; fieldErrors?: Record<string, string> };
      };
    };
    return { status: response.status, body, code: body.error?.data.code, data: body.result?.data as never };
  }

  /** The people of the test world, by what they are. */
  function person(match: (person: DevPerson) => boolean): DevPerson {
    // Prefer people with one site, so a test about site A is not muddled by a second role.
    const matches = state.people.filter(match);
    const found = matches.find((p) => p.memberships.length <= 1) ?? matches[0];
    if (!found) throw new Error("No person of the test world matches.");
    return found;
  }
  const roleIn = (siteId: string, role: string) => (p: DevPerson) =>
    p.memberships.some((m) => m.siteId === siteId && m.role === role);

  return { app, state, tokenFor, call, person, roleIn, outbox, signInByEmail, recreateApp };
}
