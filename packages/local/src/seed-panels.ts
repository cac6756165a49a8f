import {
  Application,
  Clock,
  Decision,
  DevelopmentPlan,
  ExpertTime,
  InformationRequest,
  Review,
} from "@smallsupports/core";
import type { Actor } from "@smallsupports/core/actor";
import { approvingOutcomes, type Outcome } from "@smallsupports/core/decision-shape";
import { memberOf } from "@smallsupports/core/seeding";
import type { SeedOrganisation } from "./seed-organisations";
import {
  goalActions,
  moreDetail,
  panelWords,
  recusalReasons,
  requestMessage,
  scoreFor,
  scoreProfiles,
  walkThroughConditions,
  whatWouldChange,
} from "./seed-panel-words";
import { at, dayFromToday, daysAgo } from "./seed-time";

/**
 * The panel's side of the demo, through the services as each person would act: the lead assigns
 * experts by experience and a team member to review, they declare conflicts (one recuses
 * themselves in some sites) and score criterion by criterion, the lead records the panel's view
 * and decides, the provider and the team work on the development plan, and everyone logs their
 * time. Dates spread over recent months, and some reviews fall due in a week or are just overdue,
 * so the first reminder sweep after a fresh start has reminders to send.
 */

type ApplicationKey = { siteId: string; organisationId: string; applicationId: string };
/** Runs a service call as one member of the site, with their membership in context. */
export type Member = <T>(run: () => Promise<T>) => Promise<T>;

interface Person {
  personId: string;
  as: Member;
}

/** The site's people who run its panel, each ready to act. */
export interface PanelCast {
  siteId: string;
  siteIndex: number;
  lead: Person;
  team: Person[];
  experts: Person[];
}

export async function panelCast(input: {
  siteId: string;
  siteIndex: number;
  lead: Actor;
  team: Actor[];
  experts: Actor[];
}): Promise<PanelCast> {
  const person = async (actor: Actor): Promise<Person> => ({
    personId: actor.personId,
    as: await memberOf(actor, input.siteId),
  });
  return {
    siteId: input.siteId,
    siteIndex: input.siteIndex,
    lead: await person(input.lead),
    team: await Promise.all(input.team.map(person)),
    experts: await Promise.all(input.experts.map(person)),
  };
}

/** The nth of a site's experts, turning with the site so each expert has their share of reviews. */
const expert = (cast: PanelCast, n: number) => cast.experts[(cast.siteIndex + n) % cast.experts.length] as Person;
const teamMember = (cast: PanelCast) => cast.team[cast.siteIndex % cast.team.length] as Person;

/** Sites where an expert knows a panel applicant and steps back from reviewing it. */
const recusalSites = new Set([0, 2, 6, 10]);

/**
 * Reviews of an application while it sits in the panel stage, `panelDaysAgo` being when it got
 * there. A live one (still at the panel) has one review in, one part scored and one waiting for
 * its conflict declaration; one that has moved on had every review in and the panel's view
 * recorded before it left the stage.
 */
export async function reviewInPanel(
  cast: PanelCast,
  key: ApplicationKey,
  organisation: SeedOrganisation,
  panelDaysAgo: number,
): Promise<void> {
  if (organisation.step === "panel") return reviewLive(cast, key, panelDaysAgo);
  if (organisation.reviewedBy) return reviewFinished(cast, key, organisation, panelDaysAgo, organisation.reviewedBy);
}

/** Due a week from today, a few days ago, or in between: the sweep reminds the first two. */
const liveDueInDays = [7, -3, 10, 4, 7, -3, 12, 2, 7, -3, 5, 9];

async function reviewLive(cast: PanelCast, key: ApplicationKey, panelDaysAgo: number) {
  const assigned = Math.min(panelDaysAgo - 0.5, 16 + (cast.siteIndex % 5));
  const dueDate = dayFromToday(liveDueInDays[cast.siteIndex % liveDueInDays.length] as number);
  const [submits, scores, recuses] = [expert(cast, 0), expert(cast, 1), expert(cast, 2)];
  const recusal = recusalSites.has(cast.siteIndex);
  // The team member has not yet said whether they have a conflict of interest.
  const reviewers = [submits, scores, teamMember(cast), ...(recusal ? [recuses] : [])];
  const versions = await assign(cast, key, reviewers, dueDate, assigned);
  const profile = scoreProfiles.mixed;
  await review(submits, key, versions, { profile, voice: 0, at: assigned - 1 });
  await review(scores, key, versions, { profile, voice: 1, at: assigned - 2, stopAfter: 2 });
  if (recusal) {
    const reason = recusalReasons[cast.siteIndex % recusalReasons.length] as string;
    const version = versions.get(recuses.personId) ?? 0;
    await at(assigned - 1.2, () => recuses.as(() => Review.declare({ ...key, version, conflict: true, reason })));
  }
}

