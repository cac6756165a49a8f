import { Cohort, Mentoring, NationalMentor } from "@smallsupports/core";
import { type Actor, withActor } from "@smallsupports/core/actor";
import type { SeededOrganisation } from "./seed-approvals";
import type { Member } from "./seed-panels";
import { at, dayFromToday } from "./seed-time";

/** A site as the national mentors' seed needs it: who pairs there, and its organisations. */
export interface MentoringSite {
  siteId: string;
  scheduler: Member;
  organisations: SeededOrganisation[];
}

const mentors = [
  {
    name: "Marian Ashworth",
    email: "marian.ashworth@mentors.smallsupports.example.org",
    about: "Ran a small support in the Yorkshire Dales for twelve years, with the people she supported on its board.",
  },
  {
    name: "Jonah Whitfield",
    email: "jonah.whitfield@mentors.smallsupports.example.org",
    about: "Autistic himself; grew a micro-enterprise from one person to six, and has mentored new providers since.",
  },
];

/**
 * Two national mentors named by national staff four months ago, through the services; in every
 * other site its team has paired an organisation of the cohort with one of them, who has logged
 * a meeting since.
 */
export async function seedNationalMentors(national: Actor, sites: MentoringSite[]) {
  const named = [];
  for (const mentor of mentors) named.push(await at(120, () => withActor(national, () => NationalMentor.name(mentor))));
  // Days are worked out from today, outside `at`, which moves the clock.
  const meetingDay = dayFromToday(-9);
  for (const [index, site] of sites.entries()) {
    const mentor = named[(index / 2) % named.length];
    if (index % 2 === 1 || !mentor) continue;
    let mentee: SeededOrganisation | undefined;
    for (const member of site.organisations.filter((organisation) => organisation.decidedDaysAgo > 31)) {
      if (await Cohort.isActive(site.siteId, member.organisationId)) {
        mentee = member;
        break;
      }
    }
    if (!mentee) continue;
    const { organisationId } = mentee;
    const created = await at(30, () =>
      site.scheduler(() =>
        Mentoring.create({
          siteId: site.siteId,
          menteeOrganisationId: organisationId,
          mentorPersonId: mentor.personId,
          goals: "Write down how the organisation makes decisions with the people it supports, before it grows.",
        }),
      ),
    );
    await at(8.8, () =>
      withActor({ personId: mentor.personId, national: false }, () =>
        Mentoring.logMeetingAsMentor({
          siteId: site.siteId,
          pairId: created.pair.pairId,
          date: meetingDay,
          minutes: 75,
          notes: "Met online. Talked through who decides what, and how the people supported say what they want.",
        }),
      ),
    );
  }
}
