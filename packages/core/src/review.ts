import * as z from "zod";
import { useActor, useMembership } from "./actor";
import * as Application from "./application";
import { change, useChange } from "./change";
import { addDays, now, today } from "./clock";
import { db } from "./db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Membership from "./membership";
import * as Organisation from "./organisation";
import * as Person from "./person";
import * as Process from "./process";
import type { ProcessDefinition } from "./process-definition";
import { type CriterionSummary, type ReviewState, type Scores, summarisePanel } from "./review-shape";
import type { SiteRole } from "./role";
import * as SiteStats from "./site-stats";
import { dateSchema, personIdSchema, verb, versionSchema, writtenText } from "./validation";

/**
 * Panel review. The lead assigns reviewers (experts by experience and the site team) to a sent
 * application with a due date. Each reviewer first declares a conflict of interest or none; a
 * conflict recuses them. Then they score each criterion on the site's scale (or abstain on it)
 * with a comment, saving as they go, and submit.
 *
 * The rule this file exists to keep: nobody reads another reviewer's scores until they have
 * submitted their own, and a reviewer who is recused reads nothing more of the application. Only
 * `panel()` returns other people's scores, and it checks the caller's own review first.
 */

const { applicationKey } = Application;
type ApplicationKey = z.output<typeof applicationKey>;

export interface Assignment {
  reviewerId: string;
  name: string;
  role: SiteRole;
  state: ReviewState;
  dueDate: string;
  /** The reviewer's reason, when they declared a conflict: the panel record lists it. */
  conflictReason: string | null;
  submittedAt: string | null;
  version: number;
}

/** The caller's own review, with what they may see at its step. */
export interface MyReview {
  state: ReviewState;
  dueDate: string;
  version: number;
  scores: Scores;
  submittedAt: string | null;
  /** Whether the organisation is hidden from this reviewer after the conflict step. */
  blind: boolean;
  /** Shown at the conflict step even under blind review, so a reviewer can tell if they know them. */
  organisationName: string | null;
  /** Facts about the organisation, once the conflict step is past and unless review is blind. */
  organisation: {
    area: string;
    foundedYear: number;
    peopleSupported: number;
    cqcStatus: string;
  } | null;
  /** The process the application is on, and its answers: only once the reviewer declared no conflict. */
  process: { number: number; definition: ProcessDefinition } | null;
  answers: Application.SavedAnswer[] | null;
  submittedAtApplication: string | null;
}

export interface Panel {
  criteria: CriterionSummary[];
  /** Submitted reviews, in the order their scores appear in each criterion. */
  reviewers: { reviewerId: string; name: string; role: SiteRole; comments: Record<string, string> }[];
  recusals: { reviewerId: string; name: string; reason: string }[];
  /** Reviewers still to declare or to submit: their scores are not shown. */
  waiting: { reviewerId: string; name: string; state: ReviewState; dueDate: string }[];
  record: { agreedView: string; feedback: string; version: number; recordedAt: string } | null;
  scale: ProcessDefinition["scale"];
  criteriaWording: ProcessDefinition["criteria"];
}

type ReviewItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.entities.review.get>["go"]>>["data"]>;

const staleReview = "This review changed in another tab just now. Refresh the page to see the latest, then try again.";

