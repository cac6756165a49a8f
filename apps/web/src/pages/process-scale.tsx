import { createSignal, For } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { createDraftEdit, emptyWording, useProcessEditor, type Wording, wordingOf } from "./process-draft";
import { ItemControls } from "./process-item-controls";
import { createListDraft, ProcessListForm } from "./process-list-form";
import { ProcessSection } from "./process-section";
import { WordingFields, wordingErrors, wordingLinks } from "./process-wording-fields";

// The server's limits (packages/core/src/process-definition.ts).
const descriptorLimit = 200;
const minPoints = 3;
const maxPoints = 5;

/** "1 (lowest)", "2", … "5 (highest)". */
function pointName(index: number, count: number): string {
  if (index === 0) return "Point 1 (lowest)";
  if (index === count - 1) return `Point ${index + 1} (highest)`;
  return `Point ${index + 1}`;
}

const addId = "process-scale-add";

/** The points a panel scores each criterion on, lowest first, each with words saying what it means. */
export function ProcessScale() {
  const editor = useProcessEditor();
  const [editing, setEditing] = createSignal(false);
  const list = createListDraft<Wording>();
  const points = list.items;

  const save = createDraftEdit({
    send: (scale: Wording[], key) =>
      api.process.saveScale.mutate({ ...key, scale: scale.map((wording) => ({ wording })) }),
    saved: () => "The scoring scale is saved.",
    onSaved: () => setEditing(false),
  });
  const errors = () => fieldErrors(save.error);

  function edit() {
    list.set(editor.draft().definition.scale.map((point) => wordingOf(point.wording)));
    save.reset();
    setEditing(true);
  }

  const links = () =>
    Object.assign(
      { scale: addId },
      ...points().map((_, index) => wordingLinks(`scale.${index}.wording`, `scale-${index}`)),
    ) as Record<string, string>;

  return (
    <ProcessSection
      id="process-scale"
      title="Scoring scale"
      editLabel="Change the scale"
      editing={editing()}
      onEdit={edit}
      intro={
        <p>
          The panel scores each criterion on this scale, from the lowest point to the highest. Use 3 to 5 points, each
          with words that say what it means, so every panel member scores the same way.
        </p>
      }
      form={
        <ProcessListForm
          list={list}
          save={save}
          fields={links()}
          conflict="Save again to replace the scale with yours, or cancel to see the latest."
          item={(point, index) => (
            <>
              <WordingFields
                id={`scale-${index}`}
                legend={pointName(index, points().length)}
                value={point()}
                onChange={(wording) => list.update(index, wording)}
                maxLength={descriptorLimit}
                errors={wordingErrors(errors(), `scale.${index}.wording`)}
              />
              <ItemControls
                name={pointName(index, points().length)}
                idPrefix="scale"
                index={index}
                count={points().length}
                min={minPoints}
                movable={false}
                onMove={() => undefined}
                onRemove={list.remove}
                fallbackId={addId}
              />
            </>
          )}
          listError={errors().scale}
          add={{
            id: addId,
            label: "Add a higher point",
            max: maxPoints,
            make: emptyWording,
            focusId: (index) => `scale-${index}-plain`,
          }}
          saveLabel="Save scale"
          onCancel={() => setEditing(false)}
        />
      }
    >
      <ol class="process-list">
        <For each={editor.draft().definition.scale}>
          {(point, index) => (
            <li class="process-item">
              <p class="process-item-main">
                {index() + 1}. {point.wording.plain}
              </p>
              <p class="easy-read-line">Easy read: {point.wording.easyRead}</p>
            </li>
          )}
        </For>
      </ol>
    </ProcessSection>
  );
}
