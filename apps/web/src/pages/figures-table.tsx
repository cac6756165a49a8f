import { type Cell, type Column, cellOrder, cellText } from "@smallsupports/core/analytics-shape";
import { createMemo, createSignal, For, Show } from "solid-js";

export interface FiguresRow {
  key: string;
  name: string;
  cells: Record<string, Cell | undefined>;
}

/** One figure as the table shows it: protected and empty cells in words, an old date flagged. */
export function FigureCell(props: { cell: Cell | undefined }) {
  const cell = () => props.cell ?? ({ kind: "none" } as const);
  return (
    <Show
      when={!["none", "fewer-than-8", "hidden", "too-few"].includes(cell().kind)}
      fallback={<span class="muted">{cellText(cell())}</span>}
    >
      {cellText(cell())}
      <Show when={cell().kind === "date" && (cell() as { stale: boolean }).stale}>
        {" "}
        <span class="badge badge-warning">Over 30 days</span>
      </Show>
    </Show>
  );
}

/**
 * A table of figures, one row a site, sortable by any column: each header is a button, and the
 * header sorted by says so (aria-sort). The footer rows (the programme) stay put under the sites.
 */
export function SortableFigures(props: {
  caption: string;
  firstHeader: string;
  columns: Column[];
  rows: FiguresRow[];
  footer: FiguresRow[];
}) {
  const [sortBy, setSortBy] = createSignal<string | null>(null);
  const [descending, setDescending] = createSignal(true);
  const sorted = createMemo(() => {
    const by = sortBy();
    if (!by) return props.rows;
    const direction = descending() ? -1 : 1;
    return [...props.rows].sort((a, b) => {
      if (by === "name") return direction * a.name.localeCompare(b.name, "en-GB");
      const [x, y] = [a.cells[by], b.cells[by]].map((cell) => (cell ? cellOrder(cell) : null));
      // Cells with nothing to show go last whichever way the column is sorted.
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      return direction * (x - y);
    });
  });
  const sortOn = (id: string) => {
    if (sortBy() === id) setDescending(!descending());
    else {
      setSortBy(id);
      // Names read A to Z first; figures largest first.
      setDescending(id !== "name");
    }
  };
  const ariaSort = (id: string) => (sortBy() === id ? (descending() ? "descending" : "ascending") : undefined);

  return (
    <div class="table-wrap figures-table-wrap">
      <table class="table figures-table">
        <caption class="visually-hidden">{props.caption}. Choose a column's heading to sort by it.</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort("name")} class="figures-name">
              <SortButton label={props.firstHeader} active={sortBy() === "name"} onSort={() => sortOn("name")} />
            </th>
            <For each={props.columns}>
              {(column) => (
                <th scope="col" aria-sort={ariaSort(column.id)} class="number">
                  <SortButton
                    label={column.short ?? column.label}
                    fullLabel={column.short ? column.label : undefined}
                    active={sortBy() === column.id}
                    onSort={() => sortOn(column.id)}
                  />
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={sorted()}>{(row) => <FiguresTableRow row={row} columns={props.columns} />}</For>
        </tbody>
        <Show when={props.footer.length}>
          <tfoot>
            <For each={props.footer}>{(row) => <FiguresTableRow row={row} columns={props.columns} />}</For>
          </tfoot>
        </Show>
      </table>
    </div>
  );
}

function FiguresTableRow(props: { row: FiguresRow; columns: Column[] }) {
  return (
    <tr>
      <th scope="row" class="figures-name">
        <bdi>{props.row.name}</bdi>
      </th>
      <For each={props.columns}>
        {(column) => (
          <td class="number">
            <FigureCell cell={props.row.cells[column.id]} />
          </td>
        )}
      </For>
    </tr>
  );
}

function SortButton(props: { label: string; fullLabel?: string | undefined; active: boolean; onSort: () => void }) {
  return (
    <button type="button" class="sort-button" classList={{ active: props.active }} onClick={() => props.onSort()}>
      <Show when={props.fullLabel} fallback={props.label}>
        <span aria-hidden="true">{props.label}</span>
        <span class="visually-hidden">{props.fullLabel}</span>
      </Show>
      <span class="sort-mark" aria-hidden="true" />
    </button>
  );
}
