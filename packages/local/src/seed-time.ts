import { Clock } from "@smallsupports/core";

/** When things happen in the demo: given in days before now, so the demo stays recent. */
export const daysAgo = (days: number) => new Date(Date.now() - days * Clock.dayMs);

/** Runs `run` as if it were `days` before now (never quite now, so it sorts before real actions). */
export const at = <T>(days: number, run: () => Promise<T>) => Clock.atTime(daysAgo(Math.max(days, 0.05)), run);

/** A UK calendar day `days` from today (negative for the past). */
export const dayFromToday = (days: number) => Clock.addDays(Clock.today(), days);
