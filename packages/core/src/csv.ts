import { stringify } from "csv-stringify/sync";

/** A cell that a spreadsheet would treat as a formula gets a leading apostrophe, so it is shown as text. */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Rows as CSV, every cell guarded: names people typed (a site's, an organisation's) reach spreadsheets. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(guardFormula)));
}
