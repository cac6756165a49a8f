import { AsyncLocalStorage } from "node:async_hooks";
import { ForbiddenError } from "./errors";
import type { SiteRole } from "./role";

/**
 * Who is acting, and their place in the site the request is about. Both travel with the request
 * (as SST's console keeps its actor), so every service can audit the actor and check a record
 * against the caller's membership without any caller having to remember to pass them.
 */
export interface Actor {
  personId: string;
  national: boolean;
}

/** The caller's membership of the one site a request is about, read from the table for it. */
export interface SiteMembership {
  siteId: string;
  personId: string;
  role: SiteRole;
  /** For a provider's people: their organisation in this site, the only one whose records they see. */
  organisationId?: string;
}

interface Caller {
  actor: Actor;
  membership?: SiteMembership;
}

const storage = new AsyncLocalStorage<Caller>();

export function withActor<T>(actor: Actor, run: () => T): T {
  return storage.run({ actor }, run);
}

export function useActor(): Actor {
  const caller = storage.getStore();
  if (!caller) throw new Error("useActor() was called outside withActor(): no one is acting.");
  return caller.actor;
}

/**
 * Runs `run` as a member of one site. The API's site-scoped procedure builder calls this with the
 * membership it has just read (a GetItem on the membership itself, never a lagging index).
 */
export function withMembership<T>(membership: SiteMembership, run: () => T): T {
  const actor = useActor();
  if (actor.personId !== membership.personId) {
    throw new Error("withMembership() was given someone else's membership.");
  }
  return storage.run({ actor, membership }, run);
}

/**
 * The caller's membership of `siteId`, for record-level rules (a provider's own organisation, a
 * reviewer's assigned applications). Refuses when the caller is not acting as a member of that
 * site, e.g. national staff reading a summary, so such a rule can never be skipped by accident.
 */
export function useMembership(siteId: string): SiteMembership {
  const membership = storage.getStore()?.membership;
  if (!membership || membership.siteId !== siteId) {
    throw new ForbiddenError("Only members of this site can see its records.");
  }
  return membership;
}

/** The seed and maintenance scripts act as the platform itself. */
export const systemActor: Actor = { personId: "system", national: true };
