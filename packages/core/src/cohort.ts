import * as z from "zod";
import { useActor, useMembership } from "./actor";
import { change, useChange } from "./change";
import { now } from "./clock";
import type { CohortJoin } from "./cohort-shape";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "./errors";
import * as Organisation from "./organisation";
import { approvedStandings, type Standing } from "./organisation-shape";
import * as SiteStats from "./site-stats";
import { recordIdSchema, siteIdSchema, verb, versionSchema, writtenText } from "./validation";

/**
 * A site's cohort: the approved providers who meet, train and mentor one another. Approval puts
 * an organisation in it; the team may take one out, or add one back, with a reason. Its people
 * see the cohort directory and book its sessions; each chooses what contact details to share.
 */

export interface SharedContact {
  personId: string;
  name: string;
  /** Null unless they chose to share it. */
  email: string | null;
  phone: string | null;
  about: string | null;
}

export interface CohortOrganisation {
  organisationId: string;
  name: string;
  standing: Standing;
  joinedHow: CohortJoin;
  joinedAt: string;
  /** Places at sessions whose attendance was recorded. */
  attended: number;
  missed: number;
  /** Attended as a share of recorded places, 0 to 1; null before any were recorded. */
  attendanceRate: number | null;
  contacts: SharedContact[];
  version: number;
}

/** An organisation the team took out of the cohort, with why: only the team sees these. */
export interface RemovedOrganisation {
  organisationId: string;
  name: string;
  reason: string;
  removedAt: string;
  version: number;
}

const notInCohort = "Your organisation joins the site's cohort once the panel approves it.";

/** Whether a site member may see the cohort, and for a provider, which organisation they act for. */
export async function requireCohortAccess(siteId: string): Promise<{ organisationId: string | null }> {
  const membership = useMembership(siteId);
  if (membership.role !== "provider") return { organisationId: null };
  if (!membership.organisationId || !(await isActive(siteId, membership.organisationId))) {
    throw new ForbiddenError(notInCohort);
  }
  return { organisationId: membership.organisationId };
}

/** Whether an organisation is in its site's cohort now. */
export async function isActive(siteId: string, organisationId: string): Promise<boolean> {
  const { data } = await db.entities.cohortMember.get({ siteId, organisationId }).go({ consistent: true });
  return data?.active === true;
}

type StoredMember = NonNullable<Awaited<ReturnType<ReturnType<typeof db.entities.cohortMember.get>["go"]>>["data"]>;

/** An organisation's cohort item, if it has ever been in the cohort; read before a change uses it. */
export async function memberOf(siteId: string, organisationId: string): Promise<StoredMember | null> {
  const { data } = await db.entities.cohortMember.get({ siteId, organisationId }).go({ consistent: true });
  return data;
}

/**
 * Inside the decision's change: puts a newly approved organisation in the cohort, or back in it
 * if the team had taken it out before (a new approval is a new start). `existing` is its item as
 * read before the change, so two changes cannot both put it in.
 */
export function join(siteId: string, organisationId: string, existing: StoredMember | null): void {
  if (existing?.active) return;
  const { write, audit } = useChange();
  const conflict = () => new ConflictError(changedJustNow);
  if (existing) {
    setActive(siteId, organisationId, existing.version, true, "");
  } else {
    write(
      ({ cohortMember }) =>
        cohortMember
          .create({
            siteId,
            organisationId,
            active: true,
            joinedHow: "approval",
            joinedAt: now().toISOString(),
            changedBy: useActor().personId,
          })
          .commit(),
      conflict,
    );
  }
  SiteStats.count(siteId, SiteStats.counterName.cohortMembers, 1);
  audit({
    siteId,
    action: "cohort.joined",
    recordType: "organisation",
    recordId: organisationId,
    after: { active: true, joinedHow: "approval" },
  });
}

const siteKey = z.strictObject({ siteId: siteIdSchema });

/**
 * The cohort directory: each organisation in the cohort with the contacts its people share, by
 * name. The team also sees the organisations it took out, with its reasons.
 */
