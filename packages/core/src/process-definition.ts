import { randomBytes } from "node:crypto";
import * as z from "zod";
import { characteristicEasyRead, characteristics } from "./characteristics";
import { ValidationError } from "./errors";
import { choiceKinds, questionKinds } from "./process-shape";

/**
 * The shape of a site's approval process: what a provider is asked (questions on pages), the
 * stages an application moves through, the criteria a panel scores against, the scale they
 * score on and how reviews run. The site's draft and every published version hold one of these.
 *
 * Every question, page, option, stage and criterion has an id that stays the same across versions
 * (a reworded question keeps its id), so answers, scores and statistics follow the thing itself.
 * Everything a provider or an expert reads comes in a plain version and an easy-read version
 * (short sentences, one idea each).
 */

const plainText = (what: string, max: number) =>
  z
    .string({ error: `Write the ${what}.` })
    .trim()
    .min(1, `Write the ${what}.`)
    .max(max, `Keep the ${what} to at most ${max} characters.`);
const optionalText = (what: string, max: number) =>
  z.string().trim().max(max, `Keep the ${what} to at most ${max} characters.`).default("");

/** Wording in everyday words, and the same in easy read. */
export const wordingSchema = (what: string, max: number) =>
  z.strictObject({ plain: plainText(what, max), easyRead: plainText(`easy-read ${what}`, max) });
/** Optional wording, such as help text: either version may be left empty. */
const optionalWordingSchema = (what: string, max: number) =>
  z
    .strictObject({ plain: optionalText(what, max), easyRead: optionalText(`easy-read ${what}`, max) })
    .default({ plain: "", easyRead: "" });

export type Wording = { plain: string; easyRead: string };

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "That reference is not valid: refresh the page and try again.");

export const optionSchema = z.strictObject({
  optionId: idSchema.optional(),
  wording: wordingSchema("option", 120),
});

export const questionSchema = z
  .strictObject({
    questionId: idSchema.optional(),
    kind: z.enum(questionKinds, { error: "Choose what kind of answer the question needs." }),
    required: z.boolean().default(false),
    wording: wordingSchema("question", 300),
    help: optionalWordingSchema("help text", 600),
    options: z.array(optionSchema).max(12, "A question can have at most 12 options.").default([]),
  })
  .superRefine((question, context) => {
    const isChoice = choiceKinds.includes(question.kind);
    if (isChoice && question.options.length < 2) {
      context.addIssue({ code: "custom", path: ["options"], message: "Give at least 2 options to choose from." });
    }
    if (!isChoice && question.options.length > 0) {
      context.addIssue({ code: "custom", path: ["options"], message: "Only choice questions have options." });
    }
  });

export const pageSchema = z.strictObject({
  pageId: idSchema.optional(),
  title: wordingSchema("page title", 120),
});

export const stageSchema = z.strictObject({
  stageId: idSchema.optional(),
  name: wordingSchema("stage name", 80),
  /** What happens at this stage, told to the provider whose application is in it. */
  description: wordingSchema("stage description", 600),
});

/** 1 to 9 links a criterion to that Small Supports characteristic; null marks it site-specific. */
export const characteristicSchema = z
  .number()
  .int()
  .min(1)
  .max(characteristics.length, "Choose one of the nine characteristics, or mark the criterion site-specific.")
  .nullable();

export const criterionSchema = z.strictObject({
  criterionId: idSchema.optional(),
  wording: wordingSchema("criterion", 300),
  characteristic: characteristicSchema,
});

export const scalePointSchema = z.strictObject({ wording: wordingSchema("scale descriptor", 200) });

export const scaleSchema = z
  .array(scalePointSchema)
  .min(3, "A scale has at least 3 points.")
  .max(5, "A scale has at most 5 points.");

export const settingsSchema = z.strictObject({
  reviewersPerApplication: z
    .number({ error: "Say how many people review each application." })
    .int("Use a whole number of reviewers.")
    .min(1, "At least 1 person reviews each application.")
    .max(10, "At most 10 people review each application."),
  blindReview: z.boolean(),
  /** What the site looks for in a provider, shown on the public page of sites open to applications. */
  lookingFor: wordingSchema("description of what the site looks for", 800),
});

type WithId<T, K extends string> = Omit<T, K> & { [key in K]: string };

