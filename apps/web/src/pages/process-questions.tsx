import { choiceKinds, questionKindLabels } from "@smallsupports/core/process-shape";
import { createSignal, For, Show } from "solid-js";
import { api } from "../api/client";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyState } from "../ui/page-state";
import { createDraftEdit, type ProcessPage, type ProcessQuestion, useProcessEditor } from "./process-draft";
import { focusSoon } from "./process-item-controls";
import { ProcessPageDialog } from "./process-page-dialog";
import { ProcessQuestionDialog } from "./process-question-dialog";

const headingId = "process-questions-heading";
const pageHeadingId = (pageId: string) => `process-page-${pageId}`;
const moveId = (questionId: string, direction: "up" | "down") => `move-${direction}-${questionId}`;

/** What providers are asked, page by page: read by the team, changed by the project lead. */
export function ProcessQuestions() {
  const editor = useProcessEditor();
  const pages = () => editor.draft().definition.pages;
  const allQuestions = () => pages().flatMap((page) => page.questions);

  // A dialog's page and question are kept as they were when it opened, so a fresh draft leaves it be.
  const [questionDialog, setQuestionDialog] = createSignal<{ pageId: string; question: ProcessQuestion | null }>();
  const [pageDialog, setPageDialog] = createSignal<{ page: ProcessPage | null }>();
  const [removingQuestion, setRemovingQuestion] = createSignal<ProcessQuestion | null>(null);
  const [removingPage, setRemovingPage] = createSignal<ProcessPage | null>(null);

  const move = createDraftEdit({
    send: (variables: { question: ProcessQuestion; direction: "up" | "down" }, key) =>
      api.process.moveQuestion.mutate({
        ...key,
        questionId: variables.question.questionId,
        direction: variables.direction,
      }),
    saved: ({ question, direction }, draft) => {
      const page = draft.definition.pages.find((each) =>
        each.questions.some((q) => q.questionId === question.questionId),
      );
      const position = draft.definition.pages
        .flatMap((each) => each.questions)
        .findIndex((q) => q.questionId === question.questionId);
      return `Moved ${direction}: "${question.wording.plain}" is now question ${position + 1}, on ${page?.title.plain ?? "its page"}.`;
    },
    // Focus follows the question to its new place, on the same button if it can still move that way.
    onSaved: ({ question, direction }) =>
      focusSoon(
        moveId(question.questionId, direction),
        moveId(question.questionId, direction === "up" ? "down" : "up"),
      ),
  });

  const removeQuestion = createDraftEdit({
    send: (question: ProcessQuestion, key) =>
      api.process.removeQuestion.mutate({ ...key, questionId: question.questionId }),
    saved: (question) => `The question "${question.wording.plain}" is removed.`,
    onSaved: () => setRemovingQuestion(null),
  });

  const removePage = createDraftEdit({
    send: (page: ProcessPage, key) => api.process.removePage.mutate({ ...key, pageId: page.pageId }),
    saved: (page) => `The page "${page.title.plain}" is removed.`,
    onSaved: () => setRemovingPage(null),
  });

  /** Where a question stands in the whole form, counting from 1 across pages. */
  const numberOf = (question: ProcessQuestion) =>
    allQuestions().findIndex((each) => each.questionId === question.questionId) + 1;
  const firstNumberOn = (page: ProcessPage) => {
    const first = page.questions[0];
    return first ? numberOf(first) : 1;
  };

  function moveQuestion(question: ProcessQuestion, direction: "up" | "down") {
    // One move at a time: each needs the draft version the one before made.
    if (move.isPending) return;
    move.mutate({ question, direction });
  }

  return (
    <section id="process-questions" class="process-section" aria-labelledby={headingId}>
      <div class="section-heading">
        <h2 id={headingId} tabindex="-1">
          Questions
        </h2>
        <Show when={editor.canEdit}>
          <button
            id="process-add-page"
            type="button"
            class="button button-secondary"
            onClick={() => setPageDialog({ page: null })}
          >
            Add a page
          </button>
        </Show>
      </div>
      <p class="process-intro">
        What providers are asked when they apply, page by page. Each question has an easy-read version for providers who
        choose it.
      </p>
      <Show
        when={pages().length > 0}
        fallback={
          <EmptyState title="The form has no pages yet.">
            <p>
              {editor.canEdit ? "Add a page, then add questions to it." : "The project lead adds pages and questions."}
            </p>
          </EmptyState>
        }
      >
        <For each={pages()}>
          {(page, pageIndex) => (
            <section class="card process-page" aria-labelledby={pageHeadingId(page.pageId)}>
              <div class="process-page-heading">
                <div>
                  <h3 id={pageHeadingId(page.pageId)} tabindex="-1">
                    <span class="muted">Page {pageIndex() + 1}: </span>
                    {page.title.plain}
                  </h3>
                  <p class="easy-read-line">Easy read: {page.title.easyRead}</p>
                </div>
                <Show when={editor.canEdit}>
                  <div class="item-controls">
                    <button
                      id={`rename-page-${page.pageId}`}
                      type="button"
                      class="button button-secondary button-small"
                      aria-label={`Rename page: ${page.title.plain}`}
                      onClick={() => setPageDialog({ page })}
                    >
                      Rename
                    </button>
                    <button
                      id={`remove-page-${page.pageId}`}
                      type="button"
                      class="button button-danger-quiet button-small"
                      aria-label={`Remove page: ${page.title.plain}`}
                      onClick={() => setRemovingPage(page)}
                    >
                      Remove page
                    </button>
                  </div>
                </Show>
              </div>
              <Show
                when={page.questions.length > 0}
                fallback={<p class="muted process-empty-page">No questions on this page yet.</p>}
              >
                <ol class="question-list" start={firstNumberOn(page)}>
                  <For each={page.questions}>
                    {(question) => (
                      <QuestionItem
                        question={question}
                        isFirst={numberOf(question) === 1}
                        isLast={numberOf(question) === allQuestions().length}
                        onEdit={() => setQuestionDialog({ pageId: page.pageId, question })}
                        onMove={(direction) => moveQuestion(question, direction)}
                        onRemove={() => setRemovingQuestion(question)}
                      />
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={editor.canEdit}>
                <button
                  id={`add-question-${page.pageId}`}
                  type="button"
                  class="button button-secondary"
                  aria-label={`Add a question to ${page.title.plain}`}
                  onClick={() => setQuestionDialog({ pageId: page.pageId, question: null })}
                >
                  Add a question
                </button>
              </Show>
            </section>
          )}
        </For>
      </Show>

      <ProcessQuestionDialog
        open={questionDialog() !== undefined}
        onClose={() => setQuestionDialog(undefined)}
        pageId={questionDialog()?.pageId ?? ""}
        question={questionDialog()?.question ?? null}
      />
      <ProcessPageDialog
        open={pageDialog() !== undefined}
        onClose={() => setPageDialog(undefined)}
        page={pageDialog()?.page ?? null}
      />
      <ConfirmDialog
        open={removingQuestion() !== null}
        title="Remove this question?"
        confirmLabel="Remove question"
        busyLabel="Removing…"
        busy={removeQuestion.isPending}
        error={removeQuestion.error}
        onConfirm={() => {
          const question = removingQuestion();
          if (question) removeQuestion.mutate(question);
        }}
        onCancel={() => {
          removeQuestion.reset();
          setRemovingQuestion(null);
        }}
        returnFocusTo={() => document.getElementById(headingId)}
      >
        "{removingQuestion()?.wording.plain}" comes out of the draft. Applications already started keep the published
        version they started on, with this question in it if it was there.
      </ConfirmDialog>
      <ConfirmDialog
        open={removingPage() !== null}
        title="Remove this page?"
        confirmLabel="Remove page"
        busyLabel="Removing…"
        busy={removePage.isPending}
        error={removePage.error}
        onConfirm={() => {
          const page = removingPage();
          if (page) removePage.mutate(page);
        }}
        onCancel={() => {
          removePage.reset();
          setRemovingPage(null);
        }}
        returnFocusTo={() => document.getElementById(headingId)}
      >
        The page "{removingPage()?.title.plain}" comes out of the draft.{" "}
        {(removingPage()?.questions.length ?? 0) > 0
          ? "Only an empty page can be removed: move or remove its questions first."
          : "It has no questions."}
      </ConfirmDialog>
    </section>
  );
}

/** One question as it reads in the draft, with the project lead's actions on it. */
function QuestionItem(props: {
  question: ProcessQuestion;
  isFirst: boolean;
  isLast: boolean;
  onEdit: () => void;
  onMove: (direction: "up" | "down") => void;
  onRemove: () => void;
}) {
  const editor = useProcessEditor();
  const q = () => props.question;
  const hasOptions = () => choiceKinds.includes(q().kind) && q().options.length > 0;
  return (
    <li class="question">
      <p class="question-wording">{q().wording.plain}</p>
      <p class="question-meta">
        <span class="badge">{questionKindLabels[q().kind]}</span>
        <span class={q().required ? "badge badge-required" : "badge badge-optional"}>
          {q().required ? "Required" : "Optional"}
        </span>
      </p>
      <p class="easy-read-line">Easy read: {q().wording.easyRead}</p>
      <Show when={q().help.plain || q().help.easyRead}>
        <div class="question-help">
          <p>Help: {q().help.plain}</p>
          <Show when={q().help.easyRead}>
            <p class="easy-read-line">Easy read: {q().help.easyRead}</p>
          </Show>
        </div>
      </Show>
      <Show when={hasOptions()}>
        <ul class="question-options" aria-label="Options">
          <For each={q().options}>
            {(option) => (
              <li>
                {option.wording.plain}
                <span class="easy-read-line"> (easy read: {option.wording.easyRead})</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={editor.canEdit}>
        <div class="item-controls">
          <button
            id={`edit-question-${q().questionId}`}
            type="button"
            class="button button-secondary button-small"
            aria-label={`Edit: ${q().wording.plain}`}
            onClick={() => props.onEdit()}
          >
            Edit
          </button>
          <button
            id={moveId(q().questionId, "up")}
            type="button"
            class="button button-secondary button-small"
            aria-label={`Move up: ${q().wording.plain}`}
            disabled={props.isFirst}
            onClick={() => props.onMove("up")}
          >
            Move up
          </button>
          <button
            id={moveId(q().questionId, "down")}
            type="button"
            class="button button-secondary button-small"
            aria-label={`Move down: ${q().wording.plain}`}
            disabled={props.isLast}
            onClick={() => props.onMove("down")}
          >
            Move down
          </button>
          <button
            id={`remove-question-${q().questionId}`}
            type="button"
            class="button button-danger-quiet button-small"
            aria-label={`Remove: ${q().wording.plain}`}
            onClick={() => props.onRemove()}
          >
            Remove
          </button>
        </div>
      </Show>
    </li>
  );
}
