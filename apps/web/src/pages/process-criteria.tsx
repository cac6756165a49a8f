import { characteristics } from "@smallsupports/core/characteristics";
import { createSignal, For, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import {
  type Criterion,
  createDraftEdit,
  emptyWording,
  useProcessEditor,
  type Wording,
  wordingOf,
} from "./process-draft";
import { ItemControls } from "./process-item-controls";
import { createListDraft, ProcessListForm } from "./process-list-form";
import { ProcessSection } from "./process-section";
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
  const list = createListDraft<CriterionDraft>();
  const criteria = list.items;

  const save = createDraftEdit({
    send: (list: CriterionDraft[], key) => api.process.saveCriteria.mutate({ ...key, criteria: list }),
    saved: () => "The criteria are saved.",
    onSaved: () => setEditing(false),
  });
  const errors = () => fieldErrors(save.error);

  function edit() {
    list.set(
      editor.draft().definition.criteria.map((criterion) => ({
        criterionId: criterion.criterionId,
        wording: wordingOf(criterion.wording),
        characteristic: criterion.characteristic,
      })),
    );
    save.reset();
    setEditing(true);
  }

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
        <ProcessListForm
          list={list}
          save={save}
          fields={links()}
          conflict="Save again to replace the criteria with yours, or cancel to see the latest."
          item={(criterion, index) => {
            const selectId = `criterion-${index}-characteristic`;
            const error = () => errors()[`criteria.${index}.characteristic`];
            return (
              <>
                <h3 class="process-item-title">Criterion {index + 1}</h3>
                <WordingFields
                  id={`criterion-${index}-wording`}
                  legend="Wording"
                  value={criterion().wording}
                  onChange={(wording) => list.update(index, { wording })}
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
                    aria-describedby={[`${selectId}-hint`, error() && `${selectId}-error`].filter(Boolean).join(" ")}
                    aria-invalid={error() ? "true" : undefined}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      list.update(index, { characteristic: value === "" ? null : Number(value) });
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
                  onMove={list.move}
                  onRemove={list.remove}
                  fallbackId={addId}
                />
              </>
            );
          }}
          add={{
            id: addId,
            label: "Add a criterion",
            max: maxCriteria,
            make: () => ({ wording: emptyWording(), characteristic: null }),
            focusId: (index) => `criterion-${index}-wording-plain`,
          }}
          saveLabel="Save criteria"
          onCancel={() => setEditing(false)}
        />
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
