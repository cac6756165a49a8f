import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor, useMembership } from "./actor";
import { change, useChange } from "./change";
import { now } from "./clock";
import { db } from "./db";
import { ConflictError, NotFoundError, RuleError } from "./errors";
import * as Membership from "./membership";
import {
  type CqcRating,
  type CqcStatus,
  cqcRatings,
  cqcStatuses,
  type Standing,
  standingLabels,
} from "./organisation-shape";
import * as Person from "./person";
import { roleLabels } from "./role";
import * as Site from "./site";
import * as SiteStats from "./site-stats";
import { recordIdSchema, siteIdSchema, verb, versionSchema } from "./validation";

/**
 * Provider organisations. A person registers their organisation's interest in a site open to
 * applications: that makes the organisation, in the site's partition, and makes the person a
 * provider member of the site acting for it. Provider members see only their own organisation's
 * records (`ownOrganisation`); the site's lead and team see every organisation in the site.
 */

export interface Organisation {
  siteId: string;
  organisationId: string;
  legalName: string;
  tradingName: string | null;
  area: string;
  foundedYear: number;
  peopleSupported: number;
  cqcStatus: CqcStatus;
  cqcRating: CqcRating | null;
  contactPersonId: string;
  contactName: string;
  difference: string;
  standing: Standing;
  currentApplicationId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The name an organisation goes by: its trading name if it has one. */
export const displayName = (organisation: { legalName: string; tradingName?: string | null }) =>
  organisation.tradingName || organisation.legalName;

const thisYear = () => new Date().getUTCFullYear();

export const profileSchema = z
  .strictObject({
    legalName: z
      .string({ error: "Enter your organisation's legal name." })
      .trim()
      .min(2, "Enter your organisation's legal name.")
      .max(160, "Keep the legal name to at most 160 characters."),
    tradingName: z
      .string()
      .trim()
      .max(160, "Keep the trading name to at most 160 characters.")
      .optional()
      .transform((name) => name || undefined),
    area: z
      .string({ error: "Say where you work." })
      .trim()
      .min(2, "Say where you work, like a town or district.")
      .max(120, "Keep the area to at most 120 characters."),
    foundedYear: z
      .number({ error: "Enter the year your organisation started (this year if you are setting up)." })
      .int("Enter a year, like 2021.")
      .min(1900, "Enter a year after 1900.")
      .refine((year) => year <= thisYear() + 1, "Enter this year or an earlier one."),
    peopleSupported: z
      .number({ error: "Enter how many people you support now (0 if nobody yet)." })
      .int("Enter a whole number.")
      .min(0, "Enter 0 or more.")
      .max(100_000, "Enter a smaller number."),
    cqcStatus: z.enum(cqcStatuses, { error: "Say where you are with CQC registration." }),
    cqcRating: z.enum(cqcRatings, { error: "Choose your CQC rating, or 'Not yet rated'." }).optional(),
    difference: z
      .string({ error: "Tell us what makes your organisation different." })
      .trim()
      .min(1, "Tell us what makes your organisation different.")
      .max(2000, "Keep this to at most 2000 characters."),
  })
  .superRefine((profile, context) => {
    if (profile.cqcStatus === "registered" && !profile.cqcRating) {
      context.addIssue({ code: "custom", path: ["cqcRating"], message: "Choose your CQC rating, or 'Not yet rated'." });
    }
  })
  // A rating means nothing without registration, so it is not kept.
  .transform((profile) => (profile.cqcStatus === "registered" ? profile : { ...profile, cqcRating: undefined }));

const organisationKey = z.strictObject({ siteId: siteIdSchema, organisationId: recordIdSchema });

/**
 * The record-level rule for a provider's people: they reach only their own organisation's records.
 * The site's lead and team reach every organisation in the site. Anyone else's organisation is
 * "not found", so an id reveals nothing.
 */
export function ownOrganisation(siteId: string, organisationId: string): void {
  const membership = useMembership(siteId);
  if (membership.role === "provider" && membership.organisationId !== organisationId) {
    throw new NotFoundError(notFound);
  }
}

const notFound = "We could not find that organisation.";

/**
 * Registers an organisation's interest in a site open to applications, for the person signed in:
 * the organisation (registered interest), and the person's membership of the site as a provider
 * acting for it, in one change. A provider member with no organisation yet (invited by the site)
 * registers theirs the same way.
 */
export const register = verb(
  z.strictObject({ siteId: siteIdSchema, organisation: profileSchema }),
  async ({ siteId, organisation }) => {
    const actor = useActor();
    const [person, site, membership, open] = await Promise.all([
      Person.get({ personId: actor.personId }),
      Site.get({ siteId }).catch(() => undefined),
      Membership.find(siteId, actor.personId),
      Site.isOpen(siteId),
    ]);
    // Someone the site invited as a provider registers their organisation whether or not the site
    // is taking new applications; anyone else only while it is.
    const invited = membership?.role === "provider";
    if (!site || (!open && !invited)) throw new RuleError("That site is not taking applications at the moment.");
    if (membership && membership.role !== "provider") {
      throw new RuleError(
        `You are already a member of ${site.name} as ${roleLabels[membership.role].toLowerCase()}, so you cannot apply to it as a provider.`,
      );
    }
    if (membership?.organisationId) {
      throw new ConflictError(`Your organisation is already registered with ${site.name}.`);
    }
    const organisationId = randomUUID();
    const createdAt = now().toISOString();
    await change("organisation.register", async () => {
      const { write, audit } = useChange();
      write(({ organisation: organisations }) =>
        organisations
          .create({
            siteId,
            organisationId,
            ...organisation,
            contactPersonId: person.personId,
            standing: "interest",
            registeredBy: person.personId,
            createdAt,
          })
          .commit(),
      );
      if (!invited) Site.requireOpen(siteId);
      if (membership) {
        Membership.joinOrganisation({ siteId, personId: person.personId, organisationId, version: membership.version });
      } else {
        Membership.add({
          siteId,
          siteName: site.name,
          person,
          role: "provider",
          addedBy: person.personId,
          organisationId,
        });
      }
      SiteStats.count(siteId, SiteStats.counterName.standing("interest"), 1);
      SiteStats.count(siteId, SiteStats.counterName.interest, 1, SiteStats.monthOf(createdAt));
      audit({
        siteId,
        action: "organisation.registered",
        recordType: "organisation",
        recordId: organisationId,
        after: { standing: "interest", cqcStatus: organisation.cqcStatus },
      });
    });
    return read(siteId, organisationId);
  },
);

/** One organisation, for its own people and the site team. */
export const get = verb(organisationKey, async ({ siteId, organisationId }) => {
  ownOrganisation(siteId, organisationId);
  return read(siteId, organisationId);
});

/** An organisation without the record-level rule: only for services that have checked it. */
export async function read(siteId: string, organisationId: string): Promise<Organisation> {
  const { data } = await db.entities.organisation.get({ siteId, organisationId }).go({ consistent: true });
  if (!data) throw new NotFoundError(notFound);
  const names = await Person.namesOf([data.contactPersonId]);
  return toOrganisation(data, names.get(data.contactPersonId) ?? "Unknown");
}

/** The organisation's own facts, corrected by its people or the site team. */
export const update = verb(
  organisationKey.extend({ version: versionSchema, organisation: profileSchema }),
  async (input) => {
    // The board's copy of the name and CQC status is written under the application's version;
    // if the site team moved the application meanwhile, the copy is read again and written again
    // rather than refusing an edit the organisation itself had no part in.
    for (let attempt = 1; ; attempt++) {
      try {
        return await updateOnce(input);
      } catch (error) {
        if (!(error instanceof ApplicationMoved) || attempt >= 3) throw error;
      }
    }
  },
);

class ApplicationMoved extends ConflictError {}

async function updateOnce({
  siteId,
  organisationId,
  version,
  organisation,
}: {
  siteId: string;
  organisationId: string;
  version: number;
  organisation: z.output<typeof profileSchema>;
}) {
  const current = await get({ siteId, organisationId });
  if (current.version !== version) throw new ConflictError();
  const application = current.currentApplicationId
    ? await db.entities.application
        .get({ siteId, organisationId, applicationId: current.currentApplicationId })
        .go({ consistent: true })
    : undefined;
  await change("organisation.update", async () => {
    const { write, audit } = useChange();
    write(({ organisation: organisations }) => {
      const { tradingName, cqcRating, ...facts } = organisation;
      // An optional fact left out is removed, not kept from before.
      const absent = [...(tradingName ? [] : ["tradingName"]), ...(cqcRating ? [] : ["cqcRating"])] as (
        | "tradingName"
        | "cqcRating"
      )[];
      const patch = organisations
        .patch({ siteId, organisationId })
        .set({ ...facts, ...(tradingName ? { tradingName } : {}), ...(cqcRating ? { cqcRating } : {}) });
      return (absent.length ? patch.remove(absent) : patch)
        .add({ version: 1 })
        .where((attributes, operations) => operations.eq(attributes.version, version))
        .commit();
    });
    const live = application?.data;
    if (live && live.status !== "withdrawn") {
      // The board shows the organisation's name and filters on its CQC status, from copies here.
      write(
        ({ application: applications }) =>
          applications
            .patch({ siteId, organisationId, applicationId: live.applicationId })
            .set({
              organisationName: displayName(organisation),
              cqcStatus: organisation.cqcStatus,
              boardColumn: live.boardColumn,
              stageEnteredAt: live.stageEnteredAt,
            })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, live.version))
            .commit(),
        () => new ApplicationMoved(),
      );
    }
    audit({
      siteId,
      action: "organisation.updated",
      recordType: "organisation",
      recordId: organisationId,
      before: { cqcStatus: current.cqcStatus, cqcRating: current.cqcRating, peopleSupported: current.peopleSupported },
      after: {
        cqcStatus: organisation.cqcStatus,
        cqcRating: organisation.cqcRating ?? null,
        peopleSupported: organisation.peopleSupported,
      },
      // Names and typed text are personal to the organisation: the event says they changed, not to what.
      changed: (["legalName", "tradingName", "area", "foundedYear", "difference"] as const).filter(
        (field) => (current[field] ?? null) !== (organisation[field] ?? null),
      ),
    });
  });
  return get({ siteId, organisationId });
}

