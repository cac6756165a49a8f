import * as z from "zod";
import { useActor } from "./actor";
import { change, useChange } from "./change";
import { now } from "./clock";
import * as Cursor from "./cursor";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "./errors";
import * as Invitation from "./invitation";
import * as Person from "./person";
import * as Process from "./process";
import { roleCountField, type SiteRole, siteRoles } from "./role";
import { cursorSchema, emailSchema, pageSizeSchema, personNameSchema, siteIdSchema, verb } from "./validation";

export interface SiteSummary {
  siteId: string;
  name: string;
  area: string;
  createdAt: string;
  version: number;
  memberCounts: Record<SiteRole, number>;
  leads: { personId: string; name: string }[];
  /** Whether new providers can register interest and apply. */
  openToApplications: boolean;
}

/** A site on the public page of sites open to applications. */
export interface OpenSite {
  siteId: string;
  name: string;
  area: string;
  lookingFor: { plain: string; easyRead: string };
}

const siteNameSchema = z
  .string()
  .trim()
  .min(3, "Enter a site name of at least 3 characters.")
  .max(80, "Enter a site name of at most 80 characters.");
const areaSchema = z
  .string()
  .trim()
  .min(3, "Enter an area of at least 3 characters.")
  .max(120, "Enter an area of at most 120 characters.");

/**
 * Adds a site with an invitation to its first project lead. The site is complete when this
 * returns: its registry entry, its own partition with zeroed statistics and a draft of the
 * default approval process, the lead's invitation (sent once the change commits) and the audit events, in one change.
 */
export const create = verb(
  z.strictObject({
    siteId: siteIdSchema,
    name: siteNameSchema,
    area: areaSchema,
    lead: z.strictObject({ name: personNameSchema, email: emailSchema }, { error: "Name the site's project lead." }),
  }),
  async ({ lead, ...input }) => {
    const actor = useActor();
    if (!actor.national) throw new ForbiddenError("Only national partnership staff can add a site.");
    await change("site.create", async () => {
      const { write, audit } = useChange();
      write(
        ({ site }) => site.create({ ...input, createdBy: actor.personId, createdAt: now().toISOString() }).commit(),
        () => new ConflictError(`A site with the address "${input.siteId}" already exists. Choose another address.`),
      );
      write(({ siteStats }) => siteStats.create({ siteId: input.siteId }).commit());
      Process.createDraft(input.siteId, input.name);
      audit({ siteId: input.siteId, action: "site.created", recordType: "site", recordId: input.siteId });
      Invitation.open({ siteId: input.siteId, siteName: input.name, ...lead, role: "lead" });
    });
    return get({ siteId: input.siteId });
  },
);

/** One site with its member counts and leads. */
export const get = verb(z.strictObject({ siteId: siteIdSchema }), async ({ siteId }) => {
  // The leads' names come from their memberships, which carry them, in the same round trip as
  // the rest: asking for them by the ids on the statistics would be a second one after it.
  const [site, stats, opening, leads] = await Promise.all([
    db.entities.site.get({ siteId }).go(),
    db.entities.siteStats.get({ siteId }).go(),
    db.entities.openSite.get({ siteId }).go(),
    db.entities.membership.query
      .bySite({ siteId })
      .where(({ role }, { eq }) => eq(role, "lead"))
      .go({ pages: "all", attributes: ["personId", "personName"] }),
  ]);
  if (!site.data) throw new NotFoundError("That site does not exist.");
  const names = new Map(leads.data.map((lead) => [lead.personId, lead.personName]));
  const [summary] = summarise(
    [site.data],
    stats.data ? [stats.data] : [],
    new Set(opening.data ? [siteId] : []),
    names,
  );
  return summary as SiteSummary;
});

/** Every site, in address order, a page at a time: a query, a batch of stats and a batch of names. */
export const list = verb(
  z.strictObject({ cursor: cursorSchema, limit: pageSizeSchema }).default({ limit: 25 }),
  async ({ cursor, limit }) => {
    const scope = ["site.list"];
    const page = await db.entities.site.query.registry({}).go({ cursor: Cursor.open(scope, cursor), limit });
    if (page.data.length === 0) return { items: [] as SiteSummary[], cursor: null };
    const keys = page.data.map((site) => ({ siteId: site.siteId }));
    const [stats, openings] = await Promise.all([
      db.entities.siteStats.get(keys).go(),
      db.entities.openSite.get(keys).go(),
    ]);
    const open = new Set(openings.data.map((opening) => opening.siteId));
    const names = await Person.namesOf(stats.data.flatMap((item) => item.leadIds ?? []));
    return { items: summarise(page.data, stats.data, open, names), cursor: Cursor.seal(scope, page.cursor) };
  },
);

