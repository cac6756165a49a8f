import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor } from "./actor";
import { change, NATIONAL_SCOPE, useChange } from "./change";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "./errors";
import * as Person from "./person";
import { emailSchema, personIdSchema, personNameSchema, verb, versionSchema, writtenText } from "./validation";

/**
 * National mentors: people national staff name, whom any site's team may pair with an
 * organisation of its cohort (beside mentors from the site's own established providers). A
 * national mentor belongs to no site; they reach their own pairings, and nothing else of a site,
 * through the mentoring procedures for mentors. National staff keep the list; they never read a
 * pairing's notes.
 */

export interface MentorView {
  personId: string;
  name: string;
  email: string;
  about: string;
  status: "active" | "retired";
  version: number;
}

/** Marks a pairing's mentor as a national mentor, where a site mentor's organisation would be. */
export const nationalMentorMark = "national";

function requireNational() {
  if (!useActor().national) throw new ForbiddenError("Only national partnership staff keep the national mentors.");
}

async function describe(
  mentors: { personId: string; about: string; status: "active" | "retired"; version: number }[],
): Promise<MentorView[]> {
  if (mentors.length === 0) return [];
  const { data: people } = await db.entities.person.get(mentors.map(({ personId }) => ({ personId }))).go();
  const personOf = new Map(people.map((person) => [person.personId, person]));
  return mentors
    .map((mentor) => ({
      personId: mentor.personId,
      name: personOf.get(mentor.personId)?.name ?? "A former mentor",
      email: personOf.get(mentor.personId)?.email ?? "",
      about: mentor.about,
      status: mentor.status,
      version: mentor.version,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** Every national mentor, those still mentoring and those taken off the list. */
export const list = verb(z.strictObject({}), async () => {
  requireNational();
  const { data } = await db.entities.nationalMentor.query.byScope({ siteId: NATIONAL_SCOPE }).go({ pages: "all" });
  return describe(data);
});

/** National mentors a site's team may pair with now. The caller has checked they run the cohort. */
export async function available(): Promise<MentorView[]> {
  const { data } = await db.entities.nationalMentor.query.byScope({ siteId: NATIONAL_SCOPE }).go({ pages: "all" });
  return describe(data.filter((mentor) => mentor.status === "active"));
}

/** Whether `personId` is a national mentor on the list now. */
export async function isAvailable(personId: string): Promise<boolean> {
  const { data } = await db.entities.nationalMentor.get({ siteId: NATIONAL_SCOPE, personId }).go({ consistent: true });
  return data?.status === "active";
}

/** Whether national staff ever named `personId` a national mentor (on the list now or not). */
export async function isNamed(personId: string): Promise<boolean> {
  const { data } = await db.entities.nationalMentor.get({ siteId: NATIONAL_SCOPE, personId }).go();
  return !!data;
}

/**
 * National staff name a national mentor by name and address. Someone who already signs in with
 * that address is named as they are; anyone else becomes a person who can sign in with it.
 * National staff themselves cannot be mentors: they never read a pairing's notes.
 */
export const name = verb(
  z.strictObject({ name: personNameSchema, email: emailSchema, about: writtenText("what they bring", 10, 500) }),
  async ({ name, email, about }) => {
    requireNational();
    const existing = await Person.findByEmail(email);
    if (existing?.national) {
      throw new RuleError("National partnership staff cannot be national mentors: they never read mentoring notes.");
    }
    const personId = existing?.personId ?? randomUUID();
    await change("nationalMentor.name", async () => {
      const { write, audit } = useChange();
      if (!existing) {
        write(({ person }) => person.create({ personId, name, email, national: false }).commit());
        write(
          ({ emailClaim }) => emailClaim.create({ email, personId }).commit(),
          () => new ConflictError(`Someone already signs in with ${email}. Please try again.`),
        );
      }
      write(
        ({ nationalMentor }) =>
          nationalMentor
            .create({ siteId: NATIONAL_SCOPE, personId, about, status: "active", namedBy: useActor().personId })
            .commit(),
        () => new RuleError(`${existing?.name ?? name} is already a national mentor.`),
      );
      audit({
        siteId: NATIONAL_SCOPE,
        action: "national_mentor.named",
        recordType: "person",
        recordId: personId,
        after: { status: "active" },
        changed: ["about"],
      });
    });
    const [named] = await describe([{ personId, about, status: "active", version: 1 }]);
    return named as MentorView;
  },
);

/**
 * National staff take a mentor off the list: no new pairings with them. Pairings under way go
 * on until their site's team ends them. Naming them again puts them back.
 */
export const setAvailable = verb(
  z.strictObject({ personId: personIdSchema, version: versionSchema, available: z.boolean() }),
  async ({ personId, version, available }) => {
    requireNational();
    const { data } = await db.entities.nationalMentor
      .get({ siteId: NATIONAL_SCOPE, personId })
      .go({ consistent: true });
    if (!data) throw new NotFoundError("We could not find that national mentor.");
    if (data.version !== version) throw new ConflictError();
    const status = available ? "active" : "retired";
    await change("nationalMentor.setAvailable", async () => {
      const { write, audit } = useChange();
      write(
        ({ nationalMentor }) =>
          nationalMentor
            .patch({ siteId: NATIONAL_SCOPE, personId })
            .set({ status })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(),
      );
      audit({
        siteId: NATIONAL_SCOPE,
        action: available ? "national_mentor.restored" : "national_mentor.retired",
        recordType: "person",
        recordId: personId,
        before: { status: data.status },
        after: { status },
      });
    });
    const [view] = await describe([{ ...data, status, version: version + 1 }]);
    return view as MentorView;
  },
);