/** The lead assigns a member of the site's lead, team or experts to review a sent application. */
export const assign = verb(
  applicationKey.extend({ reviewerId: personIdSchema, dueDate: dateSchema }),
  async ({ reviewerId, dueDate, ...key }) => {
    const [application, reviewer, existing] = await Promise.all([
      Application.read(key),
      Membership.find(key.siteId, reviewerId),
      db.entities.review.get({ siteId: key.siteId, applicationId: key.applicationId, reviewerId }).go(),
    ]);
    requireUnderReview(application);
    if (!reviewer) throw new NotFoundError("That person is not a member of this site.");
    // A provider's people can never review, least of all their own organisation's application.
    if (reviewer.role === "provider" || reviewer.organisationId) {
      throw new RuleError("Providers cannot review applications. Choose an expert by experience or a team member.");
    }
    if (existing.data) throw new RuleError(`${reviewer.name} is already reviewing this application.`);
    if (dueDate < today()) {
      throw new ValidationError("Choose a due date from today on.", { dueDate: "Choose a due date from today on." });
    }
    const { definition } = await Process.versionOf(key.siteId, application.processVersion);
    const blind = definition.settings.blindReview && reviewer.role === "expert";
    await change("review.assign", async () => {
      const { write, audit, send } = useChange();
      write(
        ({ review }) =>
          review
            .create({
              ...key,
              reviewerId,
              reviewerRole: reviewer.role as "lead" | "team" | "expert",
              blind,
              state: "declare",
              queue: "open",
              dueDate,
              assignedBy: useActor().personId,
            })
            .commit(),
        () => new RuleError(`${reviewer.name} is already reviewing this application.`),
      );
      Application.touch(key);
      audit({
        siteId: key.siteId,
        action: "review.assigned",
        recordType: "application",
        recordId: key.applicationId,
        after: { organisationId: key.organisationId, reviewerId, dueDate },
      });
      send({
        siteId: key.siteId,
        template: "review-assigned",
        to: { person: reviewerId },
        params: { applicationId: key.applicationId, organisationId: key.organisationId },
      });
    });
    return assignments(key);
  },
);

/** The lead moves a review's due date; its reminders start again from the new date. */
export const reschedule = verb(
  applicationKey.extend({ reviewerId: personIdSchema, dueDate: dateSchema, version: versionSchema }),
  async ({ reviewerId, dueDate, version, ...key }) => {
    const review = await readReview(key, reviewerId);
    if (review.queue === "closed") throw new RuleError("This review is finished, so its due date cannot change.");
    if (dueDate < today()) {
      throw new ValidationError("Choose a due date from today on.", { dueDate: "Choose a due date from today on." });
    }
    await change("review.reschedule", async () => {
      const { write, audit } = useChange();
      write(
        ({ review: reviews }) =>
          reviews
            .patch({ siteId: key.siteId, applicationId: key.applicationId, reviewerId })
            .set({ dueDate, remindedBefore: false, remindedOverdue: false })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(staleReview),
      );
      audit({
        siteId: key.siteId,
        action: "review.rescheduled",
        recordType: "application",
        recordId: key.applicationId,
        before: { dueDate: review.dueDate },
        after: { organisationId: key.organisationId, reviewerId, dueDate },
      });
    });
    return assignments(key);
  },
);

/** The lead takes a reviewer off an application they have not submitted a review of. */
export const unassign = verb(
  applicationKey.extend({ reviewerId: personIdSchema, version: versionSchema }),
  async ({ reviewerId, version, ...key }) => {
    const review = await readReview(key, reviewerId);
    if (review.state === "submitted") {
      throw new RuleError("This reviewer has submitted their review, so it stays on the panel record.");
    }
    await change("review.unassign", async () => {
      const { write, audit } = useChange();
      write(
        ({ review: reviews }) =>
          reviews
            .delete({ siteId: key.siteId, applicationId: key.applicationId, reviewerId })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(staleReview),
      );
      audit({
        siteId: key.siteId,
        action: "review.unassigned",
        recordType: "application",
        recordId: key.applicationId,
        before: { reviewerId, state: review.state },
        after: { organisationId: key.organisationId },
      });
    });
    return assignments(key);
  },
);

