import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor, withActor } from "./actor";
import { change, NATIONAL_SCOPE, useChange } from "./change";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import { emailSchema, personIdSchema, personNameSchema, verb, versionSchema } from "./validation";

export interface Person {
  personId: string;
  name: string;
  email: string;
  national: boolean;
  version: number;
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
    return { personId, name, email, national: true, version: 1 } satisfies Person;
  },
);

/** The names of these people, for showing who did what; anyone erased is simply missing. */
export async function namesOf(personIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)].filter((id) => personIdSchema.safeParse(id).success);
  if (ids.length === 0) return new Map();
  const { data } = await db.entities.person.get(ids.map((personId) => ({ personId }))).go();
  return new Map(data.map((person) => [person.personId, person.name]));
}

/**
 * Someone signs in for the first time with a verified address: they become a person, named as
 * they were invited or as they gave their name on signing up, until they correct it. Their
 * address is claimed for them in the same change.
 */
export async function createAtFirstSignIn(input: { name: string; email: string }): Promise<Person> {
  const personId = randomUUID();
  try {
    await withActor({ personId, national: false }, () =>
      change("person.createAtFirstSignIn", async () => {
        const { write, audit } = useChange();
        write(({ person }) => person.create({ personId, ...input }).commit());
        write(({ emailClaim }) => emailClaim.create({ email: input.email, personId }).commit());
        audit({ siteId: NATIONAL_SCOPE, action: "person.created", recordType: "person", recordId: personId });
      }),
    );
  } catch (error) {
    // Two first sign-ins at once: the other one made the person; this one is them too.
    const holder = error instanceof ConflictError ? await findByEmail(input.email) : undefined;
    if (holder) return holder;
    throw error;
  }
  return { personId, ...input, national: false, version: 1 };
}

/**
 * A person corrects their own name. Each site's member list keeps a copy of it (so listing a team
 * is one query), and every copy changes in the same change.
 */
export const rename = verb(
  z.strictObject({ name: personNameSchema, version: versionSchema }),
  async ({ name, version }) => {
    const current = await get({ personId: useActor().personId });
    if (current.version !== version) throw new ConflictError();
    if (current.name === name) return current;
    const { data: memberships } = await db.entities.membership.query
      .sitesOfPerson({ personId: current.personId })
      .go({ pages: "all" });
    await change("person.rename", async () => {
      const { write, audit } = useChange();
      write(({ person }) =>
        person
          .patch({ personId: current.personId })
          .set({ name })
          .add({ version: 1 })
          .where((attr, op) => op.eq(attr.version, version))
          .commit(),
      );
      for (const membership of memberships) {
        // No version bump: a lead changing this member's role meanwhile must not be refused.
        write(({ membership: members }) =>
          members.patch({ siteId: membership.siteId, personId: current.personId }).set({ personName: name }).commit(),
        );
      }
      audit({
        siteId: NATIONAL_SCOPE,
        action: "person.renamed",
        recordType: "person",
        recordId: current.personId,
        changed: ["name"],
      });
    });
    return { ...current, name, version: version + 1 };
  },
);

function pick(item: Person): Person {
  return {
    personId: item.personId,
    name: item.name,
    email: item.email,
    national: item.national,
    version: item.version,
  };
}
