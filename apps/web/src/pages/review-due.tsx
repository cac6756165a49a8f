import { Show } from "solid-js";
import { dateFormatOnFirstUse } from "../api/labels";
import "../styles/review.css";

const dayMs = 24 * 60 * 60 * 1000;
// Due dates are UK calendar days, so "today" is the day in London wherever the browser is.
const londonDay = dateFormatOnFirstUse("en-CA", { timeZone: "Europe/London" });
const dayFormat = dateFormatOnFirstUse("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const dayFormatWithYear = dateFormatOnFirstUse("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** Whole days from today (in the UK) to a YYYY-MM-DD day; negative once it has passed. */
export function daysUntil(day: string): number {
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${londonDay().format(new Date())}T00:00:00Z`)) / dayMs,
  );
}

/** "Wednesday 3 December", with the year only when it is not this year. */
export function dayWords(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const thisYear = londonDay().format(new Date()).slice(0, 4);
  return (day.startsWith(thisYear) ? dayFormat : dayFormatWithYear)().format(date);
}

/** "Due Wednesday 3 December", "Due today", "2 days overdue": how a review's due date reads. */
export function dueWords(dueDate: string, daysLeft = daysUntil(dueDate)): { text: string; overdue: boolean } {
  if (daysLeft < 0) {
    const days = -daysLeft;
    return { text: `${days === 1 ? "1 day" : `${days} days`} overdue`, overdue: true };
  }
  if (daysLeft === 0) return { text: "Due today", overdue: false };
  if (daysLeft === 1) return { text: "Due tomorrow", overdue: false };
  return { text: `Due ${dayWords(dueDate)}`, overdue: false };
}

/**
 * A review's due date in words. Overdue says so in words and with a mark, not by colour alone,
 * and says which day it was due.
 */
export function DueDate(props: { dueDate: string; daysLeft?: number }) {
  const days = () => props.daysLeft ?? daysUntil(props.dueDate);
  const due = () => dueWords(props.dueDate, days());
  return (
    <span class="due" classList={{ "due-overdue": due().overdue }}>
      <Show when={due().overdue}>
        <span class="due-mark" aria-hidden="true">
          !
        </span>
      </Show>
      <span>
        <time datetime={props.dueDate}>{due().text}</time>
        <Show when={days() <= 1}>
          <span class="due-day">
            {" "}
            ({due().overdue ? "it was due " : ""}
            {dayWords(props.dueDate)})
          </span>
        </Show>
      </span>
    </span>
  );
}
