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
