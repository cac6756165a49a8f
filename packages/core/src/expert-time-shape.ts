/**
 * The kinds of paid time and how pay is worked out. Plain constants and pure functions with no
 * imports, so the web app can share them.
 */
export const timeActivities = ["reading", "panel", "interview", "training"] as const;
export type TimeActivity = (typeof timeActivities)[number];

export const timeActivityLabels: Record<TimeActivity, string> = {
  reading: "Reading applications",
  panel: "Panel meeting",
  interview: "Interview or conversation",
  training: "Training",
};

/** Until a site sets its own, the NHS involvement day rate most sites use, and a 7.5-hour day. */
export const defaultPayRate = { dayRatePence: 15_000, hoursPerDay: 7.5 };

/** Pay for `minutes` at a day rate, in whole pence (rounded half up once, on the total). */
export function payPence(minutes: number, dayRatePence: number, hoursPerDay: number): number {
  return Math.round((minutes * dayRatePence) / (hoursPerDay * 60));
}

/** "£1,234.50" */
export const formatPounds = (pence: number) =>
  (pence / 100).toLocaleString("en-GB", { style: "currency", currency: "GBP" });

/** "2 hours 15 minutes", "45 minutes". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [];
  if (hours) parts.push(`${hours} hour${hours === 1 ? "" : "s"}`);
  if (rest || !hours) parts.push(`${rest} minutes`);
  return parts.join(" ");
}
