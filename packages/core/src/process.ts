import * as z from "zod";
import { useActor } from "./actor";
import { type AuditFields, change, useChange } from "./change";
import { db } from "./db";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "./errors";
import {
  checkDefinition,
  checkPublishable,
  checkQuestionWording,
  criterionSchema,
  defaultDefinition,
  newId,
  type Page,
  type ProcessDefinition,
  pageSchema,
  type Question,
  questionSchema,
  scaleSchema,
  settingsSchema,
  stageSchema,
} from "./process-definition";
import { siteIdSchema, verb, versionSchema } from "./validation";

/**
 * A site's approval process: the draft its lead edits, and the numbered versions publishing
 * makes. Every edit names the draft version the editor saw, so two people editing at once never
 * lose each other's work: the second gets a conflict and sees the first one's change.
 */

export interface Draft {
  siteId: string;
  definition: ProcessDefinition;
  version: number;
  /** The newest published version's number, 0 before the first. */
  publishedVersion: number;
  changedSincePublished: boolean;
  updatedAt: string;
}

export interface PublishedVersion {
  siteId: string;
  number: number;
  definition: ProcessDefinition;
  publishedAt: string;
  publishedBy: string;
}

const siteKey = z.strictObject({ siteId: siteIdSchema });
const draftKey = siteKey.extend({ version: versionSchema });
const partIdSchema = z.string().min(1).max(40);

/** Writes a new site's draft, the default process, inside the site's creating change. */
export function createDraft(siteId: string, siteName: string): void {
  const definition = defaultDefinition(siteName);
  useChange().write(({ processDraft }) =>
    processDraft.create({ siteId, definition: JSON.stringify(definition) }).commit(),
  );
}

/** The draft the site's lead is working on. */
export const draft = verb(siteKey, async ({ siteId }) => readDraft(siteId));

async function readDraft(siteId: string): Promise<Draft> {
  const { data } = await db.entities.processDraft.get({ siteId }).go({ consistent: true });
  if (!data) throw new NotFoundError("This site has no approval process yet.");
  return {
    siteId,
    definition: JSON.parse(data.definition) as ProcessDefinition,
    version: data.version,
    publishedVersion: data.publishedVersion,
    changedSincePublished: data.changedSincePublished,
    updatedAt: data.updatedAt,
  };
}

/**
 * Changes the draft: reads it, checks the version the editor saw, applies `edit` to a copy and
 * checks the result as a whole before writing it under the same version condition.
 */
async function editDraft(
  siteId: string,
  version: number,
  action: string,
  edit: (definition: ProcessDefinition) => AuditFields | undefined,
): Promise<Draft> {
  const current = await readDraft(siteId);
  if (current.version !== version) throw new ConflictError(staleDraft);
  const definition = structuredClone(current.definition);
  const after = edit(definition);
  checkDefinition(definition);
  await change(`process.${action}`, async () => {
    const { write, audit } = useChange();
    write(
      ({ processDraft }) =>
        processDraft
          .patch({ siteId })
          .set({ definition: JSON.stringify(definition), changedSincePublished: true })
          .add({ version: 1 })
          .where((attributes, operations) => operations.eq(attributes.version, version))
          .commit(),
      () => new ConflictError(staleDraft),
    );
    audit({ siteId, action: `process.${action}`, recordType: "process", recordId: siteId, after });
  });
  return { ...current, definition, version: version + 1, changedSincePublished: true };
}

const staleDraft = "Someone else changed the process just now. Your change was not saved: look again and redo it.";

/** Adds a question to a page, or rewords an existing one (which keeps its id, and may change page). */
export const saveQuestion = verb(
  draftKey.extend({ pageId: partIdSchema, question: questionSchema }),
  ({ siteId, version, pageId, question }) =>
    editDraft(siteId, version, "question_saved", (definition) => {
      checkQuestionWording(question);
      const page = findPage(definition, pageId);
      const existing = question.questionId ? findQuestion(definition, question.questionId) : undefined;
      if (question.questionId && !existing) throw new NotFoundError(missingPart("question"));
      const saved: Question = {
        ...question,
        questionId: question.questionId ?? newId("q"),
        options: question.options.map((option) => ({
          wording: option.wording,
          // An option keeps its id while it is still there, so earlier answers keep their meaning.
          optionId:
            option.optionId && existing?.question.options.some((old) => old.optionId === option.optionId)
              ? option.optionId
              : newId("o"),
        })),
      };
      if (existing && existing.page === page) {
        page.questions[existing.index] = saved;
      } else {
        if (existing) existing.page.questions.splice(existing.index, 1);
        page.questions.push(saved);
      }
      return { questionId: saved.questionId, pageId: page.pageId, kind: saved.kind, required: saved.required };
    }),
);

export const removeQuestion = verb(draftKey.extend({ questionId: partIdSchema }), ({ siteId, version, questionId }) =>
  editDraft(siteId, version, "question_removed", (definition) => {
    const found = findQuestion(definition, questionId);
    if (!found) throw new NotFoundError(missingPart("question"));
    found.page.questions.splice(found.index, 1);
    return { questionId };
  }),
);