/** Who reviews an application and where each review stands; never anyone's scores. */
export const assignments = verb(applicationKey, async (key) => {
  await Application.read(key);
  const reviews = await reviewsOf(key);
  const names = await Person.namesOf(reviews.map((review) => review.reviewerId));
  return reviews.map(
    (review): Assignment => ({
      reviewerId: review.reviewerId,
      name: names.get(review.reviewerId) ?? "Former member",
      role: review.reviewerRole,
      state: review.state,
      dueDate: review.dueDate,
      conflictReason: review.conflictReason ?? null,
      submittedAt: review.submittedAt ?? null,
      version: review.version,
    }),
  );
});

/**
 * The caller's own review. At the conflict step it carries only the organisation's name; past it,
 * the answers and (unless review is blind for them) the organisation's facts; once recused, nothing.
 */
export const mine = verb(applicationKey, async (key): Promise<MyReview> => {
  const review = await ownReview(key);
  const application = await Application.read(key);
  const showsAnswers = review.state === "scoring" || review.state === "submitted";
  const [organisation, process, answers] = await Promise.all([
    Organisation.read(key.siteId, key.organisationId),
    showsAnswers ? Process.versionOf(key.siteId, application.processVersion) : undefined,
    showsAnswers ? Application.answersOf(key) : undefined,
  ]);
  const hidden = review.blind && review.state !== "declare";
  return {
    state: review.state,
    dueDate: review.dueDate,
    version: review.version,
    scores: showsAnswers ? parseScores(review.scores) : {},
    submittedAt: review.submittedAt ?? null,
    blind: review.blind,
    organisationName: hidden || review.state === "recused" ? null : Organisation.displayName(organisation),
    organisation:
      showsAnswers && !hidden
        ? {
            area: organisation.area,
            foundedYear: organisation.foundedYear,
            peopleSupported: organisation.peopleSupported,
            cqcStatus: organisation.cqcStatus,
          }
        : null,
    process: process ? { number: process.number, definition: process.definition } : null,
    answers: answers ?? null,
    submittedAtApplication: application.submittedAt,
  } satisfies MyReview;
});

/**
 * The reviewer declares a conflict of interest (with a reason, which recuses them) or none (which
 * opens the application to them for scoring).
 */
export const declare = verb(
  applicationKey.extend({
    version: versionSchema,
    conflict: z.boolean({ error: "Say whether you have a conflict of interest." }),
    reason: z.string().trim().max(1000, "Keep the reason to at most 1,000 characters.").optional(),
  }),
  async ({ version, conflict, reason, ...key }) => {
    const review = await ownReview(key);
    if (review.state !== "declare") {
      throw new RuleError("You have already declared whether you have a conflict of interest.");
    }
    requireUnderReview(await Application.read(key));
    if (conflict && (!reason || reason.length < 3)) {
      const message = "Say briefly what the conflict of interest is, for the panel record.";
      throw new ValidationError(message, { reason: message });
    }
    const reviewerId = review.reviewerId;
    await change("review.declare", async () => {
      const { write, audit } = useChange();
      write(
        ({ review: reviews }) =>
          reviews
            .patch({ siteId: key.siteId, applicationId: key.applicationId, reviewerId })
            .set({
              state: conflict ? "recused" : "scoring",
              queue: conflict ? "closed" : "open",
              declaredAt: now().toISOString(),
              ...(conflict ? { conflictReason: reason } : {}),
            })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(staleReview),
      );
      Application.touch(key, conflict ? { recuse: reviewerId } : {});
      audit({
        siteId: key.siteId,
        action: conflict ? "review.recused" : "review.no_conflict",
        recordType: "application",
        recordId: key.applicationId,
        after: { organisationId: key.organisationId, reviewerId },
        ...(conflict ? { changed: ["reason"] } : {}),
      });
    });
    return mine(key);
  },
);

