import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor, useMembership } from "./actor";
import { change, useChange } from "./change";
import { dayMs, now } from "./clock";
import * as Cursor from "./cursor";
import { db } from "./db";
import type { Outcome } from "./decision-shape";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Organisation from "./organisation";
import { type CqcStatus, cqcStatuses, mayApplyFrom } from "./organisation-shape";
import * as Process from "./process";
import type { ProcessDefinition, Question, Stage } from "./process-definition";
import { decidedColumn, withdrawnColumn } from "./process-shape";

import * as Site from "./site";
import * as SiteStats from "./site-stats";
import { cursorSchema, pageSizeSchema, recordIdSchema, siteIdSchema, verb, versionSchema } from "./validation";

/**
 * Applications: an organisation applies to a site on the newest published version of the site's
 * process and keeps that version to the end. While it is a draft, its people save answers one
 * at a time; submitting checks the required ones and locks them, and moves the application to the
 * process's second stage, from where the site team moves it on. Every move counts in the site's
 * statistics in the same change, so the board's counts never drift from its columns.
 */

export type ApplicationStatus = "draft" | "submitted" | "withdrawn" | "decided";

export interface Application {
  siteId: string;
  organisationId: string;
  applicationId: string;
  organisationName: string;
  cqcStatus: CqcStatus;
  processVersion: number;
  status: ApplicationStatus;
  stageId: string;
  stageEnteredAt: string;
  startedAt: string;
  submittedAt: string | null;
  withdrawnAt: string | null;
  /** When anything last happened to it; the board flags an application quiet for too long. */
  movedAt: string;
  /** The open request for more information, and the questions it reopens to the provider. */
  openRequestId: string | null;
  requestedQuestionIds: string[];
  outcome: Outcome | null;
  decidedAt: string | null;
  version: number;
}

/** A saved answer and the version the next save of it must name. */
export interface SavedAnswer {
  questionId: string;
  value: AnswerValue;
  version: number;
  updatedAt: string;
}

export type AnswerValue = string | number | boolean | string[] | null;

export const applicationKey = z.strictObject({
  siteId: siteIdSchema,
  organisationId: recordIdSchema,
  applicationId: recordIdSchema,
});
const questionIdSchema = z.string().min(1).max(40);
export const staleApplication =
  "Someone else changed this application just now. Look at where it is now, then try again.";

/** Starts an application on the site's newest published process, for an organisation that may apply. */
export const start = verb(
  z.strictObject({ siteId: siteIdSchema, organisationId: recordIdSchema }),
  async ({ siteId, organisationId }) => {
    Organisation.ownOrganisation(siteId, organisationId);
    const [organisation, open, latest] = await Promise.all([
      Organisation.read(siteId, organisationId),
      Site.isOpen(siteId),
      Process.latestNumber(siteId),
    ]);
    if (!mayApplyFrom.includes(organisation.standing)) {
      throw new RuleError(
        organisation.currentApplicationId
          ? "Your organisation already has an application with this site."
          : "Your organisation cannot start a new application with this site.",
      );
    }
    if (!open || !latest) throw new RuleError("This site is not taking applications at the moment.");
    const { definition } = await Process.versionOf(siteId, latest);
    const firstStage = definition.stages[0] as Stage;
    const applicationId = randomUUID();
    const startedAt = now().toISOString();
    await change("application.start", async () => {
      const { write, audit } = useChange();
      write(({ application }) =>
        application
          .create({
            siteId,
            organisationId,
            applicationId,
            processVersion: latest,
            status: "draft",
            stageId: firstStage.stageId,
            boardColumn: firstStage.stageId,
            stageEnteredAt: startedAt,
            movedAt: startedAt,
            organisationName: Organisation.displayName(organisation),
            cqcStatus: organisation.cqcStatus,
            startedBy: useActor().personId,
            createdAt: startedAt,
          })
          .commit(),
      );
      Organisation.moveStanding(
        siteId,
        organisationId,
        organisation.version,
        organisation.standing,
        "applying",
        applicationId,
      );
      Site.requireOpen(siteId);
      SiteStats.count(siteId, SiteStats.counterName.column(firstStage.stageId), 1);
      audit({
        siteId,
        action: "application.started",
        recordType: "application",
        recordId: applicationId,
        after: { organisationId, processVersion: latest, stageId: firstStage.stageId },
      });
    });
    return get({ siteId, organisationId, applicationId });
  },
);

