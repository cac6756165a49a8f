import { z } from "zod";
import * as Cursor from "./cursor";
import { db } from "./db";
import * as Person from "./person";
import { roleLabels, type SiteRole, siteRoles } from "./role";
import { cursorSchema, pageSizeSchema, siteIdSchema, verb } from "./validation";

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

/** A site's activity, newest first, a page at a time, worded when it is read. */
export const list = verb(
  z.strictObject({ siteId: siteIdSchema, cursor: cursorSchema, limit: pageSizeSchema }),
  async ({ siteId, cursor, limit }) => {
    const scope = ["activity.list", siteId];
    const page = await db.entities.auditEvent.query
      .bySite({ siteId })
      .go({ order: "desc", cursor: Cursor.open(scope, cursor), limit });
    const events = page.data;
    const personIds = events.flatMap((event) =>
      event.recordType === "member" || event.recordType === "person"
        ? [event.actorId, event.recordId]
        : [event.actorId],
    );
    const siteIds = events.filter((event) => event.recordType === "site").map((event) => event.recordId);
    const [names, sites] = await Promise.all([Person.namesOf(personIds), siteNames(siteIds)]);
    const items: ActivityEntry[] = events.map((event) => ({
      eventId: event.eventId,
      at: event.at,
      actorId: event.actorId,
      actorName: actorName(event.actorId, names),
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId,
      summary: summarise(
        { ...event, before: parseFields(event.before), after: parseFields(event.after) },
        names,
        sites,
      ),
    }));
    return { items, cursor: Cursor.seal(scope, page.cursor) };
  },
);

type Fields = Record<string, unknown>;
interface StoredEvent {
  action: string;
  recordType: string;
  recordId: string;
  before: Fields;
  after: Fields;
}

/** Shown for someone whose record has been erased. */
const formerPerson = "A former member";

function actorName(actorId: string, names: Map<string, string>): string {
  if (actorId === "system") return "Platform setup";
  return names.get(actorId) ?? formerPerson;
}

function role(value: unknown): string {
  return siteRoles.includes(value as SiteRole) ? roleLabels[value as SiteRole] : "a member";
}

/** One plain sentence for an event, with today's names for the people and site it names. */
function summarise(event: StoredEvent, names: Map<string, string>, sites: Map<string, string>): string {
  const person = names.get(event.recordId) ?? formerPerson;
  switch (event.action) {
    case "site.created":
      return `Added the site ${sites.get(event.recordId) ?? event.recordId}`;
    case "member.invited":
      return `Invited ${person} as ${role(event.after.role)}`;
    case "member.role_changed":
      return `Changed ${person}'s role from ${role(event.before.role)} to ${role(event.after.role)}`;
    case "member.removed":
      return `Removed ${person} (${role(event.before.role)}) from the site`;
    case "person.added":
      return `Added ${person} to national partnership staff`;
    case "person.sign_in_linked":
      return `${person} signed in with their account for the first time`;
    default:
      return `${event.action} on ${event.recordType} ${event.recordId}`;
  }
}

function parseFields(json: string | undefined): Fields {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  return parsed && typeof parsed === "object" ? (parsed as Fields) : {};
}

async function siteNames(siteIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(siteIds)];
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.site.get(ids.map((siteId) => ({ siteId }))).go();
  return new Map(data.map((site) => [site.siteId, site.name]));
}
