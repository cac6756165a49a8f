import type { Outcome } from "@smallsupports/core/decision-shape";
import type { CqcRating, CqcStatus } from "@smallsupports/core/organisation-shape";

/**
 * The provider organisations of the demo: in every site, one at each point of applying, so the
 * board, the statistics and a provider's own pages all have something true to show. Names are
 * invented and built from parts, so every site's organisations differ.
 */
export type SeedStep = "interest" | "applying" | "submitted" | "panel" | "conversation" | "decision" | "withdrawn";

export interface SeedOrganisation {
  legalName: string;
  tradingName?: string;
  area: string;
  foundedYear: number;
  peopleSupported: number;
  cqcStatus: CqcStatus;
  cqcRating?: CqcRating;
  difference: string;
  step: SeedStep;
  /** The panel's decision, once the application has reached the decision stage. */
  outcome?: Outcome;
  /**
   * Who reviewed an application that has left the panel stage: how many experts, and whether a
   * team member too. Others that moved on are shown without their reviews, to keep the seed quick.
   */
  reviewedBy?: { experts: number; team: boolean };
  /** A request for more information from the lead, still "open" or already "answered". */
  request?: "open" | "answered";
  /** When they registered interest, in days before today; later steps follow at intervals. */
  registeredDaysAgo: number;
}

/** Every point an organisation can be at, in the order the demo fills them. */
export const seedSteps: SeedStep[] = [
  "interest",
  "applying",
  "submitted",
  "panel",
  "conversation",
  "decision",
  "withdrawn",
];

const namePrefixes = [
  "Fellside",
  "Brightpath",
  "Kindred",
  "Open Door",
  "Harbour Lights",
  "Willow and Oak",
  "Stepping Stones",
  "Hearth",
  "Northern Star",
  "Meadowbank",
  "Riverside",
  "Common Ground",
  "Lantern",
  "Cornerstone",
];
const nameSuffixes = [
  "Support CIC",
  "Community Support Ltd",
  "Living CIC",
  "Care Co-operative",
  "Supported Living Ltd",
  "Circles CIC",
];

const differences = [
  "We only ever support a handful of people, and each person chooses who works with them.",
  "Our team grew out of a family-led circle of support; families stay in charge of how support looks.",
  "We recruit staff with the person, often from their own neighbourhood and interests.",
  "We stay small on purpose and never take on more people than our team can know well.",
  "Most of our staff have known the people they support for years; we do not move people on.",
  "We build support around a person's home and community, not around a building or a rota.",
  "We start from what the person wants their life to look like and plan money around that.",
];

/**
 * The panel's decision on the organisation at the decision stage, by site: every outcome appears
 * in several sites. Lancashire and South Cumbria's waits for the lead to decide; its decision is
 * Pendle Circles' walk-through.
 */
const decidedOutcomes: (Outcome | undefined)[] = [
  undefined,
  "not-yet",
  "walking-through",
  "declined",
  "approved",
  "walking-through",
  "not-yet",
  "approved",
  "declined",
  "walking-through",
  "approved",
  "not-yet",
];

/** The organisations of one site: one per step, with facts that fit where they are. */
export function seedOrganisations(siteIndex: number, area: string): SeedOrganisation[] {
  return seedSteps.map((step, stepIndex) => {
    const n = siteIndex * seedSteps.length + stepIndex;
    const prefix = namePrefixes[n % namePrefixes.length] as string;
    const suffix = nameSuffixes[(n + siteIndex) % nameSuffixes.length] as string;
    const established = stepIndex % 3 === 0;
    const organisation: SeedOrganisation = {
      legalName: `${prefix} ${suffix}`,
      tradingName: stepIndex % 2 === 0 ? prefix : undefined,
      area: area.split(/,| and /)[0]?.trim() || area,
      foundedYear: established ? 2012 + (n % 8) : 2023 + (n % 3),
      peopleSupported: established ? 6 + (n % 9) : n % 5,
      cqcStatus: established ? "registered" : stepIndex % 3 === 1 ? "in-progress" : "not-registered",
      cqcRating: established ? (n % 4 === 0 ? "outstanding" : "good") : undefined,
      difference: differences[n % differences.length] as string,
      step,
      registeredDaysAgo: 12 + ((stepIndex * 17 + siteIndex * 5) % 90) + stepIndex * 6,
    };
    // Greater Manchester's team asked one applicant for more after their conversation.
    if (siteIndex === 1 && step === "conversation") return { ...organisation, request: "open" };
    if (step !== "decision") return organisation;
    const outcome = decidedOutcomes[siteIndex % decidedOutcomes.length];
    const reviewedBy = { experts: 1, team: siteIndex % 2 === 0 };
    return outcome
      ? { ...organisation, ...decidedFacts[outcome], outcome, reviewedBy }
      : { ...organisation, reviewedBy };
  });
}

const cohortPrefixes = [
  "Heartwood",
  "Threadwork",
  "Evergreen",
  "Tideway",
  "Beacon",
  "Hillside",
  "Roots and Wings",
  "Elm Tree",
];

