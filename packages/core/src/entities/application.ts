import { Entity } from "electrodb";
import { outcomes } from "../decision-shape";
import { cqcStatuses } from "../organisation-shape";
import { keyOptions, versioned } from "./common";

export const applicationStatuses = ["draft", "submitted", "withdrawn", "decided"] as const;

/**
 * One application by an organisation to a site, pinned to the published version of the site's
 * process it started on. While it is a draft the provider writes its answers (each its own item,
 * below); submitting locks them, except questions the lead asks more about. It sits on the site's
 * board in one column: its stage, or "withdrawn" or "decided". The organisation's name and CQC status are copied in so a board page is one query.
 */
export const ApplicationEntity = new Entity({
  model: { entity: "application", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true, readOnly: true },
    processVersion: { type: "number", required: true, readOnly: true },
    status: { type: applicationStatuses, required: true },
    stageId: { type: "string", required: true },
    /** The board column: the stage while the application is live, otherwise its status. */
    boardColumn: { type: "string", required: true },
    stageEnteredAt: { type: "string", required: true },
    organisationName: { type: "string", required: true },
    cqcStatus: { type: cqcStatuses, required: true },
    startedBy: { type: "string", required: true, readOnly: true },
    submittedAt: { type: "string" },
    submittedBy: { type: "string" },
    withdrawnAt: { type: "string" },
    /** When anything last happened to it (a move, a review, a request): the board flags long silences. */
    movedAt: { type: "string" },
    /** While the lead waits for more information: the request, and the questions the provider may answer again. */
    openRequestId: { type: "string" },
    requestedQuestionIds: { type: "set", items: "string" },
    /** Reviewers who declared a conflict of interest: they may no longer open it, whatever their role. */
    recusedIds: { type: "set", items: "string" },
    outcome: { type: outcomes },
    decidedAt: { type: "string" },
    ...versioned,
  },
  indexes: {
    // An organisation's applications, oldest first.
    byOrganisation: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["organisationId", "applicationId"],
        template: "organisation#${organisationId}#application#${applicationId}",
        ...keyOptions,
      },
    },
    // A column of the site's board, longest in the stage first.
    board: {
      index: "gsi1",
      pk: {
        field: "gsi1pk",
        composite: ["siteId", "boardColumn"],
        template: "site#${siteId}#board#${boardColumn}",
        ...keyOptions,
      },
      sk: {
        field: "gsi1sk",
        composite: ["stageEnteredAt", "applicationId"],
        template: "${stageEnteredAt}#${applicationId}",
        ...keyOptions,
      },
    },
    // The same column, only organisations with one CQC registration status.
    boardByCqc: {
      index: "gsi2",
      pk: {
        field: "gsi2pk",
        composite: ["siteId", "boardColumn", "cqcStatus"],
        template: "site#${siteId}#board#${boardColumn}#cqc#${cqcStatus}",
        ...keyOptions,
      },
      sk: {
        field: "gsi2sk",
        composite: ["stageEnteredAt", "applicationId"],
        template: "${stageEnteredAt}#${applicationId}",
        ...keyOptions,
      },
    },
  },
});

/**
 * One answer to one question of an application, saved on its own with its own version, so a long
 * form never travels in one request and two tabs editing one answer cannot overwrite each other.
 */
export const AnswerEntity = new Entity({
  model: { entity: "answer", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    organisationId: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true, readOnly: true },
    questionId: { type: "string", required: true, readOnly: true },
    /** The answer as JSON: text, a number, true or false, an option id or a list of them. */
    value: { type: "string", required: true },
    savedBy: { type: "string", required: true },
    ...versioned,
  },
  indexes: {
    // The answers of one application.
    byApplication: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["organisationId", "applicationId", "questionId"],
        template: "organisation#${organisationId}#answer#${applicationId}#${questionId}",
        ...keyOptions,
      },
    },
  },
});
