import { Hono } from "hono";
import type { LocalMailbox } from "./local-mailbox";

/**
 * Local mode only: the emails the platform has sent, newest first, so people and scripts can
 * follow an invitation's link. Never mounted in production, where mail goes through SES.
 */
export function devOutboxRoutes(mailbox: Pick<LocalMailbox, "list">) {
  const routes = new Hono();
  routes.get("/outbox", (c) => c.json({ emails: mailbox.list() }));
  return routes;
}
