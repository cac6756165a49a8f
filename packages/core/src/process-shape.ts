/**
 * The kinds of question a site's form can ask, and the standing words for the parts of a process.
 * Plain constants with no imports, so the web app can share the labels.
 */
export const questionKinds = [
  "long-text",
  "short-text",
  "single-choice",
  "multiple-choice",
  "yes-no",
  "number",
  "date",
] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const questionKindLabels: Record<QuestionKind, string> = {
  "long-text": "Long answer",
  "short-text": "Short answer",
  "single-choice": "Choose one",
  "multiple-choice": "Choose any",
  "yes-no": "Yes or no",
  number: "Number",
  date: "Date",
};

/** Question kinds a person answers by choosing from options the site writes. */
export const choiceKinds: readonly QuestionKind[] = ["single-choice", "multiple-choice"];

/** The board column of withdrawn applications; every other column is a stage's id or `decidedColumn`. */
export const withdrawnColumn = "withdrawn";

/** The board column of applications the panel has decided on. */
export const decidedColumn = "decided";

/** Days without movement after which the board flags a live application. */
export const quietDays = 21;
