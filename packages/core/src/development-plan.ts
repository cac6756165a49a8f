import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor } from "./actor";
import { change, useChange } from "./change";
import { now } from "./clock";
import { db } from "./db";
import { type GoalStatus, goalStatuses } from "./development-plan-shape";
import { ConflictError, NotFoundError, RuleError } from "./errors";
import * as Organisation from "./organisation";
import { approvedStandings } from "./organisation-shape";
import * as Person from "./person";
import { dateSchema, recordIdSchema, siteIdSchema, verb, versionSchema, writtenText } from "./validation";

/**
 * An approved provider's development plan: goals, each with where the organisation is now, where
 * it aims to get to, the actions, who owns them, a target date and a status. Approval seeds it from
 * the panel's weakest criteria and any conditions to meet; the provider's people and the site team
 * both keep it up to date. Provider members reach only their own organisation's plan.
 */

export interface Goal {
  goalId: string;
  criterionId: string | null;
  title: string;
  now: string;
  aim: string;
  actions: string;
  owner: string;
  targetDate: string | null;
  status: GoalStatus;
  updatedAt: string;
  updatedByName: string;
  version: number;
}

const organisationKey = z.strictObject({ siteId: siteIdSchema, organisationId: recordIdSchema });

const goalFields = z.strictObject({
  title: writtenText("the goal", 3, 200),
  now: z.string().trim().max(2000, "Keep where you are now to at most 2,000 characters."),
  aim: z.string().trim().max(2000, "Keep where you aim to get to at most 2,000 characters."),
  actions: z.string().trim().max(3000, "Keep the actions to at most 3,000 characters."),
  owner: z.string().trim().max(120, "Keep the owner to at most 120 characters."),
  targetDate: dateSchema.nullable(),
  status: z.enum(goalStatuses, { error: "Choose a status: not started, in progress or done." }),
});
export type GoalFields = z.output<typeof goalFields>;

/** The plan's goals, seeded ones first, then in the order they were added. */
export const list = verb(organisationKey, async ({ siteId, organisationId }) => {
  Organisation.ownOrganisation(siteId, organisationId);
  const organisation = await Organisation.read(siteId, organisationId);
  const { data } = await db.entities.developmentGoal.query
    .byOrganisation({ siteId, organisationId })
    .go({ pages: "all", consistent: true });
  const names = await Person.namesOf(data.map((goal) => goal.updatedBy));
  return {
    open: approvedStandings.includes(organisation.standing),
    organisationName: Organisation.displayName(organisation),
    goals: data.map(
      (goal): Goal => ({
        goalId: goal.goalId,
        criterionId: goal.criterionId ?? null,
        title: goal.title,
        now: goal.now,
        aim: goal.aim,
        actions: goal.actions,
        owner: goal.owner,
        targetDate: goal.targetDate || null,
        status: goal.status,
        updatedAt: goal.updatedAt,
        updatedByName: names.get(goal.updatedBy) ?? "Former member",
        version: goal.version,
      }),
    ),
  };
});

/** Adds a goal to an approved organisation's plan. */
export const addGoal = verb(organisationKey.extend({ goal: goalFields }), async ({ siteId, organisationId, goal }) => {
  Organisation.ownOrganisation(siteId, organisationId);
  await requireOpen(siteId, organisationId);
  const goalId = randomUUID();
  await change("developmentPlan.addGoal", async () => {
    createGoal(siteId, organisationId, goalId, `2-${now().toISOString()}`, goal);
    useChange().audit({
      siteId,
      action: "development_goal.added",
      recordType: "organisation",
      recordId: organisationId,
      after: { goalId, status: goal.status },
      changed: ["goal"],
    });
  });
  return list({ siteId, organisationId });
});

