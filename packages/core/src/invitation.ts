import { randomUUID } from "node:crypto";
import * as z from "zod";
import { type Actor, systemActor, useActor, withActor } from "./actor";
import { change, useChange } from "./change";
import { dayMs, now } from "./clock";
import * as Cursor from "./cursor";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "./errors";
import * as Membership from "./membership";
import { invitationLifetimeDays } from "./messages";
import * as Person from "./person";
import type { SiteRole } from "./role";
import {
  cursorSchema,
  emailSchema,
  pageSizeSchema,
  personNameSchema,
  recordIdSchema,
  siteIdSchema,
  siteRoleSchema,
  verb,
  versionSchema,
} from "./validation";

/**
 * Invitations to join a site. A lead invites anyone by name and address; national staff invite a
 * site's project leads. The invitation is sent by email and waits for whoever signs in with that
 * verified address, who may join or say no. Nothing the inviter sees ever depends on whether the
 * address already belongs to someone: every answer is built from the invitation alone.
 */
export interface Invitation {
  siteId: string;
  invitationId: string;
  /** The name the inviter typed. */
  name: string;
  email: string;
  role: SiteRole;
  invitedBy: string;
  sentAt: string;
  expiresAt: string;
  sendCount: number;
  /** "expired" once 14 days have passed since it was last sent; sending it again renews it. */
  status: "pending" | "expired";
  version: number;
}

/** An invitation as the person invited sees it. */
export interface InvitationForMe {
  siteId: string;
  siteName: string;
  invitationId: string;
  role: SiteRole;
  inviterName: string;
  sentAt: string;
  expiresAt: string;
  status: "pending" | "expired";
}

type InvitationItem = Omit<Invitation, "expiresAt" | "status"> & { status: "pending" | "expired" };

const invitationKey = z.strictObject({ siteId: siteIdSchema, invitationId: recordIdSchema });
const versionedKey = invitationKey.extend({ version: versionSchema });
const invitee = { name: personNameSchema, email: emailSchema };

/** A site's open invitations, newest first within each page, with lapsed ones marked expired. */
export const list = verb(
  z.strictObject({ siteId: siteIdSchema, cursor: cursorSchema, limit: pageSizeSchema }),
  async ({ siteId, cursor, limit }) => {
    const scope = ["invitation.list", siteId];
    const page = await db.entities.invitation.query
      .bySite({ siteId })
      .go({ cursor: Cursor.open(scope, cursor), limit });
    const items = await recordLapses(page.data as InvitationItem[]);
    return { items: newestFirst(items), cursor: Cursor.seal(scope, page.cursor) };
  },
);

/** Invites a person to the caller's site, in the role the lead chose. */
export const invite = verb(
  z.strictObject({ siteId: siteIdSchema, ...invitee, role: siteRoleSchema }),
  async ({ siteId, name, email, role }) => {
    const siteName = await nameOfSite(siteId);
    await refuseMember(siteId, siteName, email);
    return change("invitation.invite", async () => open({ siteId, siteName, name, email, role }));
  },
);

/** A site's open invitations to be its project lead: what national staff manage. */
export const leadInvitations = verb(z.strictObject({ siteId: siteIdSchema }), async ({ siteId }) => {
  requireNational();
  await nameOfSite(siteId);
  const { data } = await db.entities.invitation.query.bySite({ siteId }).go({ pages: "all" });
  const leads = (data as InvitationItem[]).filter((item) => item.role === "lead");
  return newestFirst(await recordLapses(leads));
});

/** National staff invite a project lead, above all a new site's first one. */
export const inviteLead = verb(
  z.strictObject({ siteId: siteIdSchema, ...invitee }),
  async ({ siteId, name, email }) => {
    requireNational();
    const siteName = await nameOfSite(siteId);
    await refuseMember(siteId, siteName, email);
    return change("invitation.inviteLead", async () => open({ siteId, siteName, name, email, role: "lead" }));
  },
);

/**
 * Writes a new invitation, its claim on the address and its audit event into the current change,
 * and queues the email. Site.create calls this too, so a site and its first lead's invitation are
 * one change.
 */