export const directory = verb(siteKey, async ({ siteId }) => {
  const isTeam = useMembership(siteId).role !== "provider";
  const [, members, contacts] = await Promise.all([
    requireCohortAccess(siteId),
    db.entities.cohortMember.query.bySite({ siteId }).go({ pages: "all" }),
    db.entities.cohortContact.query.bySite({ siteId }).go({ pages: "all" }),
  ]);
  const [organisations, people] = await Promise.all([
    members.data.length
      ? db.entities.organisation
          .get(members.data.map((member) => ({ siteId, organisationId: member.organisationId })))
          .go()
      : { data: [] },
    contacts.data.length
      ? db.entities.person.get(contacts.data.map((contact) => ({ personId: contact.personId }))).go()
      : { data: [] },
  ]);
  const organisationById = new Map(
    organisations.data.map((organisation) => [organisation.organisationId, organisation]),
  );
  const personById = new Map(people.data.map((person) => [person.personId, person]));
  const nameOf = (organisationId: string) => {
    const organisation = organisationById.get(organisationId);
    return organisation ? Organisation.displayName(organisation) : "Organisation";
  };

  const inCohort: CohortOrganisation[] = [];
  const removed: RemovedOrganisation[] = [];
  for (const member of members.data) {
    const organisation = organisationById.get(member.organisationId);
    if (!organisation) continue;
    if (!member.active) {
      if (isTeam) {
        removed.push({
          organisationId: member.organisationId,
          name: nameOf(member.organisationId),
          reason: member.reason ?? "",
          removedAt: member.updatedAt,
          version: member.version,
        });
      }
      continue;
    }
    const recorded = member.attended + member.missed;
    inCohort.push({
      organisationId: member.organisationId,
      name: nameOf(member.organisationId),
      standing: organisation.standing,
      joinedHow: member.joinedHow,
      joinedAt: member.joinedAt,
      attended: member.attended,
      missed: member.missed,
      attendanceRate: recorded ? member.attended / recorded : null,
      contacts: contacts.data
        .filter((contact) => contact.organisationId === member.organisationId)
        .flatMap((contact) => {
          const person = personById.get(contact.personId);
          if (!person) return [];
          return [
            {
              personId: contact.personId,
              name: person.name,
              email: contact.shareEmail ? person.email : null,
              phone: contact.phone || null,
              about: contact.about || null,
            },
          ];
        }),
      version: member.version,
    });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en-GB");
  return { organisations: inCohort.sort(byName), removed: removed.sort(byName) };
});

const reasonSchema = writtenText("the reason", 3, 500);

/** The team takes an organisation out of the cohort: its people can no longer book. */
export const remove = verb(
  siteKey.extend({ organisationId: recordIdSchema, version: versionSchema, reason: reasonSchema }),
  async ({ siteId, organisationId, version, reason }) => {
    const { data } = await db.entities.cohortMember.get({ siteId, organisationId }).go({ consistent: true });
    if (!data) throw new NotFoundError("That organisation is not in the cohort.");
    if (!data.active) throw new RuleError("That organisation has already been taken out of the cohort.");
    await change("cohort.remove", async () => {
      setActive(siteId, organisationId, version, false, reason);
      SiteStats.count(siteId, SiteStats.counterName.cohortMembers, -1);
      useChange().audit({
        siteId,
        action: "cohort.removed",
        recordType: "organisation",
        recordId: organisationId,
        before: { active: true },
        after: { active: false },
        changed: ["reason"],
      });
    });
    return directory({ siteId });
  },
);

/**
 * The team adds an organisation back into the cohort. Only an approved organisation can be in
 * it: an applicant joins when the panel approves it.
 */
export const add = verb(
  siteKey.extend({ organisationId: recordIdSchema, reason: reasonSchema }),
  async ({ siteId, organisationId, reason }) => {
    const [organisation, { data }] = await Promise.all([
      Organisation.read(siteId, organisationId),
      db.entities.cohortMember.get({ siteId, organisationId }).go({ consistent: true }),
    ]);
    if (!approvedStandings.includes(organisation.standing)) {
      throw new RuleError(
        `${Organisation.displayName(organisation)} has not been approved, so it cannot join the cohort yet.`,
      );
    }
    if (data?.active) throw new RuleError(`${Organisation.displayName(organisation)} is already in the cohort.`);
    await change("cohort.add", async () => {
      if (data) {
        setActive(siteId, organisationId, data.version, true, reason);
      } else {
        useChange().write(
          ({ cohortMember }) =>
            cohortMember
              .create({
                siteId,
                organisationId,
                active: true,
                joinedHow: "team",
                joinedAt: now().toISOString(),
                reason,
                changedBy: useActor().personId,
              })
              .commit(),
          () => new ConflictError(changedJustNow),
        );
      }
      SiteStats.count(siteId, SiteStats.counterName.cohortMembers, 1);
      useChange().audit({
        siteId,
        action: "cohort.added",
        recordType: "organisation",
        recordId: organisationId,
        before: { active: false },
        after: { active: true },
        changed: ["reason"],
      });
    });
    return directory({ siteId });
  },
);

const changedJustNow =
  "Someone else changed the cohort just now. Refresh the page to see their change, then try again.";

function setActive(siteId: string, organisationId: string, version: number, active: boolean, reason: string) {
  useChange().write(
    ({ cohortMember }) =>
      cohortMember
        .patch({ siteId, organisationId })
        .set({ active, reason, changedBy: useActor().personId, ...(active ? { joinedAt: now().toISOString() } : {}) })
        .add({ version: 1 })
        .where((attributes, operations) => operations.eq(attributes.version, version))
        .commit(),
    () => new ConflictError(changedJustNow),
  );
}

export interface MyContact {
  organisationId: string;
  shareEmail: boolean;
  phone: string;
  about: string;
  /** Whether anything is shared at all. */
  sharing: boolean;
  email: string;
  version: number | null;
}

/** What the person signed in shares with the cohort; nothing until they choose. */
export const myContact = verb(siteKey, async ({ siteId }): Promise<MyContact> => {
  const { organisationId } = await requireCohortAccess(siteId);
  if (!organisationId) throw new ForbiddenError("Only providers in the cohort share contact details with it.");
  const { personId } = useActor();
  const [{ data }, person] = await Promise.all([
    db.entities.cohortContact.get({ siteId, organisationId, personId }).go({ consistent: true }),
    db.entities.person.get({ personId }).go(),
  ]);
  return {
    organisationId,
    shareEmail: data?.shareEmail ?? false,
    phone: data?.phone ?? "",
    about: data?.about ?? "",
    sharing: !!data,
    email: person.data?.email ?? "",
    version: data?.version ?? null,
  };
});

const phoneSchema = z
  .string()
  .trim()
  .max(30, "Keep the phone number to at most 30 characters.")
  .regex(/^[0-9+() -]*$/, "Write the phone number with digits, spaces and + ( ) - only.");

/**
 * Shares (or changes, or stops sharing) the caller's contact details with the cohort. Sharing
 * nothing at all removes what was shared. `version` is what they saw, null if nothing was.
 */
export const shareContact = verb(
  siteKey.extend({
    shareEmail: z.boolean(),
    phone: phoneSchema,
    about: z.string().trim().max(200, "Keep what you are glad to talk about to at most 200 characters."),
    version: versionSchema.nullable(),
  }),
  async ({ siteId, shareEmail, phone, about, version }) => {
    const { organisationId } = await requireCohortAccess(siteId);
    if (!organisationId) throw new ForbiddenError("Only providers in the cohort share contact details with it.");
    const { personId } = useActor();
    const key = { siteId, organisationId, personId };
    const sharesNothing = !shareEmail && !phone && !about;
    const conflict = () =>
      new ConflictError("You changed what you share in another tab just now. Refresh the page, then try again.");
    await change("cohort.shareContact", async () => {
      const { write, audit } = useChange();
      if (version === null) {
        if (sharesNothing) return;
        write(({ cohortContact }) => cohortContact.create({ ...key, shareEmail, phone, about }).commit(), conflict);
      } else if (sharesNothing) {
        write(
          ({ cohortContact }) =>
            cohortContact
              .delete(key)
              .where((attributes, operations) => operations.eq(attributes.version, version))
              .commit(),
          conflict,
        );
      } else {
        write(
          ({ cohortContact }) =>
            cohortContact
              .patch(key)
              .set({ shareEmail, phone, about })
              .add({ version: 1 })
              .where((attributes, operations) => operations.eq(attributes.version, version))
              .commit(),
          conflict,
        );
      }
      audit({
        siteId,
        action: sharesNothing ? "cohort.contact_withdrawn" : "cohort.contact_shared",
        recordType: "organisation",
        recordId: organisationId,
        after: { shareEmail, phone: !!phone, about: !!about },
      });
    });
    return myContact({ siteId });
  },
);