/** Moves a question one place up or down; at the edge of a page it moves onto the next page. */
export const moveQuestion = verb(
  draftKey.extend({ questionId: partIdSchema, direction: z.enum(["up", "down"]) }),
  ({ siteId, version, questionId, direction }) =>
    editDraft(siteId, version, "question_moved", (definition) => {
      const found = findQuestion(definition, questionId);
      if (!found) throw new NotFoundError(missingPart("question"));
      const { page, index, question } = found;
      const pageIndex = definition.pages.indexOf(page);
      const step = direction === "up" ? -1 : 1;
      const target = index + step;
      if (target >= 0 && target < page.questions.length) {
        page.questions.splice(index, 1);
        page.questions.splice(target, 0, question);
      } else {
        const nextPage = definition.pages[pageIndex + step];
        if (!nextPage) throw new RuleError(`That question is already the ${direction === "up" ? "first" : "last"}.`);
        page.questions.splice(index, 1);
        if (direction === "up") nextPage.questions.push(question);
        else nextPage.questions.unshift(question);
      }
      return { questionId, direction };
    }),
);

/** Adds a page at the end of the form, or renames one. */
export const savePage = verb(draftKey.extend({ page: pageSchema }), ({ siteId, version, page }) =>
  editDraft(siteId, version, "page_saved", (definition) => {
    if (page.pageId) {
      findPage(definition, page.pageId).title = page.title;
      return { pageId: page.pageId };
    }
    const added: Page = { pageId: newId("p"), title: page.title, questions: [] };
    definition.pages.push(added);
    return { pageId: added.pageId };
  }),
);

/** Removes an empty page; a page with questions must be emptied first, so none is lost by accident. */
export const removePage = verb(draftKey.extend({ pageId: partIdSchema }), ({ siteId, version, pageId }) =>
  editDraft(siteId, version, "page_removed", (definition) => {
    const page = findPage(definition, pageId);
    if (page.questions.length > 0) {
      throw new RuleError("Move or remove this page's questions before removing the page.");
    }
    definition.pages.splice(definition.pages.indexOf(page), 1);
    return { pageId };
  }),
);

/**
 * Replaces the stages, in order. A stage sent with its id keeps it (and so its place in the
 * statistics); one sent without an id is new. The first stage is where an application sits while
 * the provider writes it; submitting moves it to the second.
 */
export const saveStages = verb(
  draftKey.extend({ stages: z.array(stageSchema).max(10) }),
  ({ siteId, version, stages }) =>
    editDraft(siteId, version, "stages_saved", (definition) => {
      // The first stage holds applications being written; any other holds sent ones. A stage
      // changing between the two would put both in one column of the board.
      const first = definition.stages[0]?.stageId;
      const newFirst = stages[0]?.stageId;
      if (newFirst !== undefined && newFirst !== first) {
        throw new RuleError(
          "The first stage is where applications wait while they are written, so a later stage cannot move there. Add a new first stage instead.",
        );
      }
      if (first && stages.slice(1).some((stage) => stage.stageId === first)) {
        throw new RuleError(
          "The first stage is where applications wait while they are written, so it must stay first. Remove it or keep it first.",
        );
      }
      definition.stages = keepIds(
        stages,
        definition.stages.map((stage) => stage.stageId),
        "stageId",
        "s",
        "stage",
      );
      return { stages: definition.stages.length };
    }),
);

/** Replaces the criteria, in order, each linked to a national characteristic or site-specific. */
export const saveCriteria = verb(
  draftKey.extend({ criteria: z.array(criterionSchema).max(20) }),
  ({ siteId, version, criteria }) =>
    editDraft(siteId, version, "criteria_saved", (definition) => {
      definition.criteria = keepIds(
        criteria,
        definition.criteria.map((criterion) => criterion.criterionId),
        "criterionId",
        "c",
        "criterion",
      );
      return { criteria: definition.criteria.length };
    }),
);

export const saveScale = verb(draftKey.extend({ scale: scaleSchema }), ({ siteId, version, scale }) =>
  editDraft(siteId, version, "scale_saved", (definition) => {
    definition.scale = scale;
    return { points: scale.length };
  }),
);

/** How many review each application, whether review is blind, and what the site looks for. */
export const saveSettings = verb(draftKey.extend({ settings: settingsSchema }), ({ siteId, version, settings }) =>
  editDraft(siteId, version, "settings_saved", (definition) => {
    definition.settings = settings;
    return { reviewersPerApplication: settings.reviewersPerApplication, blindReview: settings.blindReview };
  }),
);

/**
 * Publishes the draft as the next version. Applications already started keep their version;
 * new ones start on this one. If the site is open to applications, the public page's
 * description of what it looks for changes with it.
 */
