import { characteristics } from "@smallsupports/core/characteristics";
import { createSignal, For, Index, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import {
  type Criterion,
  createDraftEdit,
  emptyWording,
  useProcessEditor,
  type Wording,
  wordingOf,
} from "./process-draft";
import { focusSoon, ItemControls, moved } from "./process-item-controls";
import { ConflictChoice, ProcessSection } from "./process-section";
import { WordingFields, wordingErrors, wordingLinks } from "./process-wording-fields";

// The server's limits (packages/core/src/process-definition.ts).
const wordingLimit = 300;
const maxCriteria = 20;

interface CriterionDraft {
  criterionId?: string;
  wording: Wording;
  /** 1 to 9, a Small Supports characteristic; null for a criterion of the site's own. */
  characteristic: number | null;
}

/** "3. Supporters (staff) recruited…" or "Site-specific". */
export function characteristicLabel(characteristic: number | null): string {
  if (characteristic === null) return "Site-specific";
  return `Characteristic ${characteristic}: ${characteristics[characteristic - 1] ?? ""}`;
}

const addId = "process-criteria-add";

/** What panels score each application against, in order, each linked to a characteristic or the site's own. */
export function ProcessCriteria() {
  const editor = useProcessEditor();
  const [editing, setEditing] = createSignal(false);
  const [criteria, setCriteria] = createSignal<CriterionDraft[]>([]);

  const save = createDraftEdit({
    send: (list: CriterionDraft[], key) => api.process.saveCriteria.mutate({ ...key, criteria: list }),
    saved: () => "The criteria are saved.",
    onSaved: () => setEditing(false),
  });
  const errors = () => fieldErrors(save.error);

  function edit() {
    setCriteria(
      editor.draft().definition.criteria.map((criterion) => ({
        criterionId: criterion.criterionId,
        wording: wordingOf(criterion.wording),
        characteristic: criterion.characteristic,
      })),
    );
    save.reset();
    setEditing(true);
  }

  const update = (index: number, change: Partial<CriterionDraft>) =>
    setCriteria((list) => list.map((criterion, at) => (at === index ? { ...criterion, ...change } : criterion)));

  const links = () =>
    Object.assign(
      {},
      ...criteria().flatMap((_, index) => [
        wordingLinks(`criteria.${index}.wording`, `criterion-${index}-wording`),
        { [`criteria.${index}.characteristic`]: `criterion-${index}-characteristic` },
      ]),
    ) as Record<string, string>;

  return (
    <ProcessSection
      id="process-criteria"
      title="Criteria"
      editLabel="Change the criteria"
      editing={editing()}
      onEdit={edit}
      intro={
        <p>
          What the panel scores each application against, in this order. Link each criterion to one of the nine Small
          Supports characteristics, or mark it site-specific: the link lets national staff compare sites.
        </p>
      }
      form={
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(criteria());
          }}
        >
          <ErrorSummary error={save.error} fields={links()} />
          <ConflictChoice error={save.error}>
            Save again to replace the criteria with yours, or cancel to see the latest.
          </ConflictChoice>
          <ol class="process-edit-list">
            <Index each={criteria()}>
              {(criterion, index) => {
                const selectId = `criterion-${index}-characteristic`;
                const error = () => errors()[`criteria.${index}.characteristic`];
                return (
                  <li class="process-edit-item">
                    <h3 class="process-item-title">Criterion {index + 1}</h3>
                    <WordingFields
                      id={`criterion-${index}-wording`}
                      legend="Wording"
                      value={criterion().wording}
                      onChange={(wording) => update(index, { wording })}
                      maxLength={wordingLimit}
                      multiline
                      errors={wordingErrors(errors(), `criteria.${index}.wording`)}
                    />
                    <div class="field">
                      <label class="field-label" for={selectId}>
                        Links to
                      </label>
                      <p id={`${selectId}-hint`} class="field-hint">
                        The Small Supports characteristic it looks for, or Site-specific.
                      </p>
                      <Show when={error()}>
                        <p id={`${selectId}-error`} class="field-error">
                          {error()}
                        </p>
                      </Show>
                      <select
                        id={selectId}
                        class="input select"
                        aria-describedby={[`${selectId}-hint`, error() && `${selectId}-error`]
                          .filter(Boolean)
                          .join(" ")}
                        aria-invalid={error() ? "true" : undefined}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          update(index, { characteristic: value === "" ? null : Number(value) });
                        }}
                      >
                        <For each={characteristics}>
                          {(name, at) => (
                            <option value={at() + 1} selected={criterion().characteristic === at() + 1}>
                              {at() + 1}. {name}
                            </option>
                          )}
                        </For>
                        <option value="" selected={criterion().characteristic === null}>
                          Site-specific
                        </option>
                      </select>
                    </div>
                    <ItemControls
                      name={criterion().wording.plain || `Criterion ${index + 1}`}
                      idPrefix="criterion"
                      index={index}
                      count={criteria().length}
                      min={1}
                      onMove={(from, to) => setCriteria((list) => moved(list, from, to))}
                      onRemove={(at) => setCriteria((list) => list.filter((_, i) => i !== at))}
                      fallbackId={addId}
                    />
                  </li>
                );
              }}
            </Index>
          </ol>
          <Show when={criteria().length < maxCriteria}>
            <div>
              <button
                id={addId}
                type="button"
                class="button button-secondary"
                onClick={() => {
                  setCriteria((list) => [...list, { wording: emptyWording(), characteristic: null }]);
                  focusSoon(`criterion-${criteria().length - 1}-wording-plain`);
                }}
              >
                Add a criterion
              </button>
            </div>
          </Show>
          <FormActions
            label="Save criteria"
            busyLabel="Saving…"
            busy={save.isPending}
            onCancel={() => setEditing(false)}
          />
        </form>
      }
    >
      <ol class="process-list">
        <For each={editor.draft().definition.criteria}>
          {(criterion: Criterion, index) => (
            <li class="process-item">
              <p class="process-item-main">
                {index() + 1}. {criterion.wording.plain}
              </p>
              <p class="easy-read-line">Easy read: {criterion.wording.easyRead}</p>
              <p class="process-note">{characteristicLabel(criterion.characteristic)}</p>
            </li>
          )}
        </For>
      </ol>
    </ProcessSection>
  );
}