async function reviewFinished(
  cast: PanelCast,
  key: ApplicationKey,
  organisation: SeedOrganisation,
  panelDaysAgo: number,
  by: { experts: number; team: boolean },
) {
  const assigned = panelDaysAgo - 0.5;
  const reviewers = [
    ...Array.from({ length: by.experts }, (_, n) => expert(cast, n + 1)),
    ...(by.team ? [teamMember(cast)] : []),
  ];
  const team = by.team ? reviewers.length - 1 : -1;
  const versions = await assign(cast, key, reviewers, Clock.today(daysAgo(assigned - 14)), assigned);
  const profile = scoreProfiles[organisation.outcome ?? "strong"];
  for (const [index, reviewer] of reviewers.entries()) {
    const voice = index === team ? 2 : index;
    await review(reviewer, key, versions, { profile, voice, at: assigned - 1 - index * 1.5 });
  }
  const words = panelWords[organisation.outcome ?? "strong"];
  await at(panelDaysAgo - 8, () =>
    cast.lead.as(() =>
      Review.recordPanel({ ...key, version: 0, agreedView: words.agreedView, feedback: words.feedback }),
    ),
  );
}

/** The lead assigns each reviewer; returns each review's version. */
async function assign(cast: PanelCast, key: ApplicationKey, reviewers: Person[], dueDate: string, daysAgo: number) {
  let assignments: Review.Assignment[] = [];
  for (const [index, reviewer] of reviewers.entries()) {
    assignments = await at(daysAgo - index * 0.01, () =>
      cast.lead.as(() => Review.assign({ ...key, reviewerId: reviewer.personId, dueDate })),
    );
  }
  return new Map(assignments.map((assignment) => [assignment.reviewerId, assignment.version]));
}

/** A reviewer declares no conflict and scores each criterion, then submits (or stops part way). */
async function review(
  reviewer: Person,
  key: ApplicationKey,
  versions: Map<string, number>,
  options: { profile: number[]; voice: number; at: number; stopAfter?: number },
) {
  const declared = await at(options.at, () =>
    reviewer.as(() => Review.declare({ ...key, version: versions.get(reviewer.personId) ?? 0, conflict: false })),
  );
  let version = declared.version;
  const criteria = declared.process?.definition.criteria ?? [];
  const toScore = criteria.slice(0, options.stopAfter ?? criteria.length);
  for (const [index, criterion] of toScore.entries()) {
    const { score, comment } = scoreFor(options.profile, index, criterion.characteristic, options.voice);
    const saved = await at(options.at - 0.02 * (index + 1), () =>
      reviewer.as(() => Review.saveScore({ ...key, version, criterionId: criterion.criterionId, score, comment })),
    );
    version = saved.version;
  }
  if (options.stopAfter === undefined) {
    await at(options.at - 0.3, () => reviewer.as(() => Review.submit({ ...key, version })));
  }
}

/** The lead decides, and an approved provider's plan gets under way with the site team. */
export async function decide(
  cast: PanelCast,
  key: ApplicationKey,
  application: Application.Application,
  outcome: Outcome,
  decidedDaysAgo: number,
  provider: Member,
) {
  const words = panelWords[outcome];
  await at(decidedDaysAgo, () =>
    cast.lead.as(() =>
      Decision.decide({
        ...key,
        version: application.version,
        outcome,
        rationale: words.rationale,
        conditions: outcome === "walking-through" ? walkThroughConditions : [],
        ...(outcome === "not-yet" ? { whatWouldChange } : {}),
      }),
    ),
  );
  if (approvingOutcomes.includes(outcome)) {
    await developPlan(cast, key.organisationId, decidedDaysAgo, provider);
  }
}

