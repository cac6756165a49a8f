import { Membership, NationalMentor, type Person, RateLimit } from "@smallsupports/core";
import { withActor, withMembership } from "@smallsupports/core/actor";
import { DomainError, type DomainErrorKind, ValidationError } from "@smallsupports/core/errors";
import type { SiteRole } from "@smallsupports/core/role";
import { describeIssues, siteIdSchema } from "@smallsupports/core/validation";
import { initTRPC, TRPCError } from "@trpc/server";
import * as z from "zod";
import type { SignInResult } from "./auth";

/**
 * Procedure builders: the one place the API decides who may call what.
 *
 *   publicProcedure      anyone, signed in or not
 *   authed               any signed-in person
 *   authedAlongside(read) the same, with a read of the caller's own records by the token's id
 *                        made beside the check of who they are
 *   ownRecords           any signed-in person, acting only on records addressed to them (an
 *                        invitation to their own address); the service checks each record
 *   national             national partnership staff
 *   nationalMentor       national mentors (people national staff named), who belong to no site;
 *                        with records "pair", only their own pairings
 *   siteProcedure(roles) members of `input.siteId` holding one of `roles`; the membership is
 *                        read from the table on every call (a GetItem on the membership item,
 *                        never a lagging index, side by side with the caller's own record) and
 *                        put in the request context, where services find it with
 *                        useMembership() to check each record against the caller
 *
 * A site procedure whose records are not all visible to every role it admits declares `records`
 * (say, "own-organisation": a provider sees only their own). The service enforces it, and the
 * trust suite requires an attack on it by a same-site caller who is not the owner.
 *
 * Each builder records its rule in the procedure's meta (`access`), so the trust suite can list
 * every procedure with its rule and prove the rule holds. Services check again: every service
 * call takes the site id and only builds keys inside it.
 */

/** Fields a request contributes to its log line. Ids only: never names, emails or free text. */
export interface RequestLog {
  requestId: string;
  procedure?: string;
  siteId?: string;
  callerId?: string;
  /** The kind of error behind a 500, e.g. "TypeError". */
  error?: string;
}

export interface Context {
  signIn: SignInResult;
  log: RequestLog;
  /** Where the request came from on the network, for rate limits; "unknown" where the runtime cannot say. */
  source: string;
}

/** Which of a site's records a caller admitted by role may reach. */
export type RecordRule =
  /** A provider's people: only their own organisation's records. */
  | "own-organisation"
  /** Reviewers: only what is assigned to them and they are not conflicted on. */
  | "assigned"
  /** Providers: only the individuals matched to them. */
  | "matched"
  /** Only the caller's own record. */
  | "self"
  /** Providers: only while their organisation is in the site's cohort. */
  | "cohort"
  /** Providers: only mentoring pairings their organisation or they themselves are in. */
  | "pair";

export type Access =
  | { kind: "public" }
  | { kind: "authed"; records?: "self" }
  | { kind: "national" }
  | { kind: "mentor"; records?: "pair" }
  | { kind: "site"; roles: readonly SiteRole[]; nationalMayRead: boolean; records?: RecordRule };

export interface Meta {
  access: Access;
}

const serverFault = "Something went wrong on our side. Please try again in a moment.";

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const issues = error.cause && "issues" in error.cause ? (error.cause.issues as z.core.$ZodIssue[]) : undefined;
      const message =
        error.code === "INTERNAL_SERVER_ERROR"
          ? serverFault
          : error.code === "PARSE_ERROR" || error.cause instanceof SyntaxError
            ? "The request could not be read. Send its input as valid JSON."
            : issues
              ? describeIssues(issues)
              : error.message;
      // No stack, no cause: a person sees a plain sentence and a code, nothing about our insides.
      // Field errors let a form show each problem beside its field.
      return {
        message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          fieldErrors: issues
            ? fieldErrors(issues)
            : error.cause instanceof ValidationError
              ? error.cause.fields
              : undefined,
        },
      };
    },
  });

export const router = t.router;

function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    // A nested field is named by its path, "lead.email", so a form can put the message beside it.
    const field = issue.path.map(String).join(".");
    if (field && !errors[field]) errors[field] = describeIssues([{ ...issue, path: [] }]);
  }
  return errors;
}
export const createCallerFactory = t.createCallerFactory;

const codeFor: Record<DomainErrorKind, TRPCError["code"]> = {
  validation: "BAD_REQUEST",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  forbidden: "FORBIDDEN",
  rule: "PRECONDITION_FAILED",
  rate_limited: "TOO_MANY_REQUESTS",
};

