import { choiceKinds, type QuestionKind, questionKindLabels, questionKinds } from "@smallsupports/core/process-shape";
import { createEffect, createSignal, For, Index, on, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import {
  createDraftEdit,
  emptyWording,
  type ProcessQuestion,
  type QuestionInput,
  useProcessEditor,
  type Wording,
  wordingOf,
} from "./process-draft";
import { focusSoon, ItemControls, moved } from "./process-item-controls";
import { ConflictChoice } from "./process-section";
import { WordingFields, wordingErrors, wordingLinks } from "./process-wording-fields";

// The server's limits (packages/core/src/process-definition.ts).
const wordingLimit = 300;
const helpLimit = 600;
const optionLimit = 120;
const maxOptions = 12;
const minOptions = 2;

const kindHints: Record<QuestionKind, string> = {
  "long-text": "A few sentences or more, in their own words.",
  "short-text": "One line, such as a name.",
  "single-choice": "They choose one of the options you write.",
  "multiple-choice": "They choose any of the options you write.",
  "yes-no": "They answer yes or no.",
  number: "A whole number, such as how many people.",
  date: "A date, such as when they started.",
};

const ids = {
  page: "question-page",
  kind: "question-kind",
  required: "question-required",
  wording: "question-wording",
  help: "question-help",
  addOption: "question-add-option",
};

interface OptionDraft {
  optionId?: string;
  wording: Wording;
}

const isChoice = (kind: QuestionKind) => choiceKinds.includes(kind);

/**
 * Adding a question to a page, or changing one (`question`). What the person types is kept while
 * the dialog is open, whatever happens to the draft meanwhile, so a save refused because someone
 * else changed the process first can simply be made again.
 */
export function ProcessQuestionDialog(props: {
  open: boolean;
  onClose: () => void;
  /** The page it is added to, or the page it is on. */
  pageId: string;
  question: ProcessQuestion | null;
}) {
  const editor = useProcessEditor();
  const [pageId, setPageId] = createSignal("");
  const [kind, setKind] = createSignal<QuestionKind>("long-text");
  const [required, setRequired] = createSignal(true);
  const [wording, setWording] = createSignal(emptyWording());
  const [help, setHelp] = createSignal(emptyWording());
  const [options, setOptions] = createSignal<OptionDraft[]>([]);

  const pages = () => editor.draft().definition.pages;
  const pageTitle = (id: string) => pages().find((page) => page.pageId === id)?.title.plain ?? "the page";

  const save = createDraftEdit({
    send: (variables: { pageId: string; question: QuestionInput }, key) =>
      api.process.saveQuestion.mutate({ ...key, ...variables }),
    saved: (variables) =>
      variables.question.questionId
        ? `The question "${variables.question.wording.plain}" is saved.`
        : `The question "${variables.question.wording.plain}" is added to ${pageTitle(variables.pageId)}.`,
    onSaved: () => props.onClose(),
  });
  const errors = () => fieldErrors(save.error);

  // Filled in as the dialog opens, and only then: a fresh draft arriving later leaves the typing alone.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        const question = props.question;
        setPageId(props.pageId);
        setKind(question?.kind ?? "long-text");
        setRequired(question?.required ?? true);
        setWording(question ? wordingOf(question.wording) : emptyWording());
        setHelp(question ? wordingOf(question.help) : emptyWording());
        setOptions(
          question?.options.map((option) => ({ optionId: option.optionId, wording: wordingOf(option.wording) })) ?? [],
        );
        save.reset();
      },
    ),
  );

  function chooseKind(next: QuestionKind) {
    setKind(next);
    // A choice needs at least two options: start with two empty ones rather than an empty list.
    if (isChoice(next) && options().length === 0)
      setOptions([{ wording: emptyWording() }, { wording: emptyWording() }]);
  }

  function submit() {
    save.mutate({
      pageId: pageId(),
      question: {
        questionId: props.question?.questionId,
        kind: kind(),
        required: required(),
        wording: wording(),
        help: help(),
        options: isChoice(kind()) ? options() : [],
      },
    });
  }

  const links = () =>
    Object.assign(
      { pageId: ids.page, "question.kind": ids.kind, "question.required": ids.required },
      wordingLinks("question.wording", ids.wording),
      wordingLinks("question.help", ids.help),
      ...options().map((_, index) => wordingLinks(`question.options.${index}.wording`, `question-option-${index}`)),
      { "question.options": ids.addOption },
    ) as Record<string, string>;

  const kindError = () => errors()["question.kind"];
  const optionsError = () => errors()["question.options"];

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && props.onClose()}
      title={props.question ? "Edit the question" : `Add a question to ${pageTitle(props.pageId)}`}
      description="Write it in everyday words and in easy read: each provider reads the version they choose."
    >
      <form
        class="form process-question-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <ErrorSummary error={save.error} fields={links()} />
        <ConflictChoice error={save.error}>Save again to make your change to the latest version.</ConflictChoice>
        <WordingFields
          id={ids.wording}
          legend="The question"
          value={wording()}
          onChange={setWording}
          maxLength={wordingLimit}
          multiline
          errors={wordingErrors(errors(), "question.wording")}
        />
        <fieldset class="field" aria-describedby={kindError() ? `${ids.kind}-error` : undefined}>
          <legend class="wording-legend">Kind of answer</legend>
          <Show when={kindError()}>
            <p id={`${ids.kind}-error`} class="field-error">
              {kindError()}
            </p>
          </Show>
          <div class="radios process-kinds">
            <For each={questionKinds}>
              {(each, index) => (
                <label class="radio">
                  <input
                    id={index() === 0 ? ids.kind : `${ids.kind}-${each}`}
                    type="radio"
                    name="question-kind"
                    value={each}
                    checked={kind() === each}
                    onChange={() => chooseKind(each)}
                    aria-describedby={`${ids.kind}-${each}-hint`}
                  />
                  <span>
                    <span class="radio-label">{questionKindLabels[each]}</span>
                    <span id={`${ids.kind}-${each}-hint`} class="field-hint">
                      {kindHints[each]}
                    </span>
                  </span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <Show when={isChoice(kind())}>
          <fieldset class="field" aria-describedby={optionsError() ? `${ids.addOption}-error` : undefined}>
            <legend class="wording-legend">Options to choose from</legend>
            <p class="field-hint">
              At least {minOptions}, at most {maxOptions}.
            </p>
            <Show when={optionsError()}>
              <p id={`${ids.addOption}-error`} class="field-error">
                {optionsError()}
              </p>
            </Show>
            <ol class="process-edit-list">
              <Index each={options()}>
                {(option, index) => (
                  <li class="process-edit-item">
                    <WordingFields
                      id={`question-option-${index}`}
                      legend={`Option ${index + 1}`}
                      value={option().wording}
                      onChange={(changed) =>
                        setOptions((list) => list.map((old, at) => (at === index ? { ...old, wording: changed } : old)))
                      }
                      maxLength={optionLimit}
                      errors={wordingErrors(errors(), `question.options.${index}.wording`)}
                    />
                    <ItemControls
                      name={option().wording.plain || `Option ${index + 1}`}
                      idPrefix="question-option"
                      index={index}
                      count={options().length}
                      min={minOptions}
                      onMove={(from, to) => setOptions((list) => moved(list, from, to))}
                      onRemove={(at) => setOptions((list) => list.filter((_, i) => i !== at))}
                      fallbackId={ids.addOption}
                    />
                  </li>
                )}
              </Index>
            </ol>
            <Show when={options().length < maxOptions}>
              <div>
                <button
                  id={ids.addOption}
                  type="button"
                  class="button button-secondary"
                  onClick={() => {
                    setOptions((list) => [...list, { wording: emptyWording() }]);
                    focusSoon(`question-option-${options().length - 1}-plain`);
                  }}
                >
                  Add an option
                </button>
              </div>
            </Show>
          </fieldset>
        </Show>
        <div class="field">
          <label class="checkbox">
            <input
              id={ids.required}
              type="checkbox"
              checked={required()}
              onChange={(event) => setRequired(event.currentTarget.checked)}
            />
            <span class="radio-label">Providers must answer this question</span>
          </label>
        </div>
        <WordingFields
          id={ids.help}
          legend="Help text"
          hint="Shown under the question: an example, or what a good answer covers."
          optional
          value={help()}
          onChange={setHelp}
          maxLength={helpLimit}
          multiline
          errors={wordingErrors(errors(), "question.help")}
        />
        <Show when={pages().length > 1}>
          <div class="field">
            <label class="field-label" for={ids.page}>
              Page
            </label>
            <p id={`${ids.page}-hint`} class="field-hint">
              Choose another page to move the question there, at its end.
            </p>
            <select
              id={ids.page}
              class="input select"
              onChange={(event) => setPageId(event.currentTarget.value)}
              aria-describedby={`${ids.page}-hint`}
              aria-invalid={errors().pageId ? "true" : undefined}
            >
              <For each={pages()}>
                {(page) => (
                  <option value={page.pageId} selected={page.pageId === pageId()}>
                    {page.title.plain}
                  </option>
                )}
              </For>
            </select>
            <Show when={errors().pageId}>
              <p class="field-error">{errors().pageId}</p>
            </Show>
          </div>
        </Show>
        <FormActions
          label={props.question ? "Save question" : "Add question"}
          busyLabel="Saving…"
          busy={save.isPending}
          onCancel={() => props.onClose()}
        />
      </form>
    </Modal>
  );
}
