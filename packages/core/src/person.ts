import { randomUUID } from "node:crypto";
import { z } from "zod";
import { NATIONAL_SCOPE } from "./activity";
import { useActor } from "./actor";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import { transact } from "./transact";
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

/** Who holds an email address, if anyone: how a Cognito sign-in finds its person. */
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
    await transact(
      ({ person, emailClaim }) => [
        { write: person.create({ personId, name, email, national: true }).commit() },
        {
          write: emailClaim.create({ email, personId }).commit(),
          onConditionFailed: () => new ConflictError(`Someone already signs in with ${email}.`),
        },
      ],
      {
        siteId: NATIONAL_SCOPE,
        action: "person.added",
        recordType: "person",
        recordId: personId,
        summary: `Added ${name} to national partnership staff`,
      },
    );
    return { personId, name, email, national: true } satisfies Person;
  },
);

function pick(item: Person): Person {
  return { personId: item.personId, name: item.name, email: item.email, national: item.national };
}