/** Saves the reviewer's score (or abstention, `score: null`) and comment on one criterion. */
export const saveScore = verb(
  applicationKey.extend({
    version: versionSchema,
    criterionId: z.string().min(1).max(40),
    score: z.number().int("Choose a point on the scale.").min(1).max(5).nullable(),
    comment: z.string().trim().max(3000, "Keep the comment to at most 3,000 characters."),
  }),
  async ({ version, criterionId, score, comment, ...key }) => {
    const review = await ownReview(key);
    if (review.state === "submitted") throw new RuleError("You have submitted this review, so its scores are final.");
    if (review.state !== "scoring") throw new RuleError("Declare whether you have a conflict of interest first.");
    const application = await Application.read(key);
    requireUnderReview(application);
    const { definition } = await Process.versionOf(key.siteId, application.processVersion);
    if (!definition.criteria.some((criterion) => criterion.criterionId === criterionId)) {
      throw new NotFoundError("That criterion is not part of this application's process.");
    }
    if (score !== null && score > definition.scale.length) {
      throw new ValidationError(`Choose a point from 1 to ${definition.scale.length} on the scale.`);
    }
    const scores = { ...parseScores(review.scores), [criterionId]: { score, comment } };
    await change("review.saveScore", async () => {
      const { write, audit } = useChange();
      write(
        ({ review: reviews }) =>
          reviews
            .patch({ siteId: key.siteId, applicationId: key.applicationId, reviewerId: review.reviewerId })
            .set({ scores: JSON.stringify(scores) })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(staleReview),
      );
      audit({
        siteId: key.siteId,
        action: "review.score_saved",
        recordType: "application",
        recordId: key.applicationId,
        after: { organisationId: key.organisationId, criterionId, abstained: score === null },
        changed: ["score"],
      });
    });
    return { version: version + 1, scores };
  },
);

/** Submits the review: every criterion scored or abstained on, at least one scored. */
export const submit = verb(applicationKey.extend({ version: versionSchema }), async ({ version, ...key }) => {
  const review = await ownReview(key);
  if (review.state === "submitted") throw new RuleError("You have already submitted this review.");
  if (review.state !== "scoring") throw new RuleError("Declare whether you have a conflict of interest first.");
  const application = await Application.read(key);
  requireUnderReview(application);
  const { definition } = await Process.versionOf(key.siteId, application.processVersion);
  const scores = parseScores(review.scores);
  const missing = definition.criteria.filter((criterion) => !(criterion.criterionId in scores));
  if (missing.length > 0) {
    throw new ValidationError(
      missing.length === 1
        ? "1 criterion needs a score, or say you abstain on it, before you submit."
        : `${missing.length} criteria need a score, or say you abstain on them, before you submit.`,
      Object.fromEntries(missing.map((criterion) => [criterion.criterionId, "Choose a score, or abstain."])),
    );
  }
  if (Object.values(scores).every((entry) => entry.score === null)) {
    throw new RuleError("Score at least one criterion: a review that abstains on every criterion says nothing.");
  }
  await change("review.submit", async () => {
    const { write, audit } = useChange();
    write(
      ({ review: reviews }) =>
        reviews
          .patch({ siteId: key.siteId, applicationId: key.applicationId, reviewerId: review.reviewerId })
          .set({ state: "submitted", queue: "closed", submittedAt: now().toISOString() })
          .add({ version: 1 })
          .where((attributes, operations) => operations.eq(attributes.version, version))
          .commit(),
      () => new ConflictError(staleReview),
    );
    Application.touch(key);
    countPanelScores(key.siteId, definition, scores);
    audit({
      siteId: key.siteId,
      action: "review.submitted",
      recordType: "application",
      recordId: key.applicationId,
      after: { organisationId: key.organisationId, reviewerId: review.reviewerId },
    });
  });
  return mine(key);
});

/**
 * Adds a submitted review's scores to the site's panel figures, by the national characteristic
 * each criterion links to: points given and the most they could have been, so sites whose
 * criteria are worded differently, or whose scales are longer, compare as shares of the top.
 */
function countPanelScores(siteId: string, definition: ProcessDefinition, scores: Scores) {
  for (const [figure, amount] of panelFigures(definition, scores)) SiteStats.count(siteId, figure, amount);
}