/** An application with the version of the process it is on and its answers so far. */
export const get = verb(applicationKey, async (key) => {
  Organisation.ownOrganisation(key.siteId, key.organisationId);
  // The answers are read beside the application, and returned only once it shows the caller is
  // not recused from it: one round trip instead of two.
  const [{ application, recusedIds }, answers] = await Promise.all([readWithRecusals(key), answersOf(key)]);
  if (recusedIds.includes(useMembership(key.siteId).personId)) throw new ForbiddenError(recusedMessage);
  const process = await Process.versionOf(key.siteId, application.processVersion);
  return { application, process: { number: process.number, definition: process.definition }, answers };
});

/** An organisation's applications, oldest first: what it applied on and what became of each. */
export const history = verb(
  z.strictObject({ siteId: siteIdSchema, organisationId: recordIdSchema }),
  async ({ siteId, organisationId }) => {
    Organisation.ownOrganisation(siteId, organisationId);
    const { data } = await db.entities.application.query
      .byOrganisation({ siteId, organisationId })
      .go({ pages: "all", consistent: true });
    return data.map(toApplication);
  },
);

/** Refused to a reviewer who declared a conflict, whatever else their role lets them see. */
export const recusedMessage =
  "You declared a conflict of interest with this application, so you cannot open it. Ask the project lead if this is wrong.";

const answerValueSchema = z.union(
  [
    z.string().max(10_000, "Keep the answer to at most 10,000 characters."),
    z.number(),
    z.boolean(),
    z.array(z.string().max(40)).max(12),
    z.null(),
  ],
  { error: "That answer is not one this question takes." },
);

/**
 * Saves one answer of a draft. `version` is the answer's version the person last saw (0 for a
 * question not answered before); if someone else saved it since, nothing is written and they are
 * told, so two tabs never overwrite each other silently.
 */
export const saveAnswer = verb(
  applicationKey.extend({ questionId: questionIdSchema, value: answerValueSchema, version: z.number().int().min(0) }),
  async ({ questionId, value, version, ...key }) => {
    Organisation.ownOrganisation(key.siteId, key.organisationId);
    const application = await read(key);
    const reopened = application.requestedQuestionIds.includes(questionId);
    if (application.status !== "draft" && !reopened) throw new RuleError(lockedMessage);
    const { definition } = await Process.versionOf(key.siteId, application.processVersion);
    const question = questionsOf(definition).find((candidate) => candidate.questionId === questionId);
    if (!question) throw new NotFoundError("That question is not on this application's form.");
    const stored = JSON.stringify(checkAnswer(question, value));
    const savedBy = useActor().personId;
    const answerKey = { ...key, questionId };
    await change("application.saveAnswer", async () => {
      const { write, audit } = useChange();
      const conflict = () =>
        new ConflictError(
          "This answer was saved in another tab or by a colleague after you opened it, so yours has not been saved yet.",
        );
      if (version === 0) {
        write(({ answer }) => answer.create({ ...answerKey, value: stored, savedBy }).commit(), conflict);
      } else {
        write(
          ({ answer }) =>
            answer
              .patch(answerKey)
              .set({ value: stored, savedBy })
              .add({ version: 1 })
              .where((attributes, operations) => operations.eq(attributes.version, version))
              .commit(),
          conflict,
        );
      }
      // Submitting locks the answers (all but those a request for information reopens): a save
      // that races a submit, or a send back, fails here rather than slipping in.
      write(
        ({ application: applications }) =>
          applications
            .check(key)
            .where(
              (attributes, operations) =>
                `${operations.eq(attributes.status, "draft")} OR ${operations.contains(attributes.requestedQuestionIds, questionId)}`,
            )
            .commit(),
        () => new RuleError(lockedMessage),
      );
      audit({
        siteId: key.siteId,
        action: "application.answer_saved",
        recordType: "application",
        recordId: key.applicationId,
        after: { organisationId: key.organisationId, questionId },
        changed: ["answer"],
      });
    });
    return { questionId, value: JSON.parse(stored) as AnswerValue, version: version + 1 };
  },
);

