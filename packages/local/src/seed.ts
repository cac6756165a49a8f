import { Membership, Person, Site } from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import { seedEmail, seedName, seedNationalStaff, seedSites, seedTeamShape } from "./seed-data";

export interface SeedSummary {
  sites: number;
  people: number;
  memberships: number;
}

/**
 * Fills an empty table with the demo world, through the same services people use, so every
 * record has its statistics and audit events. National staff add each site and invite its
 * lead; the lead then invites the rest of the team.
 */
export async function seed(): Promise<SeedSummary> {
  const nationalStaff = [];
  for (const staff of seedNationalStaff) {
    nationalStaff.push(await withActor(systemActor, () => Person.addNational(staff)));
  }
  const firstNational = nationalStaff[0] as Person.Person;
  const nationalActor: Actor = { personId: firstNational.personId, national: true };

  // Sites are independent, so they are seeded side by side; names are fixed by position.
  const leads = await Promise.all(
    seedSites.map(async (site, siteIndex) => {
      await withActor(nationalActor, () => Site.create(site));
      let lead: Actor = nationalActor;
      for (const [roleIndex, role] of seedTeamShape.entries()) {
        const name = seedName(siteIndex * seedTeamShape.length + roleIndex);
        const member = await withActor(lead, () =>
          Membership.invite({ siteId: site.siteId, name, email: seedEmail(name, site.siteId), role }),
        );
        if (role === "lead") lead = { personId: member.personId, national: false };
      }
      return lead;
    }),
  );
  let memberships = seedSites.length * seedTeamShape.length;

  // People who belong to more than one site, each with a different role there.
  const [firstSite, secondSite, thirdSite] = seedSites;
  const [firstLead, secondLead] = leads;
  if (firstSite && secondSite && thirdSite && firstLead && secondLead) {
    const firstLeadName = seedName(0);
    await withActor(secondLead, () =>
      Membership.invite({
        siteId: secondSite.siteId,
        name: firstLeadName,
        email: seedEmail(firstLeadName, firstSite.siteId),
        role: "expert",
      }),
    );
    const sharedProvider = seedName(6);
    await withActor(leads[2] as Actor, () =>
      Membership.invite({
        siteId: thirdSite.siteId,
        name: sharedProvider,
        email: seedEmail(sharedProvider, firstSite.siteId),
        role: "provider",
      }),
    );
    memberships += 2;
  }

  return {
    sites: seedSites.length,
    people: nationalStaff.length + seedSites.length * seedTeamShape.length,
    memberships,
  };
}
