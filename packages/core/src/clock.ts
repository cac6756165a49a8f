import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The time services act at. Almost always the real time; the demo seed and tests set another
 * with `atTime()` to give records a believable past (an invitation sent three weeks ago) without
 * writing to the table behind the services' backs.
 */
const storage = new AsyncLocalStorage<Date>();

export function now(): Date {
  const fixed = storage.getStore();
  return fixed ? new Date(fixed) : new Date();
}

export function atTime<T>(time: Date, run: () => T): T {
  return storage.run(time, run);
}

export const dayMs = 24 * 60 * 60 * 1000;

const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", dateStyle: "short" });

/** The calendar day in the UK at `at` (now by default), YYYY-MM-DD: due dates are UK days. */
export function today(at: Date = now()): string {
  return londonDay.format(at);
}

/** The day `days` after (or before, if negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}