const lockedMessage = "This application has been sent, so its answers can no longer change.";

/** Submits a draft: every required question must have an answer; then the answers are locked. */
export const submit = verb(applicationKey.extend({ version: versionSchema }), async ({ version, ...key }) => {
  Organisation.ownOrganisation(key.siteId, key.organisationId);
  const application = await read(key);
  if (application.version !== version) throw new ConflictError(staleApplication);
  if (application.status !== "draft") throw new RuleError("This application has already been sent.");
  const [{ definition }, answers, organisation] = await Promise.all([
    Process.versionOf(key.siteId, application.processVersion),
    answersOf(key),
    Organisation.read(key.siteId, key.organisationId),
  ]);
  const answered = new Map(answers.map((answer) => [answer.questionId, answer.value]));
  const missing = questionsOf(definition).filter(
    (question) => question.required && isEmpty(answered.get(question.questionId)),
  );
  if (missing.length > 0) {
    throw new ValidationError(
      missing.length === 1
        ? "1 question needs an answer before you can send your application."
        : `${missing.length} questions need an answer before you can send your application.`,
      Object.fromEntries(missing.map((question) => [question.questionId, "Answer this question."])),
    );
  }
  const [firstStage, secondStage] = definition.stages as [Stage, Stage];
  const submittedAt = now().toISOString();
  const days = Math.floor((Date.parse(submittedAt) - Date.parse(application.startedAt)) / dayMs);
  await change("application.submit", async () => {
    const { write, audit } = useChange();
    write(
      ({ application: applications }) =>
        applications
          .patch(key)
          .set({
            status: "submitted",
            stageId: secondStage.stageId,
            boardColumn: secondStage.stageId,
            stageEnteredAt: submittedAt,
            movedAt: submittedAt,
            cqcStatus: application.cqcStatus,
            submittedAt,
            submittedBy: useActor().personId,
          })
          .add({ version: 1 })
          .where((attributes, operations) => operations.eq(attributes.version, version))
          .commit(),
      () => new ConflictError(staleApplication),
    );
    Organisation.moveStanding(key.siteId, key.organisationId, organisation.version, organisation.standing, "in-review");
    moveColumn(key.siteId, firstStage.stageId, secondStage.stageId);
    SiteStats.count(key.siteId, SiteStats.counterName.submitted, 1, SiteStats.monthOf(submittedAt));
    SiteStats.count(key.siteId, SiteStats.counterName.submitDays(SiteStats.daysBucket(days)), 1);
    audit({
      siteId: key.siteId,
      action: "application.submitted",
      recordType: "application",
      recordId: key.applicationId,
      before: { status: "draft", stageId: firstStage.stageId },
      after: { organisationId: key.organisationId, status: "submitted", stageId: secondStage.stageId },
    });
  });
  return read(key);
});

/**
 * The organisation withdraws its application, drafted or sent. It leaves the board's stages for
 * the withdrawn column, and the organisation may apply again later.
 */
