import { createHmac, timingSafeEqual } from "node:crypto";
import { ValidationError } from "./errors";

/**
 * Pagination cursors as callers see them: opaque and tamper-evident. A cursor is the database's
 * own position, signed over the list it belongs to (the query, the site and any filters), so a
 * made-up, edited or borrowed cursor (another list's, another site's) is refused with a plain
 * message instead of reaching DynamoDB. The key is configured once at start-up, like the table.
 */
let key: Buffer | undefined;

export function configureCursors(secret: string): void {
  if (secret.length < 32) throw new Error("The cursor secret must be at least 32 characters long.");
  key = Buffer.from(secret);
}

/** Names one list: the query and everything that narrows it, e.g. ["member.list", siteId]. */
export type Scope = readonly string[];

const badCursor =
  "That link to the next page is not valid for this list. Go back to the start of the list and try again.";

export function seal(scope: Scope, position: string | null): string | null {
  if (position === null) return null;
  const body = Buffer.from(position).toString("base64url");
  return `${body}.${sign(scope, body)}`;
}

/** The position a sealed cursor holds, or null for the first page; refuses any cursor not ours. */
export function open(scope: Scope, cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const [body, signature, ...rest] = cursor.split(".");
  if (!body || !signature || rest.length > 0) throw new ValidationError(badCursor);
  const expected = Buffer.from(sign(scope, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ValidationError(badCursor);
  return Buffer.from(body, "base64url").toString();
}

function sign(scope: Scope, body: string): string {
  if (!key) throw new Error("Cursors are not configured: call configureCursors() at start-up.");
  // JSON keeps the scope's parts apart, so ["a.b", "c"] and ["a", "b.c"] sign differently.
  return createHmac("sha256", key)
    .update(JSON.stringify([...scope, body]))
    .digest("base64url");
}
