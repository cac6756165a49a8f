import { Show } from "solid-js";

/** Focus an element once the list has drawn its change; `ids` are tried in turn (the first that can take it). */
export function focusSoon(...ids: string[]) {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element instanceof HTMLElement && !(element as HTMLButtonElement).disabled) {
        element.focus();
        return;
      }
    }
  });
}

/** The ids of an item's buttons, so focus can follow the item after it moves. */
export const itemControlIds = (prefix: string, index: number) => ({
  up: `${prefix}-${index}-up`,
  down: `${prefix}-${index}-down`,
  remove: `${prefix}-${index}-remove`,
});

/**
 * Move up, Move down and Remove for one item of a list being edited (a stage, a criterion, an
 * option). Their names say which item, so a screen reader's list of buttons makes sense. After a
 * move, focus follows the item to its new place.
 */
export function ItemControls(props: {
  /** Names the item in the buttons' accessible names: "Move up: Panel review". */
  name: string;
  idPrefix: string;
  index: number;
  count: number;
  /** The fewest the list may have; Remove is not offered below it. */
  min: number;
  /** Moving is offered only where order matters. */
  movable?: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  /** Where focus goes after a removal when no item's button can take it (the list's Add button). */
  fallbackId: string;
}) {
  const ids = () => itemControlIds(props.idPrefix, props.index);
  function move(step: -1 | 1) {
    const to = props.index + step;
    props.onMove(props.index, to);
    const target = itemControlIds(props.idPrefix, to);
    focusSoon(step < 0 ? target.up : target.down, step < 0 ? target.down : target.up);
  }
  function remove() {
    const { index, count } = props;
    props.onRemove(index);
    // Focus stays in the list: on the item that took this one's place, or the one before.
    const next = itemControlIds(props.idPrefix, Math.min(index, count - 2));
    focusSoon(next.remove, next.up, next.down, props.fallbackId);
  }
  return (
    <div class="item-controls">
      <Show when={props.movable !== false}>
        <button
          id={ids().up}
          type="button"
          class="button button-secondary button-small"
          disabled={props.index === 0}
          aria-label={`Move up: ${props.name}`}
          onClick={() => move(-1)}
        >
          Move up
        </button>
        <button
          id={ids().down}
          type="button"
          class="button button-secondary button-small"
          disabled={props.index === props.count - 1}
          aria-label={`Move down: ${props.name}`}
          onClick={() => move(1)}
        >
          Move down
        </button>
      </Show>
      <Show when={props.count > props.min}>
        <button
          id={ids().remove}
          type="button"
          class="button button-danger-quiet button-small"
          aria-label={`Remove: ${props.name}`}
          onClick={remove}
        >
          Remove
        </button>
      </Show>
    </div>
  );
}

/** Moves one item of a copy of a list. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}