export const withdraw = verb(applicationKey.extend({ version: versionSchema }), async ({ version, ...key }) => {
  Organisation.ownOrganisation(key.siteId, key.organisationId);
  const application = await read(key);
  if (application.version !== version) throw new ConflictError(staleApplication);
  if (application.status === "withdrawn") throw new RuleError("This application has already been withdrawn.");
  if (application.status === "decided") throw new RuleError("The panel has already decided on this application.");
  const organisation = await Organisation.read(key.siteId, key.organisationId);
  const withdrawnAt = now().toISOString();
  await change("application.withdraw", async () => {
    const { write, audit } = useChange();
    write(
      ({ application: applications }) =>
        applications
          .patch(key)
          .set({
            status: "withdrawn",
            boardColumn: withdrawnColumn,
            stageEnteredAt: withdrawnAt,
            movedAt: withdrawnAt,
            cqcStatus: application.cqcStatus,
            withdrawnAt,
          })
          .add({ version: 1 })
          .where((attributes, operations) => operations.eq(attributes.version, version))
          .commit(),
      () => new ConflictError(staleApplication),
    );
    Organisation.moveStanding(
      key.siteId,
      key.organisationId,
      organisation.version,
      organisation.standing,
      "withdrawn",
      null,
    );
    moveColumn(key.siteId, application.stageId, withdrawnColumn);
    await closeOpenReviews(key);
    audit({
      siteId: key.siteId,
      action: "application.withdrawn",
      recordType: "application",
      recordId: key.applicationId,
      before: { status: application.status, stageId: application.stageId },
      after: { organisationId: key.organisationId, status: "withdrawn" },
    });
  });
  return read(key);
});

/**
 * The site team moves a sent application to another stage of its process. `version` is the one
 * they saw: when two people move it at once, the first wins and the second is told.
 */
export const moveStage = verb(
  applicationKey.extend({ version: versionSchema, stageId: questionIdSchema }),
  async ({ version, stageId, ...key }) => {
    const application = await read(key);
    if (application.version !== version) throw new ConflictError(staleApplication);
    if (application.status !== "submitted") {
      throw new RuleError(
        application.status === "draft"
          ? "This application has not been sent yet, so it stays with the provider."
          : application.status === "decided"
            ? "The panel has decided on this application, so it cannot move."
            : "This application was withdrawn, so it cannot move.",
      );
    }
    const { definition } = await Process.versionOf(key.siteId, application.processVersion);
    const index = definition.stages.findIndex((stage) => stage.stageId === stageId);
    if (index < 0) throw new NotFoundError("That stage is not part of this application's process.");
    if (index === 0) {
      throw new RuleError("A sent application cannot go back to the provider's stage: its answers are locked.");
    }
    if (stageId === application.stageId) return application;
    const movedAt = now().toISOString();
    await change("application.moveStage", async () => {
      const { write, audit } = useChange();
      write(
        ({ application: applications }) =>
          applications
            .patch(key)
            .set({ stageId, boardColumn: stageId, stageEnteredAt: movedAt, movedAt, cqcStatus: application.cqcStatus })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(staleApplication),
      );
      moveColumn(key.siteId, application.stageId, stageId);
      audit({
        siteId: key.siteId,
        action: "application.stage_moved",
        recordType: "application",
        recordId: key.applicationId,
        before: { stageId: application.stageId },
        after: { organisationId: key.organisationId, stageId },
      });
    });
    return read(key);
  },
);

/** A card on the board. */
export type BoardCard = Application;

/**
 * One column of the site's board, longest in the stage first, a page at a time. Each filter is
 * part of the key the query reads (the CQC status picks the index, time in stage bounds the sort
 * key), so every page is full until the column runs out: nothing is filtered after a limit.
 */
export const board = verb(
  z.strictObject({
    siteId: siteIdSchema,
    column: questionIdSchema,
    cqcStatus: z.enum(cqcStatuses).optional(),
    minDaysInStage: z.number().int().min(0).max(3650).optional(),
    cursor: cursorSchema,
    limit: pageSizeSchema,
  }),
  async ({ siteId, column, cqcStatus, minDaysInStage, cursor, limit }) => {
    const scope = ["application.board", siteId, column, cqcStatus ?? "", String(minDaysInStage ?? "")];
    const options = { cursor: Cursor.open(scope, cursor), limit };
    const before = minDaysInStage ? new Date(now().getTime() - minDaysInStage * dayMs).toISOString() : undefined;
    const queries = db.entities.application.query;
    const query = cqcStatus
      ? queries.boardByCqc({ siteId, boardColumn: column, cqcStatus })
      : queries.board({ siteId, boardColumn: column });
    const page = await (before ? query.lt({ stageEnteredAt: before }) : query).go(options);
    return { items: page.data.map(toApplication), cursor: Cursor.seal(scope, page.cursor) };
  },
);