/** The provider and the team take up the plan's goals over the weeks after approval. */
async function developPlan(cast: PanelCast, organisationId: string, decidedDaysAgo: number, provider: Member) {
  const { siteId } = cast;
  let plan = await provider(() => DevelopmentPlan.list({ siteId, organisationId }));
  const update = async (
    who: Member,
    days: number,
    goalId: string | undefined,
    change: Pick<DevelopmentPlan.Goal, "actions" | "owner" | "status"> & { targetInDays: number },
  ) => {
    const goal = plan.goals.find((candidate) => candidate.goalId === goalId);
    if (!goal || days < 0.5) return;
    const { title, now, aim } = goal;
    const { actions, owner, status } = change;
    // Counted from the real today, so goals under way aim at dates still to come.
    const targetDate = dayFromToday(change.targetInDays);
    plan = await at(days, () =>
      who(() =>
        DevelopmentPlan.updateGoal({
          siteId,
          organisationId,
          goalId: goal.goalId,
          version: goal.version,
          goal: { title, now, aim, actions, owner, status, targetDate },
        }),
      ),
    );
  };
  const fromPanel = plan.goals.filter((goal) => goal.criterionId);
  const condition = (index: number) => plan.goals.find((goal) => goal.title === walkThroughConditions[index])?.goalId;
  const [first, second, third] = fromPanel.map((goal) => goal.goalId);
  await update(provider, decidedDaysAgo - 3, first, {
    actions: goalActions.provider,
    owner: "Our founder, with each person and their family",
    status: "in-progress",
    targetInDays: 45,
  });
  await update(provider, decidedDaysAgo - 5, condition(0), {
    actions: goalActions.registration,
    owner: "Our registered manager",
    status: "in-progress",
    targetInDays: 60,
  });
  await update(teamMember(cast).as, decidedDaysAgo - 7, condition(1) ?? third, {
    actions: goalActions.team,
    owner: "Site team, with a mentor from an established small provider",
    status: "in-progress",
    targetInDays: 90,
  });
  // Long enough after approval, one goal is already met.
  if (decidedDaysAgo > 40) {
    await update(provider, decidedDaysAgo - 30, second, {
      actions: goalActions.done,
      owner: "Our founder",
      status: "done",
      targetInDays: -5,
    });
  }
}

/**
 * The lead asks for more on two answers. "open": the provider has not answered yet; "answered":
 * they answered in place a few days later and sent the application back.
 */
export async function requestInformation(
  cast: PanelCast,
  key: ApplicationKey,
  application: Application.Application,
  state: "open" | "answered",
  provider: Member,
) {
  const asked = state === "open" ? 4 : 30;
  const requested = await at(asked, () =>
    cast.lead.as(() =>
      InformationRequest.request({
        ...key,
        version: application.version,
        questionIds: ["q-one-person", "q-values"],
        message: requestMessage,
      }),
    ),
  );
  if (state === "open") return;
  const { answers } = await provider(() => Application.get(key));
  for (const questionId of requested.requestedQuestionIds) {
    const saved = answers.find((answer) => answer.questionId === questionId);
    await at(asked - 3, () =>
      provider(() =>
        Application.saveAnswer({
          ...key,
          questionId,
          value: moreDetail[questionId] ?? "",
          version: saved?.version ?? 0,
        }),
      ),
    );
  }
  await at(asked - 3.1, () => provider(() => InformationRequest.sendBack({ ...key, version: requested.version })));
}

/**
 * The time the site's experts and lead spent on panel work over the last two months (reading,
 * the panel meeting, a conversation with an applicant, training: each expert read an application in
 * the last week and did one of the others about a month before), and in some sites the day rate
 * the lead set for paying experts.
 */
export async function logTime(cast: PanelCast) {
  const { siteId, siteIndex } = cast;
  const log = (person: Person, days: number, minutes: number, activity: ExpertTime.TimeEntry["activity"]) =>
    at(days, () => person.as(() => ExpertTime.log({ siteId, date: Clock.today(), minutes, activity })));
  for (const [n, person] of cast.experts.entries()) {
    await log(person, 2 + n + (siteIndex % 3), 90 + 30 * ((n + siteIndex) % 3), "reading");
    const activity = (["panel", "training", "interview"] as const)[n % 3] ?? "panel";
    await log(person, 33 + 2 * n + (siteIndex % 4), activity === "training" ? 240 : 120, activity);
  }
  await log(cast.lead, 11 + (siteIndex % 5), 150, "panel");
  if (siteIndex % 3 === 1) {
    await at(50, () =>
      cast.lead.as(() =>
        ExpertTime.setPayRate({ siteId, version: 0, dayRatePence: 16_500 + 500 * (siteIndex % 4), hoursPerDay: 7 }),
      ),
    );
  }
}
