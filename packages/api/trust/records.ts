import { Site } from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import { signUpAndRegister } from "@smallsupports/core/seeding";
import { worldProfile } from "../testing/world";

/**
 * The plainest records the trust suite builds through the services, shared by the fixtures and
 * by the attacks that need records of their own.
 */

let counter = 0;
/** Distinctive free text, so the log check can look for it. */
// Fixed width, so no name is the start of another (the leak checks look for substrings).
export const unique = (label: string) => `${label} ${process.pid}x${String(++counter).padStart(6, "0")}`;
export const fixtureNamePrefix = "Trustfixture";

/** Who builds records that no member of the site under attack should be seen to build. */
export const setUp: Actor = systemActor;

/** A distinctive name and an address made from it. */
export function freshInvitee() {
  const name = unique(fixtureNamePrefix);
  return { name, email: `${name.replace(/\W+/g, ".").toLowerCase()}@example.org` };
}

/**
 * Opens the site to applications again if a call left it closed (the site.setOpen fixture closes
 * it first, and an attack on it that is refused leaves it so).
 */
export async function ensureOpen(siteId: string) {
  if (!(await Site.isOpen(siteId))) await withActor(setUp, () => Site.setOpen({ siteId, open: true }));
}

/** A new organisation in `siteId`, signed up and registered from the public page. */
export async function freshApplicant(siteId: string) {
  await ensureOpen(siteId);
  const person = freshInvitee();
  const { actor, organisation } = await signUpAndRegister(siteId, person, worldProfile(unique("Trustorg")));
  return { actor, key: { siteId, organisationId: organisation.organisationId }, legalName: organisation.legalName };
}
