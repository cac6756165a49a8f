import { Cohort, CohortSession } from "@smallsupports/core";
import type { SeededOrganisation } from "./seed-approvals";
import type { PanelCast } from "./seed-panels";
import { at, dayFromToday } from "./seed-time";

/**
 * A site's cohort at work, through the services: the approved organisations (in the cohort since
 * their approval) meet at sessions the team schedules. Some sessions are past, with who came
 * recorded (the most recent not yet); one coming up is full with a waiting list; one was
 * cancelled with a reason. A few people share their contact details, and in some sites the team
 * has taken an organisation out of the cohort for a while.
 */
export async function seedCohort(panel: PanelCast, organisations: SeededOrganisation[]) {
  const { siteId, siteIndex } = panel;
  const inCohort = organisations
    .filter(({ organisation }) => organisation.outcome === "approved" || organisation.outcome === "walking-through")
    .sort((a, b) => b.decidedDaysAgo - a.decidedDaysAgo);
  // The organisations approved in the site's first months (seed-organisations.ts) were decided
  // at least 36 days ago, so all of them could book the first of these; one approved since books
  // only what came after its approval.
  const firstPast = 30;
  const scheduler = panel.team[0] ?? panel.lead;

  const plans: SessionPlan[] = [
    {
      inDays: -firstPast,
      fields: networking(siteIndex),
      bookers: inCohort.length,
      came: (index) => index !== 1,
    },
    {
      inDays: -Math.round(firstPast / 2),
      fields: recruitmentTraining,
      bookers: 3,
      came: (index) => index !== 2,
    },
    { inDays: -3, fields: peerSupport(siteIndex), bookers: 3 },
    // Two days ahead: the reminder sweep tells its people when the platform starts.
    { inDays: 2, fields: dropIn, bookers: 2 },
    { inDays: 8, fields: mentoringCircle, bookers: 4 },
    { inDays: 15, fields: partnershipLunch(siteIndex), bookers: 2 },
    {
      inDays: 22,
      fields: coffeeMorning,
      bookers: 1,
      cancelled: "The room flooded, so we are moving this to the new year.",
    },
    { inDays: 29, fields: budgetsTraining, bookers: 1 },
  ];

  for (const [planIndex, plan] of plans.entries()) {
    const day = dayFromToday(plan.inDays);
    const createdDaysAgo = Math.max(1, 7 - plan.inDays);
    const session = await at(createdDaysAgo, () =>
      scheduler.as(() => CohortSession.create({ siteId, session: { ...plan.fields, day } })),
    );
    const key = { siteId, sessionId: session.sessionId };
    // People book in turn, a little apart, from a few days before; each site's order differs.
    const bookedDaysAgo = Math.max(0.5, 3 - plan.inDays);
    const bookers = rotate(
      inCohort.filter((member) => member.decidedDaysAgo > bookedDaysAgo + 0.5),
      siteIndex + planIndex,
    ).slice(0, plan.bookers);
    for (const [index, booker] of bookers.entries()) {
      await at(bookedDaysAgo - index * 0.01, () => booker.provider(() => CohortSession.book(key)));
    }
    if (plan.cancelled) {
      const current = await panel.lead.as(() => CohortSession.get(key));
      await at(0.2, () =>
        panel.lead.as(() =>
          CohortSession.cancel({ ...key, version: current.session.version, reason: plan.cancelled as string }),
        ),
      );
    }
    if (plan.came) {
      const came = plan.came;
      const current = await panel.lead.as(() => CohortSession.get(key));
      await at(-plan.inDays - 1, () =>
        scheduler.as(() =>
          CohortSession.recordAttendance({
            ...key,
            version: current.session.version,
            attended: bookers.filter((_, index) => came(index)).map((booker) => booker.actor.personId),
          }),
        ),
      );
    }
  }

  // Two people share how to reach them; the rest have not chosen to yet.
  const [first, second] = inCohort;
  if (first) {
    await at(20, () =>
      first.provider(() =>
        Cohort.shareContact({
          siteId,
          shareEmail: true,
          phone: "",
          about: "recruiting staff with the person",
          version: null,
        }),
      ),
    );
  }
  if (second) {
    await at(12, () =>
      second.provider(() =>
        Cohort.shareContact({
          siteId,
          shareEmail: false,
          // Ofcom's range for drama: never a real number.
          phone: `01632 960 ${String(100 + siteIndex * 37).slice(-3)}`,
          about: "setting up as a community interest company",
          version: null,
        }),
      ),
    );
  }

  // In every third site the team has taken one organisation out of the cohort for now.
  const last = inCohort.at(-1);
  if (siteIndex % 3 === 2 && last) {
    const member = await Cohort.memberOf(siteId, last.organisationId);
    if (member) {
      await at(2, () =>
        panel.lead.as(() =>
          Cohort.remove({
            siteId,
            organisationId: last.organisationId,
            version: member.version,
            reason: "They have paused taking on new people while they restructure, and asked for a break.",
          }),
        ),
      );
    }
  }
}

interface SessionPlan {
  /** Days from today to the session: negative for the past. */
  inDays: number;
  fields: Omit<CohortSession.SessionFields, "day">;
  /** How many of the cohort's people book, in turn. */
  bookers: number;
  /** For a past session: whether the booker at `index` came (attendance is then recorded). */
  came?: (index: number) => boolean;
  /** A reason, if the team cancelled it. */
  cancelled?: string;
}

