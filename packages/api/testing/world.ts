import { Membership, Person, Site } from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import type { SiteRole } from "@smallsupports/core/role";

/**
 * A small world for API tests: three sites with every role, built through the same services
 * people use, so statistics and audit events are as real as the demo's. Small on purpose: the
 * trust suite digests and attacks it thousands of times, and the demo seed is the local
 * launcher's business, not the API's.
 */
export const worldSites = [
  { siteId: "alder-vale", name: "Alder Vale", area: "Alder Vale ICB" },
  { siteId: "birch-moor", name: "Birch Moor", area: "Birch Moor and District" },
  { siteId: "cedar-coast", name: "Cedar Coast", area: "Cedar Coast ICB" },
] as const;

/** Each site's people, in the order the lead invites them. */
export const worldTeamShape: SiteRole[] = ["lead", "team", "team", "expert", "expert", "provider", "provider"];

const firstNames = ["Ada", "Bram", "Cleo", "Dara", "Esme", "Finn", "Gwen", "Hal", "Iris", "Jude", "Kit"];
const lastNames = ["Ashdown", "Brightwell", "Colby", "Dunmore", "Elwood", "Fairley", "Greaves"];

/** A distinct invented name for the nth person of the world. */
export const worldName = (n: number) =>
  `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`;
const worldEmail = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@world.example.org`;

export async function buildWorld(): Promise<void> {
  const national = await withActor(systemActor, () =>
    Person.addNational({ name: "Nell National", email: "nell.national@national.example.org" }),
  );
  await withActor(systemActor, () =>
    Person.addNational({ name: "Noor National", email: "noor.national@national.example.org" }),
  );
  const nationalActor: Actor = { personId: national.personId, national: true };

  const leads: Actor[] = [];
  for (const [siteIndex, site] of worldSites.entries()) {
    await withActor(nationalActor, () => Site.create(site));
    let inviter = nationalActor;
    for (const [roleIndex, role] of worldTeamShape.entries()) {
      const name = worldName(siteIndex * worldTeamShape.length + roleIndex);
      const member = await withActor(inviter, () =>
        Membership.invite({ siteId: site.siteId, name, email: worldEmail(name), role }),
      );
      if (role === "lead") {
        inviter = { personId: member.personId, national: false };
        leads.push(inviter);
      }
    }
  }

  // People in two sites with a different role in each: the first site's lead is an expert in
  // the second, and one of its providers also works in the third.
  const [, second, third] = worldSites;
  const leadName = worldName(0);
  await withActor(leads[1] as Actor, () =>
    Membership.invite({ siteId: second.siteId, name: leadName, email: worldEmail(leadName), role: "expert" }),
  );
  const providerName = worldName(worldTeamShape.indexOf("provider"));
  await withActor(leads[2] as Actor, () =>
    Membership.invite({ siteId: third.siteId, name: providerName, email: worldEmail(providerName), role: "provider" }),
  );
}