/**
 * Changes an organisation's standing under the version read, with the standing counts, inside the
 * current change. `currentApplicationId` is set to an id, cleared with null, or left as it is.
 */
export function moveStanding(
  siteId: string,
  organisationId: string,
  version: number,
  from: Standing,
  to: Standing,
  currentApplicationId?: string | null,
) {
  useChange().write(
    ({ organisation }) => {
      let patch = organisation
        .patch({ siteId, organisationId })
        .set({ standing: to, ...(currentApplicationId ? { currentApplicationId } : {}) });
      if (currentApplicationId === null) patch = patch.remove(["currentApplicationId"]);
      return patch
        .add({ version: 1 })
        .where((attributes, operations) => operations.eq(attributes.version, version))
        .commit();
    },
    () => new ConflictError("Someone else changed your organisation's details just now. Please try again."),
  );
  SiteStats.count(siteId, SiteStats.counterName.standing(from), -1);
  SiteStats.count(siteId, SiteStats.counterName.standing(to), 1);
}

/** An organisation a person acts for, with the site it is in and where it stands. */
export interface MyOrganisation {
  siteId: string;
  siteName: string;
  organisationId: string;
  name: string;
  standing: Standing;
  standingLabel: string;
  currentApplicationId: string | null;
}

/**
 * The organisations the person signed in acts for, in every site, and provider memberships
 * without one. A caller that has their memberships already (read beside the sign-in) passes them.
 */