export function open(input: { siteId: string; siteName: string; name: string; email: string; role: SiteRole }) {
  const { write, audit, send } = useChange();
  const invitationId = randomUUID();
  const sentAt = now().toISOString();
  const invitedBy = useActor().personId;
  const { siteId, siteName, name, email, role } = input;
  write(({ invitation }) => invitation.create({ siteId, invitationId, name, email, role, invitedBy, sentAt }).commit());
  write(
    ({ inviteeClaim }) => inviteeClaim.create({ siteId, email, invitationId }).commit(),
    () =>
      new ConflictError(
        `${email} already has an invitation to ${siteName}. Send that one again or correct it instead.`,
      ),
  );
  audit({ siteId, action: "invitation.sent", recordType: "invitation", recordId: invitationId, after: { role } });
  send({ siteId, template: "invitation", to: { invitation: invitationId } });
  return present({
    siteId,
    invitationId,
    name,
    email,
    role,
    invitedBy,
    sentAt,
    sendCount: 1,
    status: "pending",
    version: 1,
  });
}

/** Sends an invitation again, which renews it for another 14 days. */
export const resend = verb(versionedKey, async (key) => {
  const current = await getCurrent(key);
  return resendItem(current);
});

/** National staff send a project lead's invitation again. */
export const resendLead = verb(versionedKey, async (key) => {
  requireNational();
  return resendItem(await getCurrent(key, "lead"));
});

async function resendItem(current: InvitationItem): Promise<Invitation> {
  const sentAt = now().toISOString();
  await change("invitation.resend", async () => {
    const { write, audit, send } = useChange();
    write(({ invitation }) =>
      invitation
        .patch({ siteId: current.siteId, invitationId: current.invitationId })
        .set({ sentAt, status: "pending" })
        .add({ sendCount: 1, version: 1 })
        .where((attr, op) => op.eq(attr.version, current.version))
        .commit(),
    );
    audit({
      siteId: current.siteId,
      action: "invitation.resent",
      recordType: "invitation",
      recordId: current.invitationId,
      after: { role: current.role },
    });
    send({ siteId: current.siteId, template: "invitation", to: { invitation: current.invitationId } });
  });
  return present({
    ...current,
    sentAt,
    status: "pending",
    sendCount: current.sendCount + 1,
    version: current.version + 1,
  });
}

/**
 * Corrects an open invitation's name, address or role. A corrected address is a new recipient, so
 * the invitation is sent to it at once; the old address never hears of it again.
 */
export const correct = verb(
  versionedKey.extend({ ...invitee, role: siteRoleSchema }),
  async ({ siteId, invitationId, version, name, email, role }) => {
    const current = await getCurrent({ siteId, invitationId, version });
    const newAddress = email !== current.email;
    if (!newAddress && name === current.name && role === current.role) return present(current);
    const siteName = await nameOfSite(siteId);
    if (newAddress) await refuseMember(siteId, siteName, email);
    const sentAt = newAddress ? now().toISOString() : current.sentAt;

    await change("invitation.correct", async () => {
      const { write, audit, send } = useChange();
      write(({ invitation }) =>
        invitation
          .patch({ siteId, invitationId })
          .set({ name, email, role, sentAt, ...(newAddress ? { status: "pending" as const } : {}) })
          .add({ version: 1, ...(newAddress ? { sendCount: 1 } : {}) })
          .where((attr, op) => op.eq(attr.version, version))
          .commit(),
      );
      if (newAddress) {
        write(({ inviteeClaim }) => inviteeClaim.delete({ siteId, email: current.email }).commit());
        write(
          ({ inviteeClaim }) => inviteeClaim.create({ siteId, email, invitationId }).commit(),
          () => new ConflictError(`${email} already has an invitation to ${siteName}. Correct that one instead.`),
        );
        send({ siteId, template: "invitation", to: { invitation: invitationId } });
      }
      audit({
        siteId,
        action: "invitation.corrected",
        recordType: "invitation",
        recordId: invitationId,
        before: { role: current.role },
        after: { role },
        changed: [...(name !== current.name ? ["name"] : []), ...(newAddress ? ["email"] : [])],
      });
    });
    return present({
      ...current,
      name,
      email,
      role,
      sentAt,
      status: newAddress ? "pending" : current.status,
      sendCount: current.sendCount + (newAddress ? 1 : 0),
      version: version + 1,
    });
  },
);

