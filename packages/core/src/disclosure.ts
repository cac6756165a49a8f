/**
 * NHS England's rule for publishing health statistics below national level, applied by the API
 * to every figure about individuals before it leaves a site's figures: a count from 1 to 7 is
 * shown as "fewer than 8", any other count is rounded to the nearest 5, an average over fewer
 * than 8 people is not shown, and where a hidden count could be worked out from a total and the
 * other counts beside it, a second count is hidden too.
 *
 * Figures about organisations, sessions and panels are not about individuals and stay exact;
 * they never pass through here.
 */

/** A figure about individuals as it may be published. */
export type ProtectedCount =
  | { kind: "count"; value: number }
  /** 1 to 7 people. */
  | { kind: "fewer-than-8" }
  /** Hidden so that another hidden count cannot be worked out from a total. */
  | { kind: "hidden" };

export type ProtectedAverage = { kind: "average"; value: number; people: ProtectedCount } | { kind: "too-few" };

/** Smallest count published as a number; 0 is published as it is. */
export const smallestShown = 8;
export const roundTo = 5;

/** One count on its own: 0 as it is, 1 to 7 as "fewer than 8", otherwise to the nearest 5. */
export function protectCount(count: number): ProtectedCount {
  if (!Number.isInteger(count) || count < 0) throw new Error(`A count of people is a whole number, not ${count}.`);
  if (count === 0) return { kind: "count", value: 0 };
  if (count < smallestShown) return { kind: "fewer-than-8" };
  return { kind: "count", value: Math.round(count / roundTo) * roundTo };
}

/** An average over `people`: not shown over fewer than 8. */
export function protectAverage(sum: number, people: number): ProtectedAverage {
  if (people < smallestShown) return { kind: "too-few" };
  return { kind: "average", value: sum / people, people: protectCount(people) };
}

/**
 * A table of counts whose rows and columns add up to totals that are published. Each cell is
 * protected on its own; then, wherever a row or a column has exactly one hidden cell, the
 * smallest other cell above zero in it is hidden too (a zero hides nothing: the hidden count
 * would still be the total less the rest), until no line has a lone hidden cell.
 */
export function protectTable(counts: readonly (readonly number[])[]): ProtectedCount[][] {
  const cells = counts.map((row) => row.map(protectCount));
  const lines: [number, number][][] = [
    ...counts.map((row, r) => row.map((_, c): [number, number] => [r, c])),
    ...(counts[0] ?? []).map((_, c) => counts.map((_, r): [number, number] => [r, c])),
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => cells[r]?.[c]?.kind !== "count");
      if (hidden.length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => cells[r]?.[c]?.kind === "count" && (counts[r]?.[c] ?? 0) > 0)
        .sort(([r1, c1], [r2, c2]) => (counts[r1]?.[c1] ?? 0) - (counts[r2]?.[c2] ?? 0));
      const next = candidates[0];
      if (!next) continue;
      const [r, c] = next;
      (cells[r] as ProtectedCount[])[c] = { kind: "hidden" };
      changed = true;
    }
  }
  return cells;
}

/** A row of counts with a published total, such as one site's individuals by journey stage. */
export function protectRow(counts: readonly number[]): ProtectedCount[] {
  return protectTable([counts])[0] ?? [];
}