/** Changes a goal under the version the person saw: of two people editing at once, the second is told. */
export const updateGoal = verb(
  organisationKey.extend({ goalId: recordIdSchema, version: versionSchema, goal: goalFields }),
  async ({ siteId, organisationId, goalId, version, goal }) => {
    Organisation.ownOrganisation(siteId, organisationId);
    await requireOpen(siteId, organisationId);
    const existing = await readGoal(siteId, organisationId, goalId);
    await change("developmentPlan.updateGoal", async () => {
      const { write, audit } = useChange();
      write(
        ({ developmentGoal }) =>
          developmentGoal
            .patch({ siteId, organisationId, position: existing.position, goalId })
            .set({ ...stored(goal), updatedBy: useActor().personId })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () =>
          new ConflictError(
            "Someone else changed this goal just now. Refresh the page to see their change, then try again.",
          ),
      );
      audit({
        siteId,
        action: "development_goal.updated",
        recordType: "organisation",
        recordId: organisationId,
        before: { goalId, status: existing.status },
        after: { goalId, status: goal.status },
        changed: ["goal"],
      });
    });
    return list({ siteId, organisationId });
  },
);

/** Removes a goal from the plan. */
export const removeGoal = verb(
  organisationKey.extend({ goalId: recordIdSchema, version: versionSchema }),
  async ({ siteId, organisationId, goalId, version }) => {
    Organisation.ownOrganisation(siteId, organisationId);
    await requireOpen(siteId, organisationId);
    const existing = await readGoal(siteId, organisationId, goalId);
    await change("developmentPlan.removeGoal", async () => {
      const { write, audit } = useChange();
      write(
        ({ developmentGoal }) =>
          developmentGoal
            .delete({ siteId, organisationId, position: existing.position, goalId })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () =>
          new ConflictError(
            "Someone else changed this goal just now. Refresh the page to see their change, then try again.",
          ),
      );
      audit({
        siteId,
        action: "development_goal.removed",
        recordType: "organisation",
        recordId: organisationId,
        before: { goalId, status: existing.status },
      });
    });
    return list({ siteId, organisationId });
  },
);

/**
 * Seeds a newly approved organisation's plan inside the decision's change: a goal for each of the
 * panel's weakest criteria, then one for each condition to meet.
 */
export function seed(
  siteId: string,
  organisationId: string,
  from: { weakest: { criterionId: string; title: string; now: string; aim: string }[]; conditions: string[] },
): void {
  const base = { actions: "", owner: "", targetDate: null, status: "not-started" as const };
  from.weakest.forEach((goal, index) => {
    createGoal(
      siteId,
      organisationId,
      randomUUID(),
      `1-${index}`,
      { ...base, title: goal.title, now: goal.now, aim: goal.aim },
      goal.criterionId,
    );
  });
  from.conditions.forEach((condition, index) => {
    createGoal(siteId, organisationId, randomUUID(), `1-c${index}`, {
      ...base,
      title: condition.length > 200 ? `${condition.slice(0, 197)}...` : condition,
      now: "A condition of approval to walk through.",
      aim: condition,
    });
  });
}

function createGoal(
  siteId: string,
  organisationId: string,
  goalId: string,
  position: string,
  goal: GoalFields,
  criterionId?: string,
) {
  useChange().write(({ developmentGoal }) =>
    developmentGoal
      .create({
        siteId,
        organisationId,
        goalId,
        position,
        ...(criterionId ? { criterionId } : {}),
        ...stored(goal),
        updatedBy: useActor().personId,
      })
      .commit(),
  );
}

/** An unset target date is stored empty: key-free attributes cannot hold null. */
const stored = (goal: GoalFields) => ({ ...goal, targetDate: goal.targetDate ?? "" });

async function requireOpen(siteId: string, organisationId: string) {
  const organisation = await Organisation.read(siteId, organisationId);
  if (!approvedStandings.includes(organisation.standing)) {
    throw new RuleError("A development plan opens when the panel approves the organisation.");
  }
}

async function readGoal(siteId: string, organisationId: string, goalId: string) {
  const { data } = await db.entities.developmentGoal.query
    .byOrganisation({ siteId, organisationId })
    .go({ pages: "all", consistent: true });
  const goal = data.find((candidate) => candidate.goalId === goalId);
  if (!goal) throw new NotFoundError("That goal is no longer in the plan: someone may have removed it.");
  return goal;
}