export interface BoardColumn {
  column: string;
  name: string;
  count: number;
  /** Whether this is a stage of the newest published process (or only of older versions). */
  current: boolean;
}

/**
 * The board's columns with their counts: the stages of the newest published process, any stage
 * of an older version that still holds applications, and the withdrawn column. Also how many
 * organisations have registered interest without starting an application.
 */
export const boardSummary = verb(z.strictObject({ siteId: siteIdSchema }), async ({ siteId }) => {
  const [counts, latest] = await Promise.all([SiteStats.counts(siteId), Process.latestNumber(siteId)]);
  const stages = latest ? (await Process.versionOf(siteId, latest)).definition.stages : [];
  const columns: BoardColumn[] = stages.map((stage) => ({
    column: stage.stageId,
    name: stage.name.plain,
    count: counts.get(SiteStats.counterName.column(stage.stageId)) ?? 0,
    current: true,
  }));
  const known = new Set([...stages.map((stage) => stage.stageId), withdrawnColumn, decidedColumn]);
  const older = [...counts.entries()]
    .filter(([name, value]) => name.startsWith("column:") && value > 0)
    .map(([name, value]) => ({ column: name.slice("column:".length), count: value }))
    .filter(({ column }) => !known.has(column));
  for (const stage of older) {
    columns.push({ ...stage, name: await olderStageName(siteId, stage.column, latest), current: false });
  }
  columns.push({
    column: decidedColumn,
    name: "Decided",
    count: counts.get(SiteStats.counterName.column(decidedColumn)) ?? 0,
    current: true,
  });
  columns.push({
    column: withdrawnColumn,
    name: "Withdrawn",
    count: counts.get(SiteStats.counterName.column(withdrawnColumn)) ?? 0,
    current: true,
  });
  return {
    columns,
    publishedVersion: latest,
    registeredInterest: counts.get(SiteStats.counterName.standing("interest")) ?? 0,
  };
});

/** A stage's name from the newest older version that has it. */
async function olderStageName(siteId: string, stageId: string, latest: number): Promise<string> {
  for (let number = latest - 1; number >= 1; number--) {
    const stage = (await Process.versionOf(siteId, number)).definition.stages.find((s) => s.stageId === stageId);
    if (stage) return stage.name.plain;
  }
  return "Earlier stage";
}

export async function read(key: z.output<typeof applicationKey>): Promise<Application> {
  return (await readWithRecusals(key)).application;
}

/** An application, and the reviewers who recused themselves from it (never shown to anyone). */
async function readWithRecusals(key: z.output<typeof applicationKey>) {
  const { data } = await db.entities.application.get(key).go({ consistent: true });
  if (!data) throw new NotFoundError("We could not find that application.");
  return { application: toApplication(data), recusedIds: data.recusedIds ?? [] };
}

export async function answersOf(key: z.output<typeof applicationKey>): Promise<SavedAnswer[]> {
  const { data } = await db.entities.answer.query.byApplication(key).go({ pages: "all", consistent: true });
  return data.map((item) => ({
    questionId: item.questionId,
    value: JSON.parse(item.value) as AnswerValue,
    version: item.version,
    updatedAt: item.updatedAt,
  }));
}

export function questionsOf(definition: ProcessDefinition): Question[] {
  return definition.pages.flatMap((page) => page.questions);
}

