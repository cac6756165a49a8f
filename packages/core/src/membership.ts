import * as z from "zod";
import { change, useChange } from "./change";
import * as Cursor from "./cursor";
import { db } from "./db";
import { ConflictError, NotFoundError, RuleError } from "./errors";
import { roleCountField, type SiteRole } from "./role";
import * as SiteStats from "./site-stats";
import {
  cursorSchema,
  pageSizeSchema,
  personIdSchema,
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
  /** For a provider's people: the organisation they act for in this site. */
  organisationId: string | null;
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
  organisationId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const memberKey = z.strictObject({ siteId: siteIdSchema, personId: personIdSchema });

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
    const scope = ["member.list", siteId];
    const page = await db.entities.membership.query
      .bySite({ siteId })
      .go({ cursor: Cursor.open(scope, cursor), limit });
    return { items: page.data.map(toMember), cursor: Cursor.seal(scope, page.cursor) };
  },
);

/** Every site a person belongs to, with their role in each. */
export async function sitesOf(personId: string): Promise<Member[]> {
  const { data } = await db.entities.membership.query.sitesOfPerson({ personId }).go({ pages: "all" });
  return data.map(toMember);
}

/**
 * Adds a person to a site inside the current change: the membership, the site's counts and its
 * leads. Only accepting an invitation calls this; the caller audits the change.
 */
export function add(input: {
  siteId: string;
  siteName: string;
  person: { personId: string; name: string; email: string };
  role: SiteRole;
  addedBy: string;
  organisationId?: string;
}) {
  const { siteId, siteName, person, role, addedBy, organisationId } = input;
  useChange().write(
    ({ membership }) =>
      membership
        .create({
          siteId,
          personId: person.personId,
          role,
          personName: person.name,
          personEmail: person.email,
          siteName,
          addedBy,
          organisationId,
        })
        .commit(),
    () => new ConflictError(`You are already a member of ${siteName}.`),
  );
  SiteStats.add(siteId, { [roleCountField[role]]: 1 });
  if (role === "lead") SiteStats.addLead(siteId, person.personId);
}

/**
 * A provider member with no organisation yet starts acting for one, inside the current change
 * (registering their organisation). Refused if they already act for one or their membership moved on.
 */
export function joinOrganisation(input: { siteId: string; personId: string; organisationId: string; version: number }) {
  const { siteId, personId, organisationId, version } = input;
  useChange().write(
    ({ membership }) =>
      membership
        .patch({ siteId, personId })
        .set({ organisationId })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, version)} AND ${op.notExists(attr.organisationId)}`)
        .commit(),
    () => new ConflictError("Your organisation is already registered with this site."),
  );
}

/** Changes a member's role. `version` is the one the caller saw; a newer one means a conflict. */
export const changeRole = verb(
  memberKey.extend({ role: siteRoleSchema, version: versionSchema }),
  async ({ siteId, personId, role, version }) => {
    const current = await get({ siteId, personId });
    if (current.version !== version) throw new ConflictError();
    if (current.role === role) return current;
    // Acting for an organisation that applies to the site, and running the site's board, cannot
    // go together: a provider's people keep the provider role while they act for it.
    if (current.organisationId) {
      throw new RuleError(
        `${current.name} acts for an organisation applying to or working with this site, so they stay a provider lead. Invite them again under another address for another role.`,
      );
    }
    await change("member.changeRole", async () => {
      const { write, audit } = useChange();
      write(({ membership }) =>
        membership
          .patch({ siteId, personId })
          .set({ role })
          .add({ version: 1 })
          .where((attr, op) => op.eq(attr.version, version))
          .commit(),
      );
      moveCount(siteId, personId, current.role, role);
      audit({
        siteId,
        action: "member.role_changed",
        recordType: "member",
        recordId: personId,
        before: { role: current.role },
        after: { role },
      });
    });
    return { ...current, role, version: version + 1, updatedAt: new Date().toISOString() };
  },
);

/** Removes a person from a site. Their record stays: they may belong to other sites. */
export const remove = verb(memberKey.extend({ version: versionSchema }), async ({ siteId, personId, version }) => {
  const current = await get({ siteId, personId });
  if (current.version !== version) throw new ConflictError();
  await change("member.remove", async () => {
    const { write, audit } = useChange();
    write(({ membership }) =>
      membership
        .delete({ siteId, personId })
        .where((attr, op) => op.eq(attr.version, version))
        .commit(),
    );
    moveCount(siteId, personId, current.role, null);
    audit({
      siteId,
      action: "member.removed",
      recordType: "member",
      recordId: personId,
      before: { role: current.role },
    });
  });
  return { siteId, personId };
});

/** Moves one member's count from one role to another (or out); a site is never left leaderless. */
function moveCount(siteId: string, personId: string, from: SiteRole, to: SiteRole | null) {
  SiteStats.add(siteId, { [roleCountField[from]]: -1, ...(to ? { [roleCountField[to]]: 1 } : {}) });
  if (from === "lead") SiteStats.removeLead(siteId, personId);
  if (to === "lead") SiteStats.addLead(siteId, personId);
}

function toMember(item: MembershipItem): Member {
  return {
    siteId: item.siteId,
    siteName: item.siteName,
    personId: item.personId,
    name: item.personName,
    email: item.personEmail,
    role: item.role,
    organisationId: item.organisationId ?? null,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
