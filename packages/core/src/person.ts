import { randomUUID } from "node:crypto";
import { z } from "zod";
import { useActor } from "./actor";
import { change, NATIONAL_SCOPE, useChange } from "./change";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import { emailSchema, personIdSchema, personNameSchema, verb } from "./validation";

export interface Person {
  personId: string;
  name: string;
  email: string;
  national: boolean;
}

export const get = verb(z.strictObject({ personId: personIdSchema }), async ({ personId }) => {
  const { data } = await db.entities.person.get({ personId }).go();
  if (!data) throw new NotFoundError("That person does not exist.");
  return pick(data);
});

/** Who holds an email address, if anyone. */
export async function findByEmail(email: string): Promise<Person | undefined> {
  const claim = await db.entities.emailClaim.get({ email: email.trim().toLowerCase() }).go();
  if (!claim.data) return undefined;
  const { data } = await db.entities.person.get({ personId: claim.data.personId }).go();
  return data ? pick(data) : undefined;
}

/** Everyone who can sign in, in id order (for the local sign-in page). */
export async function directory(): Promise<Person[]> {
  const { data } = await db.entities.person.query.directory({}).go({ pages: "all" });
  return data.map(pick);
}

/** Adds a member of national partnership staff. Only national staff can do it. */
export const addNational = verb(
  z.strictObject({ name: personNameSchema, email: emailSchema }),
  async ({ name, email }) => {
    if (!useActor().national) throw new ForbiddenError("Only national partnership staff can add national staff.");
    const personId = randomUUID();
    await change("person.addNational", async () => {
      const { write, audit } = useChange();
      write(({ person }) => person.create({ personId, name, email, national: true }).commit());
      write(
        ({ emailClaim }) => emailClaim.create({ email, personId }).commit(),
        () => new ConflictError(`Someone already signs in with ${email}.`),
      );
      audit({
        siteId: NATIONAL_SCOPE,
        action: "person.added",
        recordType: "person",
        recordId: personId,
        after: { national: true },
      });
    });
    return { personId, name, email, national: true } satisfies Person;
  },
);

/** The names of these people, for showing who did what; anyone erased is simply missing. */
export async function namesOf(personIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)].filter((id) => personIdSchema.safeParse(id).success);
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.person.get(ids.map((personId) => ({ personId }))).go();
  return new Map(data.map((person) => [person.personId, person.name]));
}

function pick(item: Person): Person {
  return { personId: item.personId, name: item.name, email: item.email, national: item.national };
}
