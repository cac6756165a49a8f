import { createSignal, For, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { createDraftEdit, emptyWording, type Stage, useProcessEditor, type Wording, wordingOf } from "./process-draft";
import { ItemControls } from "./process-item-controls";
import { createListDraft, ProcessListForm } from "./process-list-form";
import { ProcessSection } from "./process-section";
import { WordingFields, wordingErrors, wordingLinks } from "./process-wording-fields";

// The server's limits (packages/core/src/process-definition.ts).
const nameLimit = 80;
const descriptionLimit = 600;
const maxStages = 10;
const minStages = 2;

/** A stage being edited: new ones have no id until the server gives them one. */
interface StageDraft {
  stageId?: string;
  name: Wording;
  description: Wording;
}

/** What the first two stages mean to every application, whatever the site calls them. */
function stageRole(index: number): string | undefined {
  if (index === 0) return "Where an application sits while the provider writes it.";
  if (index === 1) return "Where it goes when the provider submits it.";
  return undefined;
}

const addId = "process-stages-add";

/** The stages an application moves through, in order. */
export function ProcessStages() {
  const editor = useProcessEditor();
  const [editing, setEditing] = createSignal(false);
  const list = createListDraft<StageDraft>();
  const stages = list.items;

  const save = createDraftEdit({
    send: (list: StageDraft[], key) => api.process.saveStages.mutate({ ...key, stages: list }),
    saved: () => "The stages are saved.",
    onSaved: () => setEditing(false),
  });
  const errors = () => fieldErrors(save.error);

  function edit() {
    list.set(
      editor.draft().definition.stages.map((stage) => ({
        stageId: stage.stageId,
        name: wordingOf(stage.name),
        description: wordingOf(stage.description),
      })),
    );
    save.reset();
    setEditing(true);
  }

  const links = () =>
    Object.assign(
      {},
      ...stages().flatMap((_, index) => [
        wordingLinks(`stages.${index}.name`, `stage-${index}-name`),
        wordingLinks(`stages.${index}.description`, `stage-${index}-description`),
      ]),
    ) as Record<string, string>;

  return (
    <ProcessSection
      id="process-stages"
      title="Stages"
      editLabel="Change the stages"
      editing={editing()}
      onEdit={edit}
      intro={
        <p>
          The steps an application moves through, in order. The first stage is where an application sits while the
          provider writes it; submitting it moves it to the second. Providers read each stage's description to know what
          is happening.
        </p>
      }
      form={
        <ProcessListForm
          list={list}
          save={save}
          fields={links()}
          conflict="Save again to replace the stages with yours, or cancel to see the latest."
          item={(stage, index) => (
            <>
              <h3 class="process-item-title">Stage {index + 1}</h3>
              <Show when={stageRole(index)}>{(role) => <p class="muted">{role()}</p>}</Show>
              <WordingFields
                id={`stage-${index}-name`}
                legend="Name"
                value={stage().name}
                onChange={(name) => list.update(index, { name })}
                maxLength={nameLimit}
                errors={wordingErrors(errors(), `stages.${index}.name`)}
              />
              <WordingFields
                id={`stage-${index}-description`}
                legend="What happens at this stage"
                hint="Told to the provider whose application is at this stage."
                value={stage().description}
                onChange={(description) => list.update(index, { description })}
                maxLength={descriptionLimit}
                multiline
                errors={wordingErrors(errors(), `stages.${index}.description`)}
              />
              <ItemControls
                name={stage().name.plain || `Stage ${index + 1}`}
                idPrefix="stage"
                index={index}
                count={stages().length}
                min={minStages}
                onMove={list.move}
                onRemove={list.remove}
                fallbackId={addId}
              />
            </>
          )}
          add={{
            id: addId,
            label: "Add a stage",
            max: maxStages,
            make: () => ({ name: emptyWording(), description: emptyWording() }),
            focusId: (index) => `stage-${index}-name-plain`,
          }}
          saveLabel="Save stages"
          onCancel={() => setEditing(false)}
        />
      }
    >
      <StageList stages={editor.draft().definition.stages} />
    </ProcessSection>
  );
}

function StageList(props: { stages: Stage[] }) {
  return (
    <ol class="process-list">
      <For each={props.stages}>
        {(stage, index) => (
          <li class="process-item">
            <p class="process-item-main">
              {index() + 1}. {stage.name.plain}
            </p>
            <p class="easy-read-line">Easy read: {stage.name.easyRead}</p>
            <Show when={stageRole(index())}>{(role) => <p class="process-note">{role()}</p>}</Show>
            <p>{stage.description.plain}</p>
            <p class="easy-read-line">Easy read: {stage.description.easyRead}</p>
          </li>
        )}
      </For>
    </ol>
  );
}