/** Names the procedure in the log and turns the services' typed errors into tRPC codes. */
const base = t.procedure.use(async ({ ctx, path, next }) => {
  ctx.log.procedure = path;
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: codeFor[cause.kind], message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = base.meta({ access: { kind: "public" } });

/** Refuses a request with no good token, before anything is read for it. */
const signedIn = base.use(({ ctx, next }) => {
  const { signIn } = ctx;
  if (signIn.status !== "signed-in") {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message:
        signIn.status === "expired" ? "Your sign-in has expired. Please sign in again." : "Please sign in to continue.",
    });
  }
  ctx.log.callerId = signIn.personId;
  return next({ ctx: { signIn } });
});

/** A token naming someone who is no longer a person is no sign-in at all. */
function signedInPerson(person: Person.Person | undefined): Person.Person {
  if (!person) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  return person;
}

export const authed = signedIn.meta({ access: { kind: "authed" } }).use(async ({ ctx, next }) => {
  const person = signedInPerson(await ctx.signIn.person());
  // Services read the actor for their audit events from here.
  return withActor({ personId: person.personId, national: person.national }, () => next({ ctx: { person } }));
});

/**
 * `authed`, with a read that needs only the id the token names (the caller's own memberships)
 * made side by side with the caller's record instead of after it: one round trip fewer. What it
 * read reaches the procedure only once the record has shown the caller is still a person.
 */
export function authedAlongside<T>(read: (personId: string) => Promise<T>) {
  return signedIn.meta({ access: { kind: "authed" } }).use(async ({ ctx, next }) => {
    const [found, alongside] = await Promise.all([ctx.signIn.person(), read(ctx.signIn.personId)]);
    const person = signedInPerson(found);
    return withActor({ personId: person.personId, national: person.national }, () =>
      next({ ctx: { person, alongside } }),
    );
  });
}

/**
 * A signed-in person acting on a record that must be their own, named by id in the input (an
 * invitation to their address). The service refuses anyone else's with NOT_FOUND, and the trust
 * suite attacks it with a record addressed to someone else.
 */
export const ownRecords = authed.meta({ access: { kind: "authed", records: "self" } });

export const national = authed.meta({ access: { kind: "national" } }).use(({ ctx, next }) => {
  if (!ctx.person.national) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only national partnership staff can do this." });
  }
  return next();
});

/**
 * National mentors, named by national staff: they belong to no site, and reach a site's records
 * only through their own pairings (`records: "pair"`, checked by the service on each pairing).
 * Someone taken off the list keeps the pairings still under way.
 */
export function nationalMentor(options: { records?: "pair" } = {}) {
  const access: Access = { kind: "mentor", ...(options.records ? { records: options.records } : {}) };
  return authed.meta({ access }).use(async ({ ctx, next }) => {
    if (!(await NationalMentor.isNamed(ctx.person.personId))) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only national mentors can do this." });
    }
    return next();
  });
}

/**
 * Members of the site named by `input.siteId` with one of `roles`. With `nationalMayRead`,
 * national staff may call it too (for summaries and counts, never individuals' records).
 * A non-member gets FORBIDDEN whether or not the site exists, so ids reveal nothing.
 */
export function siteProcedure(
  roles: readonly SiteRole[],
  options: { nationalMayRead?: boolean; records?: RecordRule } = {},
) {
  const nationalMayRead = options.nationalMayRead ?? false;
  const access: Access = {
    kind: "site",
    roles,
    nationalMayRead,
    ...(options.records ? { records: options.records } : {}),
  };
  return signedIn
    .meta({ access })
    .input(z.object({ siteId: siteIdSchema }))
    .use(async ({ ctx, input, next }) => {
      ctx.log.siteId = input.siteId;
      // The token names the person, so their record and their membership are read side by side.
      const [record, membership] = await Promise.all([
        ctx.signIn.person(),
        Membership.find(input.siteId, ctx.signIn.personId),
      ]);
      const person = signedInPerson(record);
      return withActor({ personId: person.personId, national: person.national }, () => {
        if (membership && roles.includes(membership.role)) {
          const { siteId, personId, role, organisationId } = membership;
          return withMembership({ siteId, personId, role, ...(organisationId ? { organisationId } : {}) }, () =>
            next({ ctx: { person, membership } }),
          );
        }
        if (nationalMayRead && person.national) return next({ ctx: { person, membership: undefined } });
        throw new TRPCError({
          code: "FORBIDDEN",
          message: membership ? "Your role in this site does not allow this." : "You are not a member of this site.",
        });
      });
    });
}

/**
 * The way in for a person who belongs nowhere yet: registering their organisation with a site open
 * to applications. Any signed-in person may, so each address and each network source may do it
 * only a few times an hour (counted in the table, shared by every Lambda instance). Used after
 * `.input()`, so only a well-formed request spends an attempt.
 */
export const newcomerLimit = t.middleware(async ({ ctx, next }) => {
  const { person } = ctx as Context & { person: { email: string } };
  await RateLimit.take(RateLimit.limits.registerPerAddress, person.email);
  await RateLimit.take(RateLimit.limits.registerPerSource, ctx.source);
  return next();
});
