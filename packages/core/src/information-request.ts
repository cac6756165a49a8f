import { randomUUID } from "node:crypto";
import * as z from "zod";
import { useActor } from "./actor";
import * as Application from "./application";
import { change, useChange } from "./change";
import { now } from "./clock";
import { db } from "./db";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "./errors";
import * as Organisation from "./organisation";
import * as Person from "./person";
import * as Process from "./process";
import * as Review from "./review";
import { verb, versionSchema, writtenText } from "./validation";

/**
 * The lead asks an applicant for more on named questions of a sent application. Those questions
 * open again to the provider (and only those); the provider answers them in place and sends the
 * application back. The request keeps the answers as they were when asked and as sent back.
 */

export interface InformationRequest {
  requestId: string;
  questionIds: string[];
  message: string;
  requestedByName: string;
  requestedAt: string;
  status: "open" | "answered";
  answersBefore: Record<string, Application.AnswerValue>;
  answersAfter: Record<string, Application.AnswerValue> | null;
  answeredAt: string | null;
}

const { applicationKey } = Application;

export const request = verb(
  applicationKey.extend({
    version: versionSchema,
    questionIds: z
      .array(z.string().min(1).max(40))
      .min(1, "Choose at least one question to ask more about.")
      .max(10, "Ask about at most 10 questions at once."),
    message: writtenText("what you would like to know", 10, 3000),
  }),
  async ({ version, questionIds, message, ...key }) => {
    const [application] = await Promise.all([Application.read(key), Review.requireNotRecused(key)]);
    if (application.version !== version) throw new ConflictError(Application.staleApplication);
    if (application.status !== "submitted") {
      throw new RuleError(
        application.status === "decided"
          ? "The panel has already decided on this application."
          : "You can ask for more information only about a sent application.",
      );
    }
    if (application.openRequestId) {
      throw new RuleError("The provider is already answering a request for more information on this application.");
    }
    const [{ definition }, answers, organisation] = await Promise.all([
      Process.versionOf(key.siteId, application.processVersion),
      Application.answersOf(key),
      Organisation.read(key.siteId, key.organisationId),
    ]);
    const known = new Set(Application.questionsOf(definition).map((question) => question.questionId));
    const chosen = [...new Set(questionIds)];
    if (chosen.some((questionId) => !known.has(questionId))) {
      throw new ValidationError("Choose questions from this application's form.", {
        questionIds: "Choose questions from this application's form.",
      });
    }
    const current = new Map(answers.map((answer) => [answer.questionId, answer.value]));
    const requestId = randomUUID();
    const requestedAt = now().toISOString();
    await change("informationRequest.request", async () => {
      const { write, audit, send } = useChange();
      write(({ informationRequest }) =>
        informationRequest
          .create({
            ...key,
            requestId,
            questionIds: chosen,
            message,
            requestedBy: useActor().personId,
            requestedAt,
            status: "open",
            answersBefore: JSON.stringify(Object.fromEntries(chosen.map((id) => [id, current.get(id) ?? null]))),
          })
          .commit(),
      );
      write(
        ({ application: applications }) =>
          applications
            .patch(key)
            .set({ openRequestId: requestId, requestedQuestionIds: chosen, movedAt: requestedAt })
            .add({ version: 1 })
            .where((attributes, operations) => operations.eq(attributes.version, version))
            .commit(),
        () => new ConflictError(Application.staleApplication),
      );
      audit({
        siteId: key.siteId,
        action: "application.information_requested",
        recordType: "application",
        recordId: key.applicationId,
        after: { organisationId: key.organisationId, questions: chosen.length },
        changed: ["message"],
      });
      send({
        siteId: key.siteId,
        template: "information-requested",
        to: { person: organisation.contactPersonId },
        params: { applicationId: key.applicationId, organisationId: key.organisationId },
      });
    });
    return Application.read(key);
  },
);

/** Every request made about an application, oldest first, with the answers before and after. */
export const list = verb(applicationKey, async (key): Promise<InformationRequest[]> => {
  Organisation.ownOrganisation(key.siteId, key.organisationId);
  // The requests hold answers: a reviewer who declared a conflict reads none of them.
  await Review.requireNotRecused(key, Application.recusedMessage);
  await Application.read(key);
  const { data } = await db.entities.informationRequest.query
    .byApplication({ siteId: key.siteId, organisationId: key.organisationId, applicationId: key.applicationId })
    .go({ pages: "all", consistent: true });
  const names = await Person.namesOf(data.map((item) => item.requestedBy));
  return data.map((item) => ({
    requestId: item.requestId,
    questionIds: item.questionIds,
    message: item.message,
    requestedByName: names.get(item.requestedBy) ?? "The project lead",
    requestedAt: item.requestedAt,
    status: item.status,
    answersBefore: JSON.parse(item.answersBefore) as Record<string, Application.AnswerValue>,
    answersAfter: item.answersAfter ? (JSON.parse(item.answersAfter) as Record<string, Application.AnswerValue>) : null,
    answeredAt: item.answeredAt ?? null,
  }));
});

/**
 * The provider sends the application back with the requested questions answered. Required
 * questions among them must still have an answer. The questions lock again.
 */
export const sendBack = verb(applicationKey.extend({ version: versionSchema }), async ({ version, ...key }) => {
  Organisation.ownOrganisation(key.siteId, key.organisationId);
  const application = await Application.read(key);
  if (application.version !== version) throw new ConflictError(Application.staleApplication);
  const requestId = application.openRequestId;
  if (!requestId) throw new RuleError("Nobody has asked for more information on this application.");
  const [{ definition }, answers, { data: requests }] = await Promise.all([
    Process.versionOf(key.siteId, application.processVersion),
    Application.answersOf(key),
    db.entities.informationRequest.query
      .byApplication({ siteId: key.siteId, organisationId: key.organisationId, applicationId: key.applicationId })
      .go({ pages: "all", consistent: true }),
  ]);
  const open = requests.find((item) => item.requestId === requestId);
  if (!open) throw new NotFoundError("We could not find that request for more information.");
  const current = new Map(answers.map((answer) => [answer.questionId, answer.value]));
  const missing = Application.questionsOf(definition).filter(
    (question) =>
      open.questionIds.includes(question.questionId) &&
      question.required &&
      Application.isEmpty(current.get(question.questionId)),
  );
  if (missing.length > 0) {
    throw new ValidationError(
      "Answer every question marked as needing an answer before you send your application back.",
      Object.fromEntries(missing.map((question) => [question.questionId, "Answer this question."])),
    );
  }
  const answeredAt = now().toISOString();
  await change("informationRequest.sendBack", async () => {
    const { write, audit } = useChange();
    write(({ informationRequest }) =>
      informationRequest
        .patch({ ...key, requestedAt: open.requestedAt, requestId })
        .set({
          status: "answered",
          answeredAt,
          answeredBy: useActor().personId,
          answersAfter: JSON.stringify(Object.fromEntries(open.questionIds.map((id) => [id, current.get(id) ?? null]))),
        })
        .add({ version: 1 })
        .commit(),
    );
    write(
      ({ application: applications }) =>
        applications
          .patch(key)
          .set({ movedAt: answeredAt })
          .remove(["openRequestId", "requestedQuestionIds"])
          .add({ version: 1 })
          .where((attributes, operations) => operations.eq(attributes.version, version))
          .commit(),
      () => new ConflictError(Application.staleApplication),
    );
    audit({
      siteId: key.siteId,
      action: "application.information_sent",
      recordType: "application",
      recordId: key.applicationId,
      after: { organisationId: key.organisationId },
      changed: ["answers"],
    });
  });
  return Application.read(key);
});