/** What one submitted review adds to the panel figures: also how reconcile.ts recounts them. */
export function panelFigures(definition: ProcessDefinition, scores: Scores): Array<[figure: string, amount: number]> {
  return definition.criteria.flatMap((criterion): Array<[string, number]> => {
    const score = scores[criterion.criterionId]?.score;
    if (criterion.characteristic === null || score === null || score === undefined) return [];
    return [
      [SiteStats.counterName.panelPoints(criterion.characteristic), score],
      [SiteStats.counterName.panelOutOf(criterion.characteristic), definition.scale.length],
      [SiteStats.counterName.panelScores(criterion.characteristic), 1],
    ];
  });
}

/**
 * Every submitted review's scores side by side, with averages, where reviewers disagree, the
 * recusals with their reasons and the panel's record. A reviewer sees it only once they have
 * submitted their own review; a recused reviewer never; the lead and team when they are not
 * reviewing it, or have submitted. Experts who are not reviewing it get "not found".
 */
export const panel = verb(applicationKey, async (key): Promise<Panel> => {
  await mayReadPanel(key);
  const application = await Application.read(key);
  const [reviews, process, record] = await Promise.all([
    reviewsOf(key),
    Process.versionOf(key.siteId, application.processVersion),
    db.entities.panel.get({ siteId: key.siteId, applicationId: key.applicationId }).go({ consistent: true }),
  ]);
  const names = await Person.namesOf(reviews.map((review) => review.reviewerId));
  const nameOf = (id: string) => names.get(id) ?? "Former member";
  const submitted = reviews.filter((review) => review.state === "submitted");
  const scored = submitted.map((review) => ({ reviewerId: review.reviewerId, scores: parseScores(review.scores) }));
  const { definition } = process;
  return {
    criteria: summarisePanel(
      definition.criteria.map((criterion) => criterion.criterionId),
      scored,
    ),
    reviewers: scored.map((review, index) => ({
      reviewerId: review.reviewerId,
      name: nameOf(review.reviewerId),
      role: (submitted[index] as ReviewItem).reviewerRole,
      comments: Object.fromEntries(Object.entries(review.scores).map(([id, entry]) => [id, entry.comment])),
    })),
    recusals: reviews
      .filter((review) => review.state === "recused")
      .map((review) => ({
        reviewerId: review.reviewerId,
        name: nameOf(review.reviewerId),
        reason: review.conflictReason ?? "",
      })),
    waiting: reviews
      .filter((review) => review.state === "declare" || review.state === "scoring")
      .map((review) => ({
        reviewerId: review.reviewerId,
        name: nameOf(review.reviewerId),
        state: review.state,
        dueDate: review.dueDate,
      })),
    record: record.data
      ? {
          agreedView: record.data.agreedView,
          feedback: record.data.feedback,
          version: record.data.version,
          recordedAt: record.data.updatedAt,
        }
      : null,
    scale: definition.scale,
    criteriaWording: definition.criteria,
  };
});

/**
 * The lead records the panel's agreed view and its feedback for the provider, once every review
 * still expected is in. `version` is 0 for the first record, then the record's version.
 */