export type Option = WithId<z.output<typeof optionSchema>, "optionId">;
export type Question = WithId<Omit<z.output<typeof questionSchema>, "options">, "questionId"> & { options: Option[] };
export type Page = WithId<z.output<typeof pageSchema>, "pageId"> & { questions: Question[] };
export type Stage = WithId<z.output<typeof stageSchema>, "stageId">;
export type Criterion = WithId<z.output<typeof criterionSchema>, "criterionId">;
export type ScalePoint = z.output<typeof scalePointSchema>;
export type Settings = z.output<typeof settingsSchema>;

export interface ProcessDefinition {
  pages: Page[];
  stages: Stage[];
  criteria: Criterion[];
  scale: ScalePoint[];
  settings: Settings;
}

/** Limits that keep a definition inside one DynamoDB item (400 KB) with room to spare. */
export const definitionLimits = { pages: 12, questions: 60, stages: 10, criteria: 20, bytes: 300_000 };

/** A new id for a question, page, option, stage or criterion, unique within its process. */
export function newId(prefix: "q" | "p" | "o" | "s" | "c"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** Checks the definition as a whole, the rules no single part can check on its own. */
export function checkDefinition(definition: ProcessDefinition): void {
  const questions = definition.pages.flatMap((page) => page.questions);
  if (definition.pages.length > definitionLimits.pages) {
    throw new ValidationError(`A form has at most ${definitionLimits.pages} pages.`);
  }
  if (questions.length > definitionLimits.questions) {
    throw new ValidationError(`A form has at most ${definitionLimits.questions} questions.`);
  }
  if (definition.stages.length < 2) {
    throw new ValidationError(
      "A process needs at least 2 stages: one while the provider writes their application, one after.",
    );
  }
  if (definition.stages.length > definitionLimits.stages) {
    throw new ValidationError(`A process has at most ${definitionLimits.stages} stages.`);
  }
  if (definition.criteria.length < 1) throw new ValidationError("A process needs at least 1 criterion.");
  if (definition.criteria.length > definitionLimits.criteria) {
    throw new ValidationError(`A process has at most ${definitionLimits.criteria} criteria.`);
  }
  const ids = [
    ...definition.pages.map((page) => page.pageId),
    ...questions.flatMap((question) => [question.questionId, ...question.options.map((option) => option.optionId)]),
    ...definition.stages.map((stage) => stage.stageId),
    ...definition.criteria.map((criterion) => criterion.criterionId),
  ];
  if (new Set(ids).size !== ids.length) throw new ValidationError("Two parts of the process have the same reference.");
  if (Buffer.byteLength(JSON.stringify(definition)) > definitionLimits.bytes) {
    throw new ValidationError("The process is too long to save. Shorten some questions or help text.");
  }
}

/**
 * Sites approve providers outside usual procurement so that new and very small organisations can
 * apply: no question may ask for financial accounts or references.
 */
const demandsPaperwork =
  /\b(annual|financial|audited|statutory|company|filed|management)\s+accounts\b|\bbank\s+statements?\b|\breferences?\b|\breferees?\b/i;

export function checkQuestionWording(question: {
  wording: Wording;
  help: Wording;
  options: { wording: Wording }[];
}): void {
  const text = [question.wording, question.help, ...question.options.map((option) => option.wording)].flatMap(
    (wording) => [wording.plain, wording.easyRead],
  );
  if (text.some((part) => demandsPaperwork.test(part))) {
    throw new ValidationError(
      "Questions cannot ask for financial accounts or references: new and very small organisations must be able to apply.",
    );
  }
}

/** What publishing needs beyond a valid draft: something to ask. */
export function checkPublishable(definition: ProcessDefinition): void {
  checkDefinition(definition);
  if (!definition.pages.some((page) => page.questions.length > 0)) {
    throw new ValidationError("Add at least one question before publishing.");
  }
  const emptyPage = definition.pages.find((page) => page.questions.length === 0);
  if (emptyPage) {
    throw new ValidationError(`The page "${emptyPage.title.plain}" has no questions. Add one or remove the page.`);
  }
}

const wording = (plain: string, easyRead: string): Wording => ({ plain, easyRead });

const noHelp = wording("", "");

/** The process a new site starts from: the usual shape, which the site's experts then change. */
export function defaultDefinition(siteName: string): ProcessDefinition {
  return {
    pages: [
      {
        pageId: "p-about",
        title: wording("About your organisation", "About you"),
        questions: [
          {
            questionId: "q-how-started",
            kind: "long-text",
            required: true,
            wording: wording("How did your organisation start, and why?", "How did you start? Why did you start?"),
            help: wording(
              "Tell us in your own words. There is no right answer, and new organisations are welcome.",
              "Use your own words. New organisations can apply.",
            ),
            options: [],
          },
          {
            questionId: "q-people-now",
            kind: "single-choice",
            required: true,
            wording: wording("How many people do you support now?", "How many people do you support now?"),
            help: noHelp,
            options: [
              { optionId: "o-none-yet", wording: wording("Nobody yet: we are setting up", "Nobody yet") },
              { optionId: "o-1-to-5", wording: wording("1 to 5 people", "1 to 5 people") },
              { optionId: "o-6-to-15", wording: wording("6 to 15 people", "6 to 15 people") },
              { optionId: "o-over-15", wording: wording("More than 15 people", "More than 15 people") },
            ],
          },
        ],
      },
      {
        pageId: "p-values",
        title: wording("Your values and how you work", "What matters to you"),
        questions: [
          {
            questionId: "q-values",
            kind: "long-text",
            required: true,
            wording: wording(
              "What values guide the support you give?",
              "What is important to you when you support someone?",
            ),
            help: wording(
              "For example, how you make sure the person and their family stay in control.",
              "For example: how the person stays in charge.",
            ),
            options: [],
          },
          {
            questionId: "q-one-person",
            kind: "long-text",
            required: true,
            wording: wording(
              "Tell us about a time you shaped support around one person.",
              "Tell us about one person you supported. How did you make the support right for them?",
            ),
            help: wording("Leave out names and anything that could identify them.", "Do not use their name."),
            options: [],
          },
          {
            questionId: "q-different",
            kind: "long-text",
            required: true,
            wording: wording("What makes your organisation different?", "What makes you different?"),
            help: noHelp,
            options: [],
          },
          {
            questionId: "q-local",
            kind: "yes-no",
            required: false,
            wording: wording(
              `Are the people who run your organisation based in ${siteName}?`,
              `Do you live or work in ${siteName}?`,
            ),
            help: noHelp,
            options: [],
          },
        ],
      },
    ],
    stages: [
      {
        stageId: "s-interest",
        name: wording("Expression of interest", "You told us you are interested"),
        description: wording(
          "You are writing your application. Save as you go and submit it when you are ready.",
          "You are writing your application. You can stop and come back. Send it when you are ready.",
        ),
      },
      {
        stageId: "s-application",
        name: wording("Application", "We have your application"),
        description: wording(
          "We have your application. The site team reads it and then passes it to the panel.",
          "We have your application. The team will read it.",
        ),
      },
      {
        stageId: "s-panel",
        name: wording("Panel review", "The panel reads it"),
        description: wording(
          "A panel that includes experts by experience is reading and scoring your application.",
          "A group of people reads your application. Some of them have lived in hospital.",
        ),
      },
      {
        stageId: "s-conversation",
        name: wording("Conversation", "We meet you"),
        description: wording(
          "We would like to meet you to talk about your application. We will contact you to arrange it.",
          "We want to meet you and talk. We will get in touch.",
        ),
      },
      {
        stageId: "s-decision",
        name: wording("Decision", "We decide"),
        description: wording(
          "The panel is making its decision. We will write to you with it and the reasons.",
          "We are deciding. We will write to you and tell you why.",
        ),
      },
    ],
    criteria: characteristics.map((characteristic, index) => ({
      criterionId: `c-${index + 1}`,
      wording: wording(characteristic, characteristicEasyRead[index] ?? characteristic),
      characteristic: index + 1,
    })),
    scale: [
      { wording: wording("Not yet shown", "We did not see this yet") },
      { wording: wording("Some signs of this", "We saw a little of this") },
      { wording: wording("Clearly shown", "We saw this clearly") },
      { wording: wording("Strongly shown, with examples", "We saw this a lot, with examples") },
    ],
    settings: {
      reviewersPerApplication: 3,
      blindReview: false,
      lookingFor: wording(
        `Small, local organisations that support autistic people and people with a learning disability in ${siteName}, shaping support around one person at a time. New organisations are welcome: we never ask for accounts or references.`,
        `We want small local groups that support people. New groups can apply. We do not ask to see your money records.`,
      ),
    },
  };
}