type SiteItem = { siteId: string; name: string; area: string; createdAt: string; version: number };
type StatsItem = { siteId: string; leadIds?: string[] } & Record<(typeof roleCountField)[SiteRole], number>;

function summarise(
  sites: SiteItem[],
  stats: StatsItem[],
  open: Set<string>,
  leadNames: Map<string, string>,
): SiteSummary[] {
  const statsBySite = new Map(stats.map((item) => [item.siteId, item]));
  return sites.map((site) => {
    const siteStats = statsBySite.get(site.siteId);
    return {
      siteId: site.siteId,
      name: site.name,
      area: site.area,
      createdAt: site.createdAt,
      version: site.version,
      memberCounts: Object.fromEntries(
        siteRoles.map((role) => [role, siteStats?.[roleCountField[role]] ?? 0]),
      ) as Record<SiteRole, number>,
      leads: (siteStats?.leadIds ?? [])
        .map((personId) => ({ personId, name: leadNames.get(personId) ?? "Unknown" }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      openToApplications: open.has(site.siteId),
    };
  });
}

/**
 * Opens a site to applications, so it appears on the public page and new providers can register
 * interest in it, or closes it. Opening needs a published process: it is what providers apply to.
 * Organisations already applying carry on either way.
 */
export const setOpen = verb(z.strictObject({ siteId: siteIdSchema, open: z.boolean() }), async ({ siteId, open }) => {
  const [site, opening] = await Promise.all([
    db.entities.site.get({ siteId }).go(),
    db.entities.openSite.get({ siteId }).go({ consistent: true }),
  ]);
  if (!site.data) throw new NotFoundError("That site does not exist.");
  if (Boolean(opening.data) === open) return get({ siteId });
  const latest = open ? await Process.latestNumber(siteId) : 0;
  if (open && !latest) {
    throw new RuleError("Publish the approval process first: it is what providers apply to.");
  }
  const lookingFor = latest ? (await Process.versionOf(siteId, latest)).definition.settings.lookingFor : undefined;
  const { name, area } = site.data;
  await change(open ? "site.open" : "site.close", async () => {
    const { write, audit } = useChange();
    if (lookingFor) {
      write(
        ({ openSite }) =>
          openSite
            .create({
              siteId,
              name,
              area,
              lookingFor: lookingFor.plain,
              lookingForEasyRead: lookingFor.easyRead,
              openedAt: new Date().toISOString(),
            })
            .commit(),
        () => new ConflictError("Someone else opened the site just now."),
      );
    } else {
      write(
        ({ openSite }) =>
          openSite
            .delete({ siteId })
            .where((attributes, operations) => operations.exists(attributes.siteId))
            .commit(),
        () => new ConflictError("Someone else closed the site just now."),
      );
    }
    audit({ siteId, action: open ? "site.opened" : "site.closed", recordType: "site", recordId: siteId });
  });
  return get({ siteId });
});

/** Every site open to applications, for the public page: one query of one small partition. */
export async function listOpen(): Promise<OpenSite[]> {
  const { data } = await db.entities.openSite.query.openSites({}).go({ pages: "all" });
  return data
    .map((item) => ({
      siteId: item.siteId,
      name: item.name,
      area: item.area,
      lookingFor: { plain: item.lookingFor, easyRead: item.lookingForEasyRead },
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a site is open to applications now. */
export async function isOpen(siteId: string): Promise<boolean> {
  const { data } = await db.entities.openSite.get({ siteId }).go({ consistent: true });
  return Boolean(data);
}

const closedMessage = "That site is not taking applications at the moment.";

/**
 * Inside the current change: the site must still be open when the change commits, so an
 * application or registration cannot slip in just after the lead closed the site.
 */
export function requireOpen(siteId: string): void {
  useChange().write(
    ({ openSite }) =>
      openSite
        .check({ siteId })
        .where((attributes, operations) => operations.exists(attributes.siteId))
        .commit(),
    () => new RuleError(closedMessage),
  );
}
