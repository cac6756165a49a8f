import { randomUUID } from "node:crypto";
import { z } from "zod";
import { useActor } from "./actor";
import { change, useChange } from "./change";
import * as Cursor from "./cursor";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { roleCountField, type SiteRole } from "./role";
import * as SiteStats from "./site-stats";
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
 * Adds a person to a site. Someone new gets a person record and their email is claimed for them;
 * someone who already signs in (say, a lead in another site) is added under their existing record.
 * The person is sent a message saying so once the change has committed.
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
    const now = new Date().toISOString();

    await change("member.invite", async () => {
      const { write, audit, send } = useChange();
      if (!existing) {
        write(({ person }) => person.create({ personId, name, email }).commit());
        write(
          ({ emailClaim }) => emailClaim.create({ email, personId }).commit(),
          () => new ConflictError("Someone else added this email address just now. Try again."),
        );
      }
      write(
        ({ membership }) =>
          membership
            .create({ siteId, personId, role, personName, personEmail: email, siteName, addedBy: actor.personId })
            .commit(),
        () => new ConflictError(`${personName} is already a member of ${siteName}.`),
      );
      SiteStats.add(siteId, { [roleCountField[role]]: 1 });
      if (role === "lead") SiteStats.addLead(siteId, personId);
      audit({ siteId, action: "member.invited", recordType: "member", recordId: personId, after: { role } });
      send({ siteId, template: "member-added", recipientId: personId, params: { role } });
    });
    return { siteId, siteName, personId, name: personName, email, role, version: 1, createdAt: now, updatedAt: now };
  },
);

/** Changes a member's role. `version` is the one the caller saw; a newer one means a conflict. */
export const changeRole = verb(
  memberKey.extend({ role: siteRoleSchema, version: versionSchema }),
  async ({ siteId, personId, role, version }) => {
    const current = await get({ siteId, personId });
    if (current.version !== version) throw new ConflictError();
    if (current.role === role) return current;
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
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
