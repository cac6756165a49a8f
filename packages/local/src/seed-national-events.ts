import { Cohort, NationalEvent } from "@smallsupports/core";
import { type Actor, withActor } from "@smallsupports/core/actor";
import type { SeededOrganisation } from "./seed-approvals";
import { at, dayFromToday } from "./seed-time";

/** A site's organisations as its seed left them, for booking national events through that site. */
export interface SiteCohort {
  siteId: string;
  organisations: SeededOrganisation[];
}

/**
 * Two national events, through the services: a networking day three weeks ago, with bookings
 * from every site and who came recorded, and a learning day coming up, full with a waiting list.
 */
export async function seedNationalEvents(national: Actor, cohorts: SiteCohort[]) {
  // In the cohort when they booked (approved by then) and still (not taken out since).
  const active = new Set<string>();
  for (const cohort of cohorts) {
    for (const member of cohort.organisations) {
      if (await Cohort.isActive(cohort.siteId, member.organisationId)) active.add(member.organisationId);
    }
  }
  const inCohort = (cohort: SiteCohort, bookedDaysAgo: number) =>
    cohort.organisations.filter(
      ({ organisationId, decidedDaysAgo }) => active.has(organisationId) && decidedDaysAgo > bookedDaysAgo + 0.5,
    );

  // Days are worked out from today, outside `at`, which moves the clock.
  const [pastDay, comingDay] = [dayFromToday(-20), dayFromToday(24)];
  const past = await at(35, () =>
    withActor(national, () =>
      NationalEvent.create({
        session: {
          kind: "networking",
          title: "National networking: a year of small supports",
          description:
            "Providers from every site meet to share what a year of small supports has taught them, with people who use them and their families.",
          easyRead: "Providers from every site meet.\nPeople and families come too.\nWe share what we learned.",
          day: pastDay,
          startTime: "10:30",
          endTime: "15:30",
          format: "in-person",
          place: "Friends House, 173 Euston Road, London NW1 2BJ",
          stepFree: true,
          hearingLoop: true,
          quietRoom: true,
          link: "",
          audience: "Every site's cohort",
          capacity: 40,
        },
      }),
    ),
  );
  const pastKey = { sessionId: past.sessionId };
  const pastBookers: SeededOrganisation[] = [];
  for (const [index, cohort] of cohorts.entries()) {
    for (const member of inCohort(cohort, 25).slice(0, 2)) {
      await at(25 - index * 0.01, () =>
        member.provider(() => NationalEvent.book({ siteId: cohort.siteId, ...pastKey })),
      );
      pastBookers.push(member);
    }
  }
  const held = await withActor(national, () => NationalEvent.get(pastKey));
  await at(19, () =>
    withActor(national, () =>
      NationalEvent.recordAttendance({
        ...pastKey,
        version: held.session.version,
        attended: pastBookers.filter((_, index) => index % 5 !== 3).map((member) => member.actor.personId),
      }),
    ),
  );

  const coming = await at(10, () =>
    withActor(national, () =>
      NationalEvent.create({
        session: {
          kind: "training",
          title: "National learning day: working alongside families",
          description:
            "An online day led by family carers and experts by experience on planning support with families, not around them.",
          easyRead: "Learn with families and experts by experience.\nOnline, all day, with breaks.",
          day: comingDay,
          startTime: "09:30",
          endTime: "15:00",
          format: "online",
          place: "",
          stepFree: false,
          hearingLoop: false,
          quietRoom: false,
          link: "https://meet.smallsupports.example.org/national-learning-day",
          audience: "Every site's cohort",
          capacity: 16,
        },
      }),
    ),
  );
  const comingKey = { sessionId: coming.sessionId };
  for (const [index, cohort] of cohorts.entries()) {
    for (const [nth, member] of inCohort(cohort, 6).slice(1, 3).entries()) {
      await at(6 - index * 0.02 - nth * 0.01, () =>
        member.provider(() => NationalEvent.book({ siteId: cohort.siteId, ...comingKey })),
      );
    }
  }
}
