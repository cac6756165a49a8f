import * as z from "zod";
import { useActor } from "./actor";
import * as Application from "./application";
import { change, useChange } from "./change";
import { dayMs, now } from "./clock";
import * as Cohort from "./cohort";
import { db } from "./db";
import { approvingOutcomes, type Outcome, outcomes, standingAfter } from "./decision-shape";
import * as DevelopmentPlan from "./development-plan";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Organisation from "./organisation";
import * as Person from "./person";
import * as Process from "./process";
import { decidedColumn } from "./process-shape";
import * as Review from "./review";
import { summarisePanel, weakestCriteria } from "./review-shape";
import * as SiteStats from "./site-stats";
import { verb, versionSchema, writtenText } from "./validation";

/**
 * The lead records the panel's decision on an application: approved, approved to walk through
 * (with conditions to meet), not yet (with what would change the answer) or declined, always with
 * the reasons. In the same change the application leaves the board's stages for "decided", the
 * organisation's standing becomes the outcome, the site's statistics count it, and an approval
 * opens the organisation's development plan. A decision is made once: of two leads deciding at
 * once, one wins and the other is told.
 */

export interface Decision {
  siteId: string;
  organisationId: string;
  applicationId: string;
  outcome: Outcome;
  rationale: string;
  conditions: string[];
  whatWouldChange: string | null;
  feedback: string | null;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
}

/** A decision with what its letter needs: whom it is to, and from which site. */
export interface DecisionLetter extends Decision {
  organisationName: string;
  siteName: string;
  submittedAt: string | null;
}

const { applicationKey } = Application;
const alreadyDecided = "A decision on this application has already been recorded. Refresh the page to see it.";

