import { Mentoring } from "@smallsupports/core";
import type { SeededOrganisation } from "./seed-approvals";
import type { Member, PanelCast } from "./seed-panels";
import { at, dayFromToday } from "./seed-time";

/**
 * A site's mentoring pairs, through the services, one in each state: too early to tell, on track,
 * and needing a check-in (one that never met; in the older sites also one gone quiet for six
 * weeks), and in some sites one that has ended. Mentors come from the established providers.
 */
export async function seedMentoring(panel: PanelCast, organisations: SeededOrganisation[]) {
  const { siteId, siteIndex } = panel;
  const inCohort = organisations.filter(
    ({ organisation }) => organisation.outcome === "approved" || organisation.outcome === "walking-through",
  );
  const established = inCohort.filter(({ organisation }) => organisation.outcome === "approved");
  // Everyone paired had been approved a day or more before their pairing began.
  const joinedBy = (days: number) => inCohort.filter((member) => member.decidedDaysAgo > days + 1);
  const scheduler = panel.team[0] ?? panel.lead;

  // Each pairing takes a provider not yet mentored where there is one, and the mentor who has
  // the fewest mentees so far, so the board shows a spread.
  const mentored = new Set<SeededOrganisation>();
  const mentoring = new Map<SeededOrganisation, number>();
  async function pair(startedDaysAgo: number, goals: string, meetings: Meeting[]) {
    const mentors = established.filter((member) => member.decidedDaysAgo > startedDaysAgo + 1);
    const mentees = joinedBy(startedDaysAgo).filter((member) => mentors.some((mentor) => mentor !== member));
    const mentee = mentees.find((member) => !mentored.has(member)) ?? mentees[0];
    const mentor = mentors
      .filter((candidate) => candidate !== mentee)
      .sort((a, b) => (mentoring.get(a) ?? 0) - (mentoring.get(b) ?? 0))[0];
    if (!mentee || !mentor) return null;
    mentored.add(mentee);
    mentoring.set(mentor, (mentoring.get(mentor) ?? 0) + 1);
    const created = await at(startedDaysAgo, () =>
      scheduler.as(() =>
        Mentoring.create({
          siteId,
          menteeOrganisationId: mentee.organisationId,
          mentorPersonId: mentor.actor.personId,
          goals,
        }),
      ),
    );
    const key = { siteId, pairId: created.pair.pairId };
    let version = created.pair.version;
    for (const meeting of meetings) {
      const who: Member = meeting.by === "mentor" ? mentor.provider : mentee.provider;
      const date = dayFromToday(-meeting.daysAgo);
      const logged = await at(meeting.daysAgo - 0.2, () =>
        who(() => Mentoring.logMeeting({ ...key, date, minutes: meeting.minutes, notes: meeting.notes })),
      );
      version = logged.pair.version;
    }
    return { key, version };
  }

  const oldest = Math.max(...inCohort.map((member) => member.decidedDaysAgo));
  await pair(10, "Find and keep two more support workers who share the person's interests.", [
    {
      daysAgo: 3,
      by: "mentee",
      minutes: 60,
      notes: "First coffee. Talked about where they advertise and what has worked for us.",
    },
  ]);
  await pair(Math.min(60, oldest - 2), "Grow from three people to five without losing the personal touch.", [
    {
      daysAgo: Math.min(55, oldest - 7),
      by: "mentor",
      minutes: 90,
      notes: "Went through their rota and who could take on more.",
    },
    {
      daysAgo: 12,
      by: "mentee",
      minutes: 45,
      notes: "They have met a family who want them to support their son. Planning the first month.",
    },
  ]);
  await pair(25, "Set up as a community interest company, with a board that includes people they support.", []);
  if (oldest >= 52) {
    await pair(Math.min(80, oldest - 2), "Plan money around each person with individual service funds.", [
      {
        daysAgo: Math.min(80, oldest - 2) - 4,
        by: "mentor",
        minutes: 60,
        notes: "Explained how the council's individual service funds work here.",
      },
    ]);
  }
  if (siteIndex % 4 === 1) {
    const ended = await pair(Math.min(40, oldest - 3), "Get ready for the CQC inspection.", [
      {
        daysAgo: Math.min(33, oldest - 8),
        by: "mentee",
        minutes: 60,
        notes: "Walked through the inspection framework together.",
      },
    ]);
    if (ended) {
      await at(5, () =>
        panel.lead.as(() =>
          Mentoring.end({
            ...ended.key,
            version: ended.version,
            reason: "The inspection went well and they feel ready to carry on without a mentor.",
          }),
        ),
      );
    }
  }
}

interface Meeting {
  daysAgo: number;
  by: "mentor" | "mentee";
  minutes: number;
  notes: string;
}
