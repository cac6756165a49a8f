import { z } from "zod";
import { useActor } from "./actor";
import { change, useChange } from "./change";
import { characteristics, defaultApprovalStages } from "./characteristics";
import * as Cursor from "./cursor";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import * as Invitation from "./invitation";
import * as Person from "./person";
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
 * returns: its registry entry, its own partition with zeroed statistics and a draft approval
 * process, the lead's invitation (sent once the change commits) and the audit events, in one change.
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
        ({ site }) => site.create({ ...input, createdBy: actor.personId }).commit(),
        () => new ConflictError(`A site with the address "${input.siteId}" already exists. Choose another address.`),
      );
      write(({ siteStats }) => siteStats.create({ siteId: input.siteId }).commit());
      write(({ approvalProcess }) =>
        approvalProcess
          .create({
            siteId: input.siteId,
            processId: "default",
            name: `${input.name} approval process`,
            stages: [...defaultApprovalStages],
            criteria: [...characteristics],
          })
          .commit(),
      );
      audit({ siteId: input.siteId, action: "site.created", recordType: "site", recordId: input.siteId });
      Invitation.open({ siteId: input.siteId, siteName: input.name, ...lead, role: "lead" });
    });
    return get({ siteId: input.siteId });
  },
);

/** One site with its member counts and leads. */
export const get = verb(z.strictObject({ siteId: siteIdSchema }), async ({ siteId }) => {
  const [site, stats] = await Promise.all([
    db.entities.site.get({ siteId }).go(),
    db.entities.siteStats.get({ siteId }).go(),
  ]);
  if (!site.data) throw new NotFoundError("That site does not exist.");
  const [summary] = await summarise([site.data], stats.data ? [stats.data] : []);
  return summary as SiteSummary;
});

/** Every site, in address order, a page at a time: a query, a batch of stats and a batch of names. */
export const list = verb(
  z.strictObject({ cursor: cursorSchema, limit: pageSizeSchema }).default({ limit: 25 }),
  async ({ cursor, limit }) => {
    const scope = ["site.list"];
    const page = await db.entities.site.query.registry({}).go({ cursor: Cursor.open(scope, cursor), limit });
    if (page.data.length === 0) return { items: [] as SiteSummary[], cursor: null };
    const stats = await db.entities.siteStats.get(page.data.map((site) => ({ siteId: site.siteId }))).go();
    return { items: await summarise(page.data, stats.data), cursor: Cursor.seal(scope, page.cursor) };
  },
);

type SiteItem = { siteId: string; name: string; area: string; createdAt: string; version: number };
type StatsItem = { siteId: string; leadIds?: string[] } & Record<(typeof roleCountField)[SiteRole], number>;

async function summarise(sites: SiteItem[], stats: StatsItem[]): Promise<SiteSummary[]> {
  const statsBySite = new Map(stats.map((item) => [item.siteId, item]));
  const leadNames = await Person.namesOf(stats.flatMap((item) => item.leadIds ?? []));
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
    };
  });
}