export const recordPanel = verb(
  applicationKey.extend({
    version: z.number().int().min(0).max(1_000_000_000),
    agreedView: writtenText("the panel's agreed view", 10, 5000),
    feedback: writtenText("the feedback for the provider", 10, 5000),
  }),
  async ({ version, agreedView, feedback, ...key }) => {
    await mayReadPanel(key);
    const [application, reviews] = await Promise.all([Application.read(key), reviewsOf(key)]);
    requireUnderReview(application);
    if (!reviews.some((review) => review.state === "submitted")) {
      throw new RuleError("Record the panel's view once at least one review has been submitted.");
    }
    if (reviews.some((review) => review.state === "declare" || review.state === "scoring")) {
      throw new RuleError(
        "Some reviews are still to come. Wait for them, or take those reviewers off the application, before recording the panel's view.",
      );
    }
    const stale = () =>
      new ConflictError("Someone else recorded the panel's view just now. Refresh the page to see theirs.");
    const panelKey = { siteId: key.siteId, applicationId: key.applicationId };
    await change("review.recordPanel", async () => {
      const { write, audit } = useChange();
      const recordedBy = useActor().personId;
      if (version === 0) {
        write(
          ({ panel: panels }) =>
            panels
              .create({ ...panelKey, organisationId: key.organisationId, agreedView, feedback, recordedBy })
              .commit(),
          stale,
        );
      } else {
        write(
          ({ panel: panels }) =>
            panels
              .patch(panelKey)
              .set({ agreedView, feedback, recordedBy })
              .add({ version: 1 })
              .where((attributes, operations) => operations.eq(attributes.version, version))
              .commit(),
          stale,
        );
      }
      Application.touch(key);
      audit({
        siteId: key.siteId,
        action: "review.panel_recorded",
        recordType: "application",
        recordId: key.applicationId,
        after: { organisationId: key.organisationId },
        changed: ["agreedView", "feedback"],
      });
    });
    return panel(key);
  },
);

/** The panel's record of an application, for the decision: its feedback, or nothing yet. */
export async function panelRecord(siteId: string, applicationId: string) {
  const { data } = await db.entities.panel.get({ siteId, applicationId }).go({ consistent: true });
  return data ?? null;
}

/** Submitted reviews' scores, for seeding a development plan from the weakest criteria. */
export async function submittedScores(key: ApplicationKey) {
  return (await reviewsOf(key))
    .filter((review) => review.state === "submitted")
    .map((review) => ({ reviewerId: review.reviewerId, scores: parseScores(review.scores) }));
}

/**
 * Refuses a caller who declared a conflict of interest with this application: they take no part in
 * deciding it, as they read none of it.
 */
export async function requireNotRecused(
  key: ApplicationKey,
  message = "You declared a conflict of interest with this application, so another project lead needs to do this.",
): Promise<void> {
  const { personId } = useMembership(key.siteId);
  const { data } = await db.entities.review
    .get({ siteId: key.siteId, applicationId: key.applicationId, reviewerId: personId })
    .go({ consistent: true });
  if (data?.state === "recused") throw new ForbiddenError(message);
}

/** How many days before a review's due date the first reminder goes, and after it the second. */
export const reminderDays = { before: 7, after: 3 } as const;

/**
 * Sends the reminders due on `day` (a UK calendar day) in every site: to reviewers whose review is
 * due in 7 days, and to those whose review was due 3 days ago and is still not submitted. Each
 * review is marked as reminded in the same change as its message, so running twice sends once.
 * Returns how many reminders went. Run it as the platform (`withActor(systemActor, …)`): the
 * reminders' audit events name who sent them.
 */
