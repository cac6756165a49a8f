import type { RouterOutputs } from "@smallsupports/api";
import { type CqcStatus, cqcStatuses } from "@smallsupports/core/organisation-shape";
import { quietDays } from "@smallsupports/core/process-shape";
import { formatDate } from "../api/labels";
import "../styles/time.css";

/** An application as the board lists it and as the review page reads it. */
export type BoardApplication = RouterOutputs["application"]["board"]["items"][number];
/** An application with the process version it is on and its answers. */
export type ApplicationReview = RouterOutputs["application"]["get"];
export type BoardSummary = RouterOutputs["application"]["boardSummary"];
type Definition = ApplicationReview["process"]["definition"];
export type Stage = Definition["stages"][number];
export type Question = Definition["pages"][number]["questions"][number];
/** Words in everyday language and the same in easy read. */
export type Wording = Question["wording"];

/** The board's place in the address: `?stage=` the column, `cqc=` and `days=` its filters. */
export interface BoardSearch {
  stage?: string;
  cqc?: string;
  days?: string;
}

/** Times in a stage the board can narrow to: "more than N days". */
export const dayChoices = [14, 30, 60] as const;

export function parseCqc(value: string | undefined): CqcStatus | undefined {
  return cqcStatuses.find((status) => status === value);
}

export function parseDays(value: string | undefined): number | undefined {
  return dayChoices.find((days) => String(days) === value);
}

/** The board's address for a column, keeping the filters. */
export function boardHref(siteId: string, search: BoardSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value) params.set(key, value);
  const query = params.toString();
  return `/sites/${siteId}/applications${query ? `?${query}` : ""}`;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days since an instant, never below 0 (a clock a little ahead of the server's). */
export function daysSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / dayMs));
}

export function daysWords(days: number): string {
  if (days === 0) return "Less than a day";
  return days === 1 ? "1 day" : `${days.toLocaleString("en-GB")} days`;
}

/** Days since anything last happened to a live application, if that is long enough to flag. */
export function quietFor(application: BoardApplication): number | undefined {
  if (application.status === "withdrawn" || application.status === "decided") return undefined;
  const days = daysSince(application.movedAt);
  return days >= quietDays ? days : undefined;
}

/** "No movement for 24 days": in words, so the flag does not rely on its colour. */
export function QuietFlag(props: { days: number }) {
  return (
    <span class="board-quiet">
      <span class="board-quiet-mark" aria-hidden="true">
        !
      </span>
      No movement for {daysWords(props.days)}
    </span>
  );
}

/** "12 days" with "since 3 Mar 2026" under it: how long an application has waited where it is. */
export function TimeInStage(props: { enteredAt: string }) {
  return (
    <span class="board-time">
      <span class="board-time-days">{daysWords(daysSince(props.enteredAt))}</span>
      <span class="muted">
        since <time datetime={props.enteredAt}>{formatDate(props.enteredAt)}</time>
      </span>
    </span>
  );
}