function rotate<T>(items: T[], by: number): T[] {
  if (items.length === 0) return items;
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

const inPerson = (place: string, access: { stepFree: boolean; hearingLoop: boolean; quietRoom: boolean }) => ({
  format: "in-person" as const,
  place,
  ...access,
  link: "",
});
const online = (meeting: string) => ({
  format: "online" as const,
  place: "",
  stepFree: false,
  hearingLoop: false,
  quietRoom: false,
  link: `https://meet.smallsupports.example.org/${meeting}`,
});

const venues = [
  "The Old Library community room",
  "St Mary's Centre, the garden room",
  "Brewery Arts, studio 2",
  "The Quaker Meeting House",
];

const networking = (siteIndex: number): Omit<CohortSession.SessionFields, "day"> => ({
  kind: "networking",
  title: "Getting to know the cohort",
  description:
    "A morning for the cohort's providers to meet, hear what each organisation does and who it supports, and find people to call when things get hard. Tea, coffee and lunch are provided.",
  easyRead: "Meet the other small providers.\nSay who you are and what you do.\nThere is tea and lunch.",
  startTime: "10:00",
  endTime: "12:30",
  ...inPerson(venues[siteIndex % venues.length] as string, { stepFree: true, hearingLoop: true, quietRoom: true }),
  audience: "Everyone in the cohort",
  capacity: 20,
});

const recruitmentTraining: Omit<CohortSession.SessionFields, "day"> = {
  kind: "training",
  title: "Recruiting support workers with the person",
  description:
    "How small providers recruit staff with the person they will support: writing the advert together, interviewing with the person and their family, and keeping good people.",
  easyRead: "How to find staff with the person.\nThe person helps choose.\nHow to keep good staff.",
  startTime: "13:30",
  endTime: "15:30",
  ...online("recruiting-with-the-person"),
  audience: "Providers taking on staff this year",
  capacity: 12,
};

const peerSupport = (siteIndex: number): Omit<CohortSession.SessionFields, "day"> => ({
  kind: "peer-support",
  title: "Peer support: when a month goes wrong",
  description:
    "An honest hour with other providers about a hard month: a person in crisis, a staff team stretched, money late. No notes are taken.",
  easyRead: "Talk with other providers about hard times.\nWhat you say stays in the room.",
  startTime: "18:00",
  endTime: "19:30",
  ...inPerson(venues[(siteIndex + 1) % venues.length] as string, {
    stepFree: true,
    hearingLoop: false,
    quietRoom: true,
  }),
  audience: "Managers and founders",
  capacity: 8,
});

const mentoringCircle: Omit<CohortSession.SessionFields, "day"> = {
  kind: "mentoring-circle",
  title: "Mentoring circle: growing without getting big",
  description:
    "A small circle with an established small supports leader on taking on one more person at a time, without losing what makes your support personal.",
  easyRead: "A small group with an experienced leader.\nHow to grow slowly.\nOnly a few places.",
  startTime: "10:00",
  endTime: "11:30",
  ...inPerson("The Old Library, meeting room 1", { stepFree: true, hearingLoop: true, quietRoom: false }),
  audience: "Providers approved in the last year",
  capacity: 2,
};

const partnershipLunch = (siteIndex: number): Omit<CohortSession.SessionFields, "day"> => ({
  kind: "networking",
  title: "Lunch with the Learning Disability Partnership Board",
  description:
    "Meet members of the local Partnership Board, including self-advocates, and hear what people and families want from small supports this year.",
  easyRead: "Lunch with the Partnership Board.\nHear what people want.\nAsk your questions.",
  startTime: "12:00",
  endTime: "14:00",
  ...inPerson(venues[(siteIndex + 2) % venues.length] as string, {
    stepFree: true,
    hearingLoop: true,
    quietRoom: true,
  }),
  audience: "Everyone in the cohort",
  capacity: 25,
});

const coffeeMorning: Omit<CohortSession.SessionFields, "day"> = {
  kind: "peer-support",
  title: "Coffee morning for new providers",
  description: "An informal morning for providers in their first year to meet and swap tips.",
  easyRead: "Coffee and a chat.\nFor new providers.",
  startTime: "10:30",
  endTime: "12:00",
  ...inPerson("The Quaker Meeting House", { stepFree: false, hearingLoop: false, quietRoom: true }),
  audience: "Providers in their first year",
  capacity: 10,
};

const dropIn: Omit<CohortSession.SessionFields, "day"> = {
  kind: "peer-support",
  title: "Online drop-in: ask the cohort",
  description: "Bring a question about running a small provider, big or small, and hear how others handled it.",
  easyRead: "Ask other providers a question.\nOnline, for one hour.",
  startTime: "12:30",
  endTime: "13:30",
  ...online("ask-the-cohort"),
  audience: "Everyone in the cohort",
  capacity: 15,
};

const budgetsTraining: Omit<CohortSession.SessionFields, "day"> = {
  kind: "training",
  title: "Personal budgets and individual service funds",
  description:
    "How money follows the person: direct payments, individual service funds and what a provider needs to account for. With time for questions.",
  easyRead: "How money for support works.\nWhat providers need to do.\nAsk questions.",
  startTime: "14:00",
  endTime: "16:00",
  ...online("personal-budgets"),
  audience: "Everyone in the cohort",
  capacity: 30,
};