/** Withdraws an open invitation; the link in the email then leads nowhere. */
export const cancel = verb(versionedKey, async (key) => cancelItem(await getCurrent(key)));

/** National staff withdraw a project lead's invitation (a mistyped address, say). */
export const cancelLead = verb(versionedKey, async (key) => {
  requireNational();
  return cancelItem(await getCurrent(key, "lead"));
});

async function cancelItem(current: InvitationItem) {
  await change("invitation.cancel", async () => {
    close(current, current.version);
    useChange().audit({
      siteId: current.siteId,
      action: "invitation.cancelled",
      recordType: "invitation",
      recordId: current.invitationId,
      before: { role: current.role },
    });
  });
  return { siteId: current.siteId, invitationId: current.invitationId };
}

/** The open invitations to the signed-in person's address, in every site. */
export async function mine(): Promise<InvitationForMe[]> {
  const person = await Person.get({ personId: useActor().personId });
  const { data } = await db.entities.invitation.query.toAddress({ email: person.email }).go({ pages: "all" });
  const items = await recordLapses(data as InvitationItem[]);
  const [sites, inviters] = await Promise.all([
    siteNames(items.map((item) => item.siteId)),
    Person.namesOf(items.map((item) => item.invitedBy)),
  ]);
  return newestFirst(items).map((item) => ({
    siteId: item.siteId,
    siteName: sites.get(item.siteId) ?? item.siteId,
    invitationId: item.invitationId,
    role: item.role,
    inviterName: inviters.get(item.invitedBy) ?? "The Small Supports team",
    sentAt: item.sentAt,
    expiresAt: item.expiresAt,
    status: item.status,
  }));
}

/** The signed-in person joins the site an invitation to their own address names. */
export const accept = verb(invitationKey, async (key) => {
  const { person, item, siteName } = await invitationToMe(key);
  await change("invitation.accept", async () => {
    close(item, item.version);
    Membership.add({ siteId: item.siteId, siteName, person, role: item.role, addedBy: item.invitedBy });
    useChange().audit({
      siteId: item.siteId,
      action: "member.joined",
      recordType: "member",
      recordId: person.personId,
      after: { role: item.role },
    });
  });
  return { siteId: item.siteId, siteName, role: item.role, personId: person.personId };
});

/** The signed-in person says no to an invitation to their own address. */
export const decline = verb(invitationKey, async (key) => {
  const { item } = await invitationToMe(key);
  await change("invitation.decline", async () => {
    close(item, item.version);
    useChange().audit({
      siteId: item.siteId,
      action: "invitation.declined",
      recordType: "invitation",
      recordId: item.invitationId,
      before: { role: item.role },
    });
  });
  return { siteId: item.siteId, invitationId: item.invitationId };
});

/** The name on the newest open invitation to an address: a new person's name until they correct it. */
export async function nameInvitedAs(email: string): Promise<string | undefined> {
  const { data } = await db.entities.invitation.query.toAddress({ email }).go({ pages: "all" });
  const waiting = (data as InvitationItem[]).filter((item) => presentStatus(item) === "pending");
  return newestFirst(waiting.map(present))[0]?.name;
}

// Everything below works on one invitation at a time.

/** Deletes an invitation and its claim on the address, if it is still at `version`. */
function close(item: InvitationItem, version: number) {
  const { write } = useChange();
  write(({ invitation }) =>
    invitation
      .delete({ siteId: item.siteId, invitationId: item.invitationId })
      .where((attr, op) => op.eq(attr.version, version))
      .commit(),
  );
  write(({ inviteeClaim }) => inviteeClaim.delete({ siteId: item.siteId, email: item.email }).commit());
}

async function getCurrent(
  { siteId, invitationId, version }: { siteId: string; invitationId: string; version: number },
  role?: SiteRole,
): Promise<InvitationItem> {
  const { data } = await db.entities.invitation.get({ siteId, invitationId }).go();
  if (!data || (role && data.role !== role)) {
    throw new NotFoundError("That invitation no longer exists. Someone may have cancelled it, or the person joined.");
  }
  if (data.version !== version) throw new ConflictError();
  return data as InvitationItem;
}