export async function mine(sitesOfCaller?: Membership.Member[]): Promise<{
  organisations: MyOrganisation[];
  toRegister: { siteId: string; siteName: string }[];
}> {
  const memberships = (sitesOfCaller ?? (await Membership.sitesOf(useActor().personId))).filter(
    (member) => member.role === "provider",
  );
  const withOrganisation = memberships.filter((member) => member.organisationId);
  const { data } = withOrganisation.length
    ? await db.entities.organisation
        .get(
          withOrganisation.map((member) => ({
            siteId: member.siteId,
            organisationId: member.organisationId as string,
          })),
        )
        .go()
    : { data: [] };
  const siteNames = new Map(memberships.map((member) => [member.siteId, member.siteName]));
  return {
    organisations: data
      .map((item) => ({
        siteId: item.siteId,
        siteName: siteNames.get(item.siteId) ?? item.siteId,
        organisationId: item.organisationId,
        name: displayName(item),
        standing: item.standing,
        standingLabel: standingLabels[item.standing],
        currentApplicationId: item.currentApplicationId || null,
      }))
      .sort((a, b) => a.siteName.localeCompare(b.siteName)),
    toRegister: memberships
      .filter((member) => !member.organisationId)
      .map((member) => ({ siteId: member.siteId, siteName: member.siteName })),
  };
}

type OrganisationItem = {
  siteId: string;
  organisationId: string;
  legalName: string;
  tradingName?: string;
  area: string;
  foundedYear: number;
  peopleSupported: number;
  cqcStatus: CqcStatus;
  cqcRating?: CqcRating;
  contactPersonId: string;
  difference: string;
  standing: Standing;
  currentApplicationId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

function toOrganisation(item: OrganisationItem, contactName: string): Organisation {
  return {
    siteId: item.siteId,
    organisationId: item.organisationId,
    legalName: item.legalName,
    tradingName: item.tradingName || null,
    area: item.area,
    foundedYear: item.foundedYear,
    peopleSupported: item.peopleSupported,
    cqcStatus: item.cqcStatus,
    cqcRating: item.cqcRating ?? null,
    contactPersonId: item.contactPersonId,
    contactName,
    difference: item.difference,
    standing: item.standing,
    currentApplicationId: item.currentApplicationId || null,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