export function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Checks an answer against its question's kind; returns it tidied (text trimmed). */
function checkAnswer(question: Question, value: AnswerValue): AnswerValue {
  if (value === null) return null;
  const wrong = (message: string) => new ValidationError(message, { [question.questionId]: message });
  const optionIds = question.options.map((option) => option.optionId);
  switch (question.kind) {
    case "long-text":
    case "short-text": {
      if (typeof value !== "string") throw wrong("Write your answer as text.");
      const limit = question.kind === "short-text" ? 300 : 10_000;
      if (value.length > limit) throw wrong(`Keep the answer to at most ${limit.toLocaleString("en-GB")} characters.`);
      return value.trim();
    }
    case "single-choice":
      if (typeof value !== "string" || !optionIds.includes(value)) throw wrong("Choose one of the options.");
      return value;
    case "multiple-choice":
      if (
        !Array.isArray(value) ||
        value.some((id) => !optionIds.includes(id)) ||
        new Set(value).size !== value.length
      ) {
        throw wrong("Choose from the options given.");
      }
      return optionIds.filter((id) => value.includes(id));
    case "yes-no":
      if (typeof value !== "boolean") throw wrong("Choose yes or no.");
      return value;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > 1_000_000_000) {
        throw wrong("Enter a number.");
      }
      return value;
    case "date": {
      // A real calendar date: "2026-02-30" and "2026-13-01" are not, and neither may throw.
      const date =
        typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      const valid = date !== null && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value as string);
      if (!valid) throw wrong("Enter a real date, like 2026-03-14.");
      return value;
    }
  }
}

/** Moves an application's count from one board column to another. */
export function moveColumn(siteId: string, from: string, to: string) {
  SiteStats.count(siteId, SiteStats.counterName.column(from), -1);
  SiteStats.count(siteId, SiteStats.counterName.column(to), 1);
}

type ApplicationItem = {
  siteId: string;
  organisationId: string;
  applicationId: string;
  organisationName: string;
  cqcStatus: CqcStatus;
  processVersion: number;
  status: ApplicationStatus;
  stageId: string;
  stageEnteredAt: string;
  createdAt: string;
  submittedAt?: string;
  withdrawnAt?: string;
  movedAt?: string;
  openRequestId?: string;
  requestedQuestionIds?: string[];
  outcome?: Outcome;
  decidedAt?: string;
  version: number;
};

function toApplication(item: ApplicationItem): Application {
  return {
    siteId: item.siteId,
    organisationId: item.organisationId,
    applicationId: item.applicationId,
    organisationName: item.organisationName,
    cqcStatus: item.cqcStatus,
    processVersion: item.processVersion,
    status: item.status,
    stageId: item.stageId,
    stageEnteredAt: item.stageEnteredAt,
    startedAt: item.createdAt,
    submittedAt: item.submittedAt ?? null,
    withdrawnAt: item.withdrawnAt ?? null,
    movedAt: item.movedAt ?? item.stageEnteredAt,
    openRequestId: item.openRequestId ?? null,
    requestedQuestionIds: item.requestedQuestionIds ?? [],
    outcome: item.outcome ?? null,
    decidedAt: item.decidedAt ?? null,
    version: item.version,
  };
}

/**
 * Closes the reviews still open on an application that has left review (decided or withdrawn),
 * inside the current change: they leave their reviewers' inboxes and get no more reminders.
 */
export async function closeOpenReviews(key: z.output<typeof applicationKey>): Promise<void> {
  const { data } = await db.entities.review.query
    .byApplication({ siteId: key.siteId, applicationId: key.applicationId })
    .go({ pages: "all", consistent: true });
  const { write } = useChange();
  for (const review of data.filter((item) => item.queue === "open" && item.organisationId === key.organisationId)) {
    write(({ review: reviews }) =>
      reviews
        .patch({ siteId: key.siteId, applicationId: key.applicationId, reviewerId: review.reviewerId })
        .set({ queue: "closed" })
        .commit(),
    );
  }
}

/**
 * Records that something happened to an application (a reviewer assigned, a review sent), inside
 * the current change, without taking its version: such events never make a stage move stale.
 * `recuse` also bars a reviewer who declared a conflict from opening it.
 */
export function touch(key: z.output<typeof applicationKey>, options: { recuse?: string } = {}): void {
  useChange().write(({ application }) => {
    const patch = application.patch(key).set({ movedAt: now().toISOString() });
    return (options.recuse ? patch.add({ recusedIds: [options.recuse] }) : patch).commit();
  });
}