export const decide = verb(
  applicationKey.extend({
    version: versionSchema,
    outcome: z.enum(outcomes, { error: "Choose the panel's decision." }),
    rationale: writtenText("the reasons for the decision", 20, 5000),
    conditions: z
      .array(writtenText("each condition", 3, 500))
      .max(10, "List at most 10 conditions.")
      .default([]),
    whatWouldChange: z.string().trim().max(3000, "Keep this to at most 3,000 characters.").optional(),
  }),
  async ({ version, outcome, rationale, conditions, whatWouldChange, ...key }) => {
    const [application] = await Promise.all([Application.read(key), Review.requireNotRecused(key)]);
    if (application.version !== version) throw new ConflictError(Application.staleApplication);
    if (application.status === "decided") throw new RuleError(alreadyDecided);
    if (application.status !== "submitted") {
      throw new RuleError(
        application.status === "draft"
          ? "This application has not been sent yet, so there is nothing to decide."
          : "This application was withdrawn, so there is nothing to decide.",
      );
    }
    if (application.openRequestId) {
      throw new RuleError("The provider has been asked for more information. Wait for their answers before deciding.");
    }
    if (outcome === "walking-through") {
      if (application.cqcStatus === "registered") {
        throw new RuleError(
          "Approval to walk through is for providers not yet registered with the Care Quality Commission. This one is registered: approve it instead.",
        );
      }
      if (conditions.length === 0) {
        const message = "List at least one condition the provider needs to meet.";
        throw new ValidationError(message, { conditions: message });
      }
    } else if (conditions.length > 0) {
      throw new ValidationError("Only an approval to walk through has conditions.", {
        conditions: "Only an approval to walk through has conditions.",
      });
    }
    if (outcome === "not-yet" && (!whatWouldChange || whatWouldChange.length < 10)) {
      const message = "Say what would change the answer, so the provider knows what to work on.";
      throw new ValidationError(message, { whatWouldChange: message });
    }
    const [organisation, record, scores, process, cohortMember] = await Promise.all([
      Organisation.read(key.siteId, key.organisationId),
      Review.panelRecord(key.siteId, key.applicationId),
      Review.submittedScores(key),
      Process.versionOf(key.siteId, application.processVersion),
      Cohort.memberOf(key.siteId, key.organisationId),
    ]);
    const { definition } = process;
    const decidedAt = now().toISOString();
    const decidedBy = useActor().personId;
    const days = application.submittedAt
      ? Math.floor((Date.parse(decidedAt) - Date.parse(application.submittedAt)) / dayMs)
      : 0;
    await change("decision.decide", async () => {
      const { write, audit, send } = useChange();
      write(
        ({ decision }) =>
          decision
            .create({
              ...key,
              outcome,
              rationale,
              conditions,
              ...(outcome === "not-yet" && whatWouldChange ? { whatWouldChange } : {}),
              ...(record ? { feedback: record.feedback } : {}),
              decidedBy,
              decidedAt,
            })
            .commit(),
        () => new ConflictError(alreadyDecided),
      );
      write(
        ({ application: applications }) =>
          applications
            .patch(key)
            .set({
              status: "decided",
              boardColumn: decidedColumn,
              stageEnteredAt: decidedAt,
              movedAt: decidedAt,
              cqcStatus: application.cqcStatus,
              outcome,
              decidedAt,
            })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(alreadyDecided),
      );
      Application.moveColumn(key.siteId, application.stageId, decidedColumn);
      Organisation.moveStanding(
        key.siteId,
        key.organisationId,
        organisation.version,
        organisation.standing,
        standingAfter[outcome],
      );
      const month = SiteStats.monthOf(decidedAt);
      SiteStats.count(key.siteId, SiteStats.counterName.decision(outcome), 1, month);
      SiteStats.count(key.siteId, SiteStats.counterName.decideDays(SiteStats.daysBucket(days)), 1, month);
      await Application.closeOpenReviews(key);
      if (approvingOutcomes.includes(outcome)) {
        // An approved organisation joins the site's cohort, either kind of approval.
        Cohort.join(key.siteId, key.organisationId, cohortMember);
        const summaries = summarisePanel(
          definition.criteria.map((criterion) => criterion.criterionId),
          scores,
        );
        DevelopmentPlan.seed(key.siteId, key.organisationId, {
          weakest: weakestCriteria(summaries, definition.scale.length).map((summary) => {
            const criterion = definition.criteria.find((candidate) => candidate.criterionId === summary.criterionId);
            const point = definition.scale[Math.max(0, Math.round(summary.average) - 1)];
            return {
              criterionId: summary.criterionId,
              title: criterion?.wording.plain ?? "Criterion",
              now: `The panel's average was ${summary.average.toFixed(1)} of ${definition.scale.length}: ${point?.wording.plain ?? ""}.`,
              aim: `${definition.scale.at(-1)?.wording.plain ?? "Strongly shown"}.`,
            };
          }),
          conditions,
        });
      }
      audit({
        siteId: key.siteId,
        action: "decision.made",
        recordType: "application",
        recordId: key.applicationId,
        before: { status: "submitted", stageId: application.stageId },
        after: { organisationId: key.organisationId, status: "decided", outcome },
        changed: ["rationale"],
      });
      send({
        siteId: key.siteId,
        template: "decision-made",
        to: { person: organisation.contactPersonId },
        params: { applicationId: key.applicationId, organisationId: key.organisationId },
      });
    });
    return get(key);
  },
);

/** The decision on an application, with what its letter needs; the organisation's own people may read it. */
export const get = verb(applicationKey, async (key): Promise<DecisionLetter> => {
  Organisation.ownOrganisation(key.siteId, key.organisationId);
  const [{ data }, organisation, site, application] = await Promise.all([
    db.entities.decision.get(key).go({ consistent: true }),
    Organisation.read(key.siteId, key.organisationId),
    db.entities.site.get({ siteId: key.siteId }).go(),
    Application.read(key),
  ]);
  if (!data) throw new NotFoundError("There is no decision on this application yet.");
  const names = await Person.namesOf([data.decidedBy]);
  return {
    siteId: data.siteId,
    organisationId: data.organisationId,
    applicationId: data.applicationId,
    outcome: data.outcome,
    rationale: data.rationale,
    conditions: data.conditions ?? [],
    whatWouldChange: data.whatWouldChange ?? null,
    feedback: data.feedback ?? null,
    decidedBy: data.decidedBy,
    decidedByName: names.get(data.decidedBy) ?? "The project lead",
    decidedAt: data.decidedAt,
    organisationName: Organisation.displayName(organisation),
    siteName: site.data?.name ?? key.siteId,
    submittedAt: application.submittedAt,
  };
});