export const publish = verb(draftKey, async ({ siteId, version }) => {
  const current = await readDraft(siteId);
  if (current.version !== version) throw new ConflictError(staleDraft);
  checkPublishable(current.definition);
  const number = current.publishedVersion + 1;
  const publishedAt = new Date().toISOString();
  const publishedBy = useActor().personId;
  const opening = await db.entities.openSite.get({ siteId }).go({ consistent: true });
  await change("process.publish", async () => {
    const { write, audit } = useChange();
    write(
      ({ processDraft }) =>
        processDraft
          .patch({ siteId })
          .set({ publishedVersion: number, changedSincePublished: false })
          .add({ version: 1 })
          .where((attributes, operations) => operations.eq(attributes.version, version))
          .commit(),
      () => new ConflictError(staleDraft),
    );
    write(({ processVersion }) =>
      processVersion
        .create({ siteId, number, definition: JSON.stringify(current.definition), publishedBy, publishedAt })
        .commit(),
    );
    if (opening.data) {
      const { lookingFor } = current.definition.settings;
      write(({ openSite }) =>
        openSite
          .patch({ siteId })
          .set({ lookingFor: lookingFor.plain, lookingForEasyRead: lookingFor.easyRead })
          .commit(),
      );
    }
    audit({ siteId, action: "process.published", recordType: "process", recordId: siteId, after: { number } });
  });
  return { ...current, version: version + 1, publishedVersion: number, changedSincePublished: false };
});

/** Every published version of a site's process, newest first, without their definitions. */
export const versions = verb(siteKey, async ({ siteId }) => {
  const { data } = await db.entities.processVersion.query
    .bySite({ siteId })
    .go({ pages: "all", order: "desc", attributes: ["number", "publishedAt", "publishedBy"] });
  return data.map((item) => ({ number: item.number, publishedAt: item.publishedAt, publishedBy: item.publishedBy }));
});

/** One published version, or the newest when no number is given. */
export const published = verb(
  siteKey.extend({ number: z.number().int().min(1).max(1_000_000).optional() }),
  async ({ siteId, number }) => {
    if (number !== undefined) return versionOf(siteId, number);
    const latest = await latestNumber(siteId);
    if (!latest) throw new NotFoundError("This site has not published its approval process yet.");
    return versionOf(siteId, latest);
  },
);

/** The newest published version's number, or 0. */
export async function latestNumber(siteId: string): Promise<number> {
  // Read consistently: right after publishing, opening the site or starting an application must see it.
  const { data } = await db.entities.processVersion.query
    .bySite({ siteId })
    .go({ order: "desc", limit: 1, attributes: ["number"], consistent: true });
  return data[0]?.number ?? 0;
}

/**
 * Published versions never change, so each is read once per process and kept: they are asked for
 * on every answer saved. Bounded, so a long-lived process holds only the versions in recent use.
 */
const versionCache = new Map<string, PublishedVersion>();
const versionCacheSize = 200;

export async function versionOf(siteId: string, number: number): Promise<PublishedVersion> {
  const key = `${siteId}#${number}`;
  const cached = versionCache.get(key);
  if (cached) return cached;
  const { data } = await db.entities.processVersion.get({ siteId, number }).go();
  if (!data) throw new NotFoundError("That version of the approval process does not exist.");
  const found: PublishedVersion = {
    siteId,
    number,
    definition: JSON.parse(data.definition) as ProcessDefinition,
    publishedAt: data.publishedAt,
    publishedBy: data.publishedBy,
  };
  if (versionCache.size >= versionCacheSize) versionCache.delete(versionCache.keys().next().value as string);
  versionCache.set(key, found);
  return found;
}

function findPage(definition: ProcessDefinition, pageId: string): Page {
  const page = definition.pages.find((candidate) => candidate.pageId === pageId);
  if (!page) throw new NotFoundError(missingPart("page"));
  return page;
}

function findQuestion(definition: ProcessDefinition, questionId: string) {
  for (const page of definition.pages) {
    const index = page.questions.findIndex((question) => question.questionId === questionId);
    const question = page.questions[index];
    if (question) return { page, index, question };
  }
  return undefined;
}

const missingPart = (part: string) =>
  `That ${part} is no longer in the draft: someone may have removed it. Refresh the page to see the latest.`;

/** Gives new parts new ids and refuses an id the draft does not have (nothing is made up). */
function keepIds<K extends string, T extends Partial<Record<K, string>>>(
  parts: T[],
  known: string[],
  key: K,
  prefix: "s" | "c",
  what: string,
): (T & Record<K, string>)[] {
  const seen = new Set<string>();
  return parts.map((part) => {
    const id = part[key];
    if (id === undefined) return { ...part, [key]: newId(prefix) } as T & Record<K, string>;
    if (!known.includes(id)) throw new NotFoundError(missingPart(what));
    if (seen.has(id)) throw new ValidationError(`The same ${what} appears twice.`);
    seen.add(id);
    return part as T & Record<K, string>;
  });
}
