import { type Accessor, createSignal, Index, type JSX, Show } from "solid-js";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { focusSoon, moved } from "./process-item-controls";
import { ConflictChoice } from "./process-section";

/**
 * A list the lead edits in place and saves whole (stages, criteria, the scale): the form keeps its
 * own copy, so an edit arriving from elsewhere never overwrites what the lead is typing.
 */
export function createListDraft<T extends object>() {
  const [items, setItems] = createSignal<T[]>([]);
  return {
    items,
    set: setItems,
    update: (index: number, change: Partial<T>) =>
      setItems((list) => list.map((item, at) => (at === index ? { ...item, ...change } : item))),
    move: (from: number, to: number) => setItems((list) => moved(list, from, to)),
    remove: (index: number) => setItems((list) => list.filter((_, at) => at !== index)),
  };
}

export type ListDraft<T extends object> = ReturnType<typeof createListDraft<T>>;

/**
 * The form around such a list: the error summary, the choice after a conflict, one item per
 * entry, "Add …" while there is room (focus goes to the new item), and Save or Cancel.
 */
export function ProcessListForm<T extends object>(props: {
  list: ListDraft<T>;
  save: { error: unknown; isPending: boolean; mutate: (items: T[]) => void };
  /** The API's field names mapped to the ids of their inputs, for the error summary. */
  fields: Record<string, string>;
  /** What saving again after a conflict does. */
  conflict: string;
  item: (item: Accessor<T>, index: number) => JSX.Element;
  /** A problem with the whole list, shown under it. */
  listError?: string;
  add: { id: string; label: string; max: number; make: () => T; focusId: (index: number) => string };
  saveLabel: string;
  onCancel: () => void;
}) {
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.save.mutate(props.list.items());
      }}
    >
      <ErrorSummary error={props.save.error} fields={props.fields} />
      <ConflictChoice error={props.save.error}>{props.conflict}</ConflictChoice>
      <ol class="process-edit-list">
        <Index each={props.list.items()}>
          {(item, index) => <li class="process-edit-item">{props.item(item, index)}</li>}
        </Index>
      </ol>
      <Show when={props.listError}>
        <p class="field-error">{props.listError}</p>
      </Show>
      <Show when={props.list.items().length < props.add.max}>
        <div>
          <button
            id={props.add.id}
            type="button"
            class="button button-secondary"
            onClick={() => {
              props.list.set((list) => [...list, props.add.make()]);
              focusSoon(props.add.focusId(props.list.items().length - 1));
            }}
          >
            {props.add.label}
          </button>
        </div>
      </Show>
      <FormActions label={props.saveLabel} busyLabel="Saving…" busy={props.save.isPending} onCancel={props.onCancel} />
    </form>
  );
}