export async function remind(day: string = today()): Promise<{ before: number; overdue: number }> {
  const sent = { before: 0, overdue: 0 };
  for (const kind of ["before", "overdue"] as const) {
    const dueDate = kind === "before" ? addDays(day, reminderDays.before) : addDays(day, -reminderDays.after);
    const { data } = await db.entities.review.query.byDueDate({ dueDate }).go({ pages: "all" });
    for (const review of data) {
      const flag = kind === "before" ? "remindedBefore" : "remindedOverdue";
      if (review.queue !== "open" || review[flag]) continue;
      const key = { siteId: review.siteId, applicationId: review.applicationId, reviewerId: review.reviewerId };
      try {
        await change("review.remind", async () => {
          const { write, audit, send } = useChange();
          write(({ review: reviews }) =>
            reviews
              .patch(key)
              .set({ [flag]: true })
              .where(
                (attributes, operations) =>
                  `${operations.eq(attributes[flag], false)} AND ${operations.eq(attributes.queue, "open")} AND ${operations.eq(attributes.dueDate, dueDate)}`,
              )
              .commit(),
          );
          audit({
            siteId: review.siteId,
            action: kind === "before" ? "review.reminded" : "review.reminded_overdue",
            recordType: "application",
            recordId: review.applicationId,
            after: { organisationId: review.organisationId, reviewerId: review.reviewerId, dueDate },
          });
          send({
            siteId: review.siteId,
            template: kind === "before" ? "review-due-soon" : "review-overdue",
            to: { person: review.reviewerId },
            params: { applicationId: review.applicationId, organisationId: review.organisationId, dueDate },
          });
        });
        sent[kind]++;
      } catch (error) {
        // Another sweep reminded them, or the review moved on, a moment ago: nothing to send.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }
  return sent;
}

/** A reviewer's open reviews in every site, soonest due first: for their inbox. */
export async function openFor(personId: string) {
  const { data } = await db.entities.review.query
    .byReviewer({ reviewerId: personId, queue: "open" })
    .go({ pages: "all" });
  return data.map((review) => ({
    siteId: review.siteId,
    organisationId: review.organisationId,
    applicationId: review.applicationId,
    state: review.state,
    dueDate: review.dueDate,
  }));
}

/**
 * The record-level rule "assigned": the caller's own review of this application, or "not found"
 * (for anyone, whatever their role, who is not reviewing it).
 */
async function ownReview(key: ApplicationKey): Promise<ReviewItem> {
  const { personId } = useMembership(key.siteId);
  const { data } = await db.entities.review
    .get({ siteId: key.siteId, applicationId: key.applicationId, reviewerId: personId })
    .go({ consistent: true });
  if (!data || data.organisationId !== key.organisationId) throw new NotFoundError(notAssigned);
  return data;
}

const notAssigned = "We could not find a review of that application for you.";

/** Whether the caller may read other reviewers' scores on this application (see `panel`). */
async function mayReadPanel(key: ApplicationKey): Promise<void> {
  const membership = useMembership(key.siteId);
  const { data } = await db.entities.review
    .get({ siteId: key.siteId, applicationId: key.applicationId, reviewerId: membership.personId })
    .go({ consistent: true });
  if (data && data.organisationId !== key.organisationId) throw new NotFoundError(notAssigned);
  if (!data) {
    if (membership.role === "lead" || membership.role === "team") return;
    throw new NotFoundError(notAssigned);
  }
  if (data.state === "recused") throw new ForbiddenError(Application.recusedMessage);
  if (data.state !== "submitted") {
    throw new ForbiddenError("You will see the other reviewers' scores once you have submitted your own review.");
  }
}

async function readReview(key: ApplicationKey, reviewerId: string): Promise<ReviewItem> {
  const { data } = await db.entities.review
    .get({ siteId: key.siteId, applicationId: key.applicationId, reviewerId })
    .go({ consistent: true });
  if (!data || data.organisationId !== key.organisationId)
    throw new NotFoundError("That person is not reviewing this application.");
  return data;
}

async function reviewsOf(key: ApplicationKey): Promise<ReviewItem[]> {
  const { data } = await db.entities.review.query
    .byApplication({ siteId: key.siteId, applicationId: key.applicationId })
    .go({ pages: "all", consistent: true });
  return data.filter((review) => review.organisationId === key.organisationId);
}

function requireUnderReview(application: Application.Application) {
  if (application.status === "decided") throw new RuleError("The panel has already decided on this application.");
  if (application.status !== "submitted") {
    throw new RuleError(
      application.status === "draft"
        ? "This application has not been sent yet, so it cannot be reviewed."
        : "This application was withdrawn, so it cannot be reviewed.",
    );
  }
}

export function parseScores(json: string): Scores {
  return JSON.parse(json) as Scores;
}
