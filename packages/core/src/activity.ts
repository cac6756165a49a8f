import { z } from "zod";
import { db } from "./db";
import { cursorSchema, pageSizeSchema, siteIdSchema, verb } from "./validation";

/**
 * Changes that belong to no site (such as adding national staff) are audited under this scope.
 * It can never collide with a site: site addresses cannot contain an underscore.
 */
export const NATIONAL_SCOPE = "_national";

export interface ActivityEntry {
  eventId: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  recordType: string;
  recordId: string;
  summary: string;
}

/** A site's activity, newest first, a page at a time. */
export const list = verb(
  z.strictObject({ siteId: siteIdSchema, cursor: cursorSchema, limit: pageSizeSchema }),
  async ({ siteId, cursor, limit }) => {
    const page = await db.entities.auditEvent.query
      .bySite({ siteId })
      .go({ order: "desc", cursor: cursor ?? null, limit });
    const items: ActivityEntry[] = page.data.map((event) => ({
      eventId: event.eventId,
      at: event.at,
      actorId: event.actorId,
      actorName: event.actorName,
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId,
      summary: event.summary,
    }));
    return { items, cursor: page.cursor };
  },
);
