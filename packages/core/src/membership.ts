import { randomUUID } from "node:crypto";
import { z } from "zod";
import { useActor } from "./actor";
import { db, type Entities } from "./db";
import { ConflictError, NotFoundError, RuleError } from "./errors";
import { roleCountField, roleLabels, type SiteRole } from "./role";
import { type Step, transact } from "./transact";
import {
  cursorSchema,
  emailSchema,
  pageSizeSchema,
  personIdSchema,
  personNameSchema,
  siteIdSchema,
  siteRoleSchema,
  verb,
  versionSchema,
} from "./validation";

export interface Member {
  siteId: string;
  siteName: string;
  personId: string;
  name: string;
  email: string;
  role: SiteRole;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type MembershipItem = {
  siteId: string;
  siteName: string;
  personId: string;
  personName: string;
  personEmail: string;
  role: SiteRole;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const memberKey = z.strictObject({ siteId: siteIdSchema, personId: personIdSchema });
const lastLeadMessage = "A site needs at least one project lead. Make someone else project lead first.";

/** One person's membership of one site, or undefined if they are not a member. */
export async function find(siteId: string, personId: string): Promise<Member | undefined> {
  const { data } = await db.entities.membership.get({ siteId, personId }).go();
  return data ? toMember(data) : undefined;
}

export const get = verb(memberKey, async ({ siteId, personId }) => {
  const member = await find(siteId, personId);
  if (!member) throw new NotFoundError("That person is not a member of this site.");
  return member;
});

/** A site's members, a page at a time. */
export const list = verb(
  z.strictObject({ siteId: siteIdSchema, cursor: cursorSchema, limit: pageSizeSchema }),
  async ({ siteId, cursor, limit }) => {
    const page = await db.entities.membership.query.bySite({ siteId }).go({ cursor: cursor ?? null, limit });
    return { items: page.data.map(toMember), cursor: page.cursor };
  },
);

/** Every site a person belongs to, with their role in each. */
export async function sitesOf(personId: string): Promise<Member[]> {
  const { data } = await db.entities.membership.query.sitesOfPerson({ personId }).go({ pages: "all" });
  return data.map(toMember);
}

/**
 * Adds a person to a site. Someone new gets a person record and their email is claimed for them;
 * someone who already signs in (say, a lead in another site) is added under their existing record.
 */
export const invite = verb(
  z.strictObject({ siteId: siteIdSchema, name: personNameSchema, email: emailSchema, role: siteRoleSchema }),
  async ({ siteId, name, email, role }) => {
    const actor = useActor();
    const [site, claim] = await Promise.all([
      db.entities.site.get({ siteId }).go(),
      db.entities.emailClaim.get({ email }).go(),
    ]);
    if (!site.data) throw new NotFoundError("That site does not exist.");
    const existing = claim.data ? (await db.entities.person.get({ personId: claim.data.personId }).go()).data : null;
    const personId = existing?.personId ?? randomUUID();
    const personName = existing?.name ?? name;
    const siteName = site.data.name;

    await transact(
      ({ person, emailClaim, membership, siteStats }) => {
        const steps: Step[] = [];
        if (!existing) {
          steps.push(
            { write: person.create({ personId, name, email }).commit() },
            {
              write: emailClaim.create({ email, personId }).commit(),
              onConditionFailed: () => new ConflictError("Someone else added this email address just now. Try again."),
            },
          );
        }
        steps.push(
          {
            write: membership
              .create({ siteId, personId, role, personName, personEmail: email, siteName, addedBy: actor.personId })
              .commit(),
            onConditionFailed: () => new ConflictError(`${personName} is already a member of ${siteName}.`),
          },
          {
            write: siteStats
              .patch({ siteId })
              .add({ [roleCountField[role]]: 1, ...(role === "lead" ? { leadIds: [personId] } : {}) })
              .commit(),
            onConditionFailed: () => new NotFoundError("That site does not exist."),
          },
        );
        return steps;
      },
      {
        siteId,
        action: "member.invited",
        recordType: "member",
        recordId: personId,
        summary: `Invited ${personName} as ${roleLabels[role]}`,
        after: { role },
      },
    );
    return get({ siteId, personId });
  },
);

/** Changes a member's role. `version` is the one the caller saw; a newer one means a conflict. */
export const changeRole = verb(
  memberKey.extend({ role: siteRoleSchema, version: versionSchema }),
  async ({ siteId, personId, role, version }) => {
    const current = await get({ siteId, personId });
    if (current.version !== version) throw new ConflictError();
    if (current.role === role) return current;
    await transact(
      ({ membership, siteStats }) => [
        {
          write: membership
            .patch({ siteId, personId })
            .set({ role })
            .add({ version: 1 })
            .where((attr, op) => op.eq(attr.version, version))
            .commit(),
        },
        {
          write: statsChange(siteStats, siteId, personId, current.role, role),
          onConditionFailed: () => new RuleError(lastLeadMessage),
        },
      ],
      {
        siteId,
        action: "member.role_changed",
        recordType: "member",
        recordId: personId,
        summary: `Changed ${current.name}'s role from ${roleLabels[current.role]} to ${roleLabels[role]}`,
        before: { role: current.role },
        after: { role },
      },
    );
    return get({ siteId, personId });
  },
);

/** Removes a person from a site. Their record stays: they may belong to other sites. */
export const remove = verb(memberKey.extend({ version: versionSchema }), async ({ siteId, personId, version }) => {
  const current = await get({ siteId, personId });
  if (current.version !== version) throw new ConflictError();
  await transact(
    ({ membership, siteStats }) => [
      {
        write: membership
          .delete({ siteId, personId })
          .where((attr, op) => op.eq(attr.version, version))
          .commit(),
      },
      {
        write: statsChange(siteStats, siteId, personId, current.role, null),
        onConditionFailed: () => new RuleError(lastLeadMessage),
      },
    ],
    {
      siteId,
      action: "member.removed",
      recordType: "member",
      recordId: personId,
      summary: `Removed ${current.name} (${roleLabels[current.role]}) from the site`,
      before: { role: current.role },
    },
  );
  return { siteId, personId };
});

/** Moves one member's count from one role to another (or out); refuses to leave a site leaderless. */
function statsChange(
  siteStats: Entities["siteStats"],
  siteId: string,
  personId: string,
  from: SiteRole,
  to: SiteRole | null,
) {
  const counts: Record<string, number> = { [roleCountField[from]]: -1 };
  if (to) counts[roleCountField[to]] = 1;
  let update = siteStats.patch({ siteId }).add({ ...counts, ...(to === "lead" ? { leadIds: [personId] } : {}) });
  if (from === "lead") {
    update = update.delete({ leadIds: [personId] }).where((attr, op) => op.gt(attr.leadCount, 1));
  }
  return update.commit();
}

function toMember(item: MembershipItem): Member {
  return {
    siteId: item.siteId,
    siteName: item.siteName,
    personId: item.personId,
    name: item.personName,
    email: item.personEmail,
    role: item.role,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
