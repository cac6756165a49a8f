import { Clock, Invitation, Person } from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import { addSiteWithLead, inviteAndJoin } from "@smallsupports/core/seeding";
import { seedApprovals } from "./seed-approvals";
import { seedCohort } from "./seed-cohort";
import {
  type SeedSite,
  seedEmail,
  seedName,
  seedNationalStaff,
  seedOpenInvitations,
  seedSites,
  seedTeamShape,
} from "./seed-data";
import { seedMentoring } from "./seed-mentoring";
import { type SiteCohort, seedNationalEvents } from "./seed-national-events";
import { type MentoringSite, seedNationalMentors } from "./seed-national-mentors";
import { panelCast } from "./seed-panels";
import { daysAgo } from "./seed-time";

export interface SeedSummary {
  sites: number;
  people: number;
  memberships: number;
  invitations: number;
}

/**
 * Fills an empty table with the demo world, through the same services people use, so every
 * record has its statistics, audit events and emails. National staff add each site with its
 * lead's invitation; the lead joins and invites the rest of the team, who join over the
 * following weeks. Each site also has invitations still waiting, and some sites one that has
 * run out, so the team page shows every state. Each site publishes its approval process and
 * organisations apply, one at every point of the way (see seed-approvals.ts); the site's panel
 * reviews and decides, and its people log their time (see seed-panels.ts); the approved
 * organisations meet in the site's cohort (see seed-cohort.ts), and national staff run two
 * events for every site's cohort (see seed-national-events.ts). The benchmark seeds
 * more sites than the demo's twelve in just the same way.
 */
export async function seed(sites: SeedSite[] = seedSites): Promise<SeedSummary> {
  const nationalStaff = [];
  for (const staff of seedNationalStaff) {
    nationalStaff.push(await withActor(systemActor, () => Person.addNational(staff)));
  }
  const firstNational = nationalStaff[0] as Person.Person;
  const nationalActor: Actor = { personId: firstNational.personId, national: true };

  // Sites are independent, so they are seeded side by side; names are fixed by position.
  const cohorts: SiteCohort[] = [];
  const mentoringSites: MentoringSite[] = [];
  const leads = await Promise.all(
    sites.map(async (site, siteIndex) => {
      // Older sites first: the first site started about seven months ago, the twelfth about two;
      // more sites (the benchmark's) start over in the same rhythm.
      const started = 210 - (siteIndex % 12) * 12;
      const person = (roleIndex: number) => {
        const name = seedName(siteIndex * seedTeamShape.length + roleIndex);
        return { name, email: seedEmail(name, site.siteId) };
      };
      const lead = await Clock.atTime(daysAgo(started), () => addSiteWithLead(nationalActor, site, person(0)));
      const joined: Record<"team" | "expert" | "provider", Actor[]> = { team: [], expert: [], provider: [] };
      for (const [roleIndex, role] of seedTeamShape.entries()) {
        if (role === "lead") continue;
        const member = await Clock.atTime(daysAgo(started - 2 - roleIndex * 4), () =>
          inviteAndJoin(lead, { siteId: site.siteId, role, ...person(roleIndex) }),
        );
        joined[role].push({ personId: member.personId, national: false });
      }
      const panel = await panelCast({
        siteId: site.siteId,
        siteIndex,
        lead,
        team: joined.team,
        experts: joined.expert,
      });
      const organisations = await seedApprovals({
        site,
        siteIndex,
        startedDaysAgo: started,
        panel,
        providers: joined.provider,
      });
      // Pairs first: the cohort's seed later takes an organisation out in some sites.
      await seedMentoring(panel, organisations);
      await seedCohort(panel, organisations);
      cohorts[siteIndex] = { siteId: site.siteId, organisations };
      mentoringSites[siteIndex] = { siteId: site.siteId, scheduler: (panel.team[0] ?? panel.lead).as, organisations };
      for (const [index, waiting] of seedOpenInvitations(siteIndex).entries()) {
        const name = seedName(1000 + siteIndex * 10 + index);
        await Clock.atTime(daysAgo(waiting.daysAgo), () =>
          withActor(lead, () =>
            Invitation.invite({ siteId: site.siteId, role: waiting.role, name, email: seedEmail(name, site.siteId) }),
          ),
        );
      }
      return lead;
    }),
  );
  // National events, for every site's cohort at once.
  await seedNationalEvents(nationalActor, cohorts);
  // National mentors, and a pairing with one in every other site.
  await seedNationalMentors(nationalActor, mentoringSites);
  let memberships = sites.length * seedTeamShape.length;

  // People who belong to more than one site, each with a different role there.
  const [firstSite, secondSite, thirdSite] = sites;
  const [firstLead, secondLead, thirdLead] = leads;
  if (firstSite && secondSite && thirdSite && firstLead && secondLead && thirdLead) {
    const firstLeadName = seedName(0);
    await Clock.atTime(daysAgo(30), () =>
      inviteAndJoin(secondLead, {
        siteId: secondSite.siteId,
        name: firstLeadName,
        email: seedEmail(firstLeadName, firstSite.siteId),
        role: "expert",
      }),
    );
    const sharedProvider = seedName(6);
    await Clock.atTime(daysAgo(20), () =>
      inviteAndJoin(thirdLead, {
        siteId: thirdSite.siteId,
        name: sharedProvider,
        email: seedEmail(sharedProvider, firstSite.siteId),
        role: "provider",
      }),
    );
    memberships += 2;
  }

  return {
    sites: sites.length,
    people: nationalStaff.length + sites.length * seedTeamShape.length,
    memberships,
    invitations: sites.reduce((total, _, index) => total + seedOpenInvitations(index).length, 0),
  };
}