/** An invitation the caller may answer: it must be open and addressed to their own address. */
async function invitationToMe(key: { siteId: string; invitationId: string }) {
  const person = await Person.get({ personId: useActor().personId });
  const [found, site] = await Promise.all([
    db.entities.invitation.get(key).go(),
    db.entities.site.get({ siteId: key.siteId }).go(),
  ]);
  const item = found.data as InvitationItem | null;
  // One answer for "no such invitation" and "someone else's": an id reveals nothing.
  if (!item || item.email !== person.email || !site.data) {
    throw new NotFoundError("That invitation is not open any more. Ask the site's project lead to send a new one.");
  }
  if (presentStatus(item) === "expired") {
    await recordLapses([item]);
    throw new RuleError(
      `This invitation to ${site.data.name} has run out. Ask its project lead to send it again; it will then last another ${invitationLifetimeDays} days.`,
    );
  }
  return { person, item, siteName: site.data.name };
}

/**
 * Marks lapsed invitations expired, each with its audit event, and returns all of them as they
 * now stand. The platform itself is the actor: the lapse is the clock's doing, not the reader's.
 * Two readers may notice the same lapse; the version condition lets one record it.
 */
async function recordLapses(items: InvitationItem[]): Promise<Invitation[]> {
  const lapsed = items.filter((item) => item.status === "pending" && presentStatus(item) === "expired");
  await Promise.all(
    lapsed.map((item) =>
      withActor(systemActor, () =>
        change("invitation.lapse", async () => {
          const { write, audit } = useChange();
          write(({ invitation }) =>
            invitation
              .patch({ siteId: item.siteId, invitationId: item.invitationId })
              .set({ status: "expired" })
              .add({ version: 1 })
              .where((attr, op) => op.eq(attr.version, item.version))
              .commit(),
          );
          audit({
            siteId: item.siteId,
            action: "invitation.expired",
            recordType: "invitation",
            recordId: item.invitationId,
            before: { status: "pending" },
            after: { status: "expired", role: item.role },
          });
        }).then(
          () => {
            item.status = "expired";
            item.version += 1;
          },
          (error) => {
            // Someone else recorded it, resent it or answered it first; what they did stands.
            if (!(error instanceof ConflictError)) throw error;
          },
        ),
      ),
    ),
  );
  return items.map(present);
}

function presentStatus(item: Pick<InvitationItem, "status" | "sentAt">): "pending" | "expired" {
  if (item.status === "expired") return "expired";
  return now().getTime() > Date.parse(expiryOf(item.sentAt)) ? "expired" : "pending";
}

function expiryOf(sentAt: string): string {
  return new Date(Date.parse(sentAt) + invitationLifetimeDays * dayMs).toISOString();
}

function present(item: InvitationItem): Invitation {
  return {
    siteId: item.siteId,
    invitationId: item.invitationId,
    name: item.name,
    email: item.email,
    role: item.role,
    invitedBy: item.invitedBy,
    sentAt: item.sentAt,
    expiresAt: expiryOf(item.sentAt),
    sendCount: item.sendCount,
    status: presentStatus(item),
    version: item.version,
  };
}

function newestFirst<T extends { sentAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

function requireNational(): Actor {
  const actor = useActor();
  if (!actor.national) throw new ForbiddenError("Only national partnership staff can do this.");
  return actor;
}

async function nameOfSite(siteId: string): Promise<string> {
  const { data } = await db.entities.site.get({ siteId }).go();
  if (!data) throw new NotFoundError("That site does not exist.");
  return data.name;
}

/**
 * Refuses to invite an address that is already a member here. The lead can see their own
 * members' addresses, so saying so reveals nothing; whether the address belongs to anyone
 * elsewhere is never consulted for anything the inviter sees.
 */
async function refuseMember(siteId: string, siteName: string, email: string) {
  const holder = await Person.findByEmail(email);
  if (holder && (await Membership.find(siteId, holder.personId))) {
    throw new ConflictError(`Someone with the address ${email} is already a member of ${siteName}.`);
  }
}

async function siteNames(siteIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(siteIds)];
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.site.get(ids.map((siteId) => ({ siteId }))).go();
  return new Map(data.map((site) => [site.siteId, site.name]));
}