/**
 * The organisations a site approved in its first months, which make up its cohort: two established
 * providers, and one approved to walk through while its registration goes on. They went through
 * the whole process, so their decisions, plans and statistics are real.
 */
export function cohortOrganisations(siteIndex: number, area: string): SeedOrganisation[] {
  return [0, 1, 2].map((index) => {
    const n = siteIndex * 3 + index;
    const walking = index === 2;
    const outcome: Outcome = walking ? "walking-through" : "approved";
    return {
      legalName: `${cohortPrefixes[n % cohortPrefixes.length]} ${nameSuffixes[(n + siteIndex) % nameSuffixes.length]}`,
      tradingName: index % 2 === 0 ? (cohortPrefixes[n % cohortPrefixes.length] as string) : undefined,
      area: area.split(/,| and /)[0]?.trim() || area,
      foundedYear: walking ? 2024 : 2010 + (n % 9),
      peopleSupported: walking ? 3 : 5 + (n % 5),
      cqcStatus: walking ? "in-progress" : "registered",
      cqcRating: walking ? undefined : n % 3 === 0 ? "outstanding" : "good",
      difference: differences[(n + 2) % differences.length] as string,
      step: "decision",
      outcome,
      // Reviewed (by one expert, to keep the seed quick), so each decision carries the panel's
      // feedback and its plan the weakest criteria.
      reviewedBy: { experts: 1, team: false },
      registeredDaysAgo: 160 - index * 12,
    };
  });
}

/** Facts that fit each decision: the panel's reasons in seed-panels.ts speak to them. */
const decidedFacts: Record<Outcome, Partial<SeedOrganisation>> = {
  approved: { foundedYear: 2016, peopleSupported: 9, cqcStatus: "registered", cqcRating: "good" },
  "walking-through": { foundedYear: 2024, peopleSupported: 3, cqcStatus: "in-progress", cqcRating: undefined },
  "not-yet": { foundedYear: 2025, peopleSupported: 1, cqcStatus: "not-registered", cqcRating: undefined },
  declined: {
    foundedYear: 2009,
    peopleSupported: 38,
    cqcStatus: "registered",
    cqcRating: "requires-improvement",
    difference: "We run shared supported living houses across the region and plan to open two more this year.",
  },
};

/**
 * Lancashire and South Cumbria's cohort from the programme's own example: a locally established
 * provider supporting fewer than 10 people, one set up with CQC registration in progress
 * supporting 3 or 4, and one setting up that supports nobody yet.
 */
export const lancashireOrganisations: SeedOrganisation[] = [
  {
    legalName: "Bay Horizons Community Support CIC",
    tradingName: "Bay Horizons",
    area: "Morecambe Bay",
    foundedYear: 2014,
    peopleSupported: 8,
    cqcStatus: "registered",
    cqcRating: "good",
    difference:
      "A locally established team that has supported the same eight people for years, each with staff they chose.",
    step: "conversation",
    reviewedBy: { experts: 1, team: true },
    request: "answered",
    registeredDaysAgo: 120,
  },
  {
    legalName: "Pendle Circles Ltd",
    area: "Pendle and Burnley",
    foundedYear: 2023,
    peopleSupported: 3,
    cqcStatus: "in-progress",
    difference:
      "Set up by two support workers and a parent; we support three people and our CQC registration is under way.",
    step: "decision",
    outcome: "walking-through",
    reviewedBy: { experts: 2, team: true },
    registeredDaysAgo: 75,
  },
  {
    legalName: "Lune Valley Living CIC",
    tradingName: "Lune Valley Living",
    area: "Lancaster and the Lune Valley",
    foundedYear: 2025,
    peopleSupported: 0,
    cqcStatus: "in-progress",
    difference:
      "We are setting up around one young man leaving hospital and his family, with registration in progress.",
    step: "applying",
    registeredDaysAgo: 20,
  },
];

/** Answers a seeded application gives to the default questions. */
export const seedAnswers = (index: number): Record<string, string | boolean> => ({
  "q-how-started": [
    "Two of us left a large provider because we wanted to support people the way they asked to be supported.",
    "A parent and a support worker started us after seeing a young man's support break down again and again.",
    "We began as a circle of support for one woman and grew slowly as others asked to join.",
  ][index % 3] as string,
  "q-values": [
    "The person decides what a good day looks like; our job is to make it happen, with their family.",
    "Nobody is moved on or handed over. If something goes wrong we change the support, not the person.",
    "We listen first, write it down in the person's words and check back often.",
  ][index % 3] as string,
  "q-one-person": [
    "We moved our whole rota around one man's football season so he never missed a home game.",
    "We recruited a support worker who shared a woman's love of horses, and she now rides weekly.",
    "We found a flat near a young person's grandmother, which was what mattered most to him.",
  ][index % 3] as string,
  "q-different": [
    "We are small on purpose and our leaders still work shifts alongside the team.",
    "Families sit on our board and help choose every new member of staff.",
    "We never advertise beds or places; we start from one person and build around them.",
  ][index % 3] as string,
  "q-local": index % 4 !== 3,
});
