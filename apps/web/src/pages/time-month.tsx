import { Show } from "solid-js";
import { LiveStatus } from "../ui/live-status";

// Days and months are UK days, as the server counts them: time logged late on 31 March is March's.
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", dateStyle: "short" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Today in the UK, YYYY-MM-DD. */
export const ukToday = () => londonDay.format(new Date());

export const thisMonth = () => ukToday().slice(0, 7);

/** The month in the address, or this month if it is missing, not a month, or still to come. */
export function parseMonth(value: string | undefined): string {
  const now = thisMonth();
  return value && monthPattern.test(value) && value <= now ? value : now;
}

/** The month `by` months after (or before, if negative) a YYYY-MM month. */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year ?? 0, (number ?? 1) - 1 + by, 1)).toISOString().slice(0, 7);
}

/** "November 2026" */
export const monthWords = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** "Tuesday 3 November" for a YYYY-MM-DD day. */
export const dayWords = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/**
 * The month the time page shows, with links to the months either side. They are links because
 * the month is part of the address (`?month=2026-11`): Back returns to the month before, and a
 * month can be shared. There is no next month after this one: time is never recorded ahead.
 */
export function MonthPicker(props: { month: string; href: (month: string) => string }) {
  const previous = () => shiftMonth(props.month, -1);
  const next = () => shiftMonth(props.month, 1);
  let shown: HTMLParagraphElement | undefined;
  return (
    <nav class="time-months" aria-label="Month">
      {/* Plain links: the router's own link would mark them as the current page. */}
      <a class="button button-secondary button-small time-month-previous" href={props.href(previous())} noScroll>
        <span aria-hidden="true">←</span> Previous month<span class="visually-hidden">: {monthWords(previous())}</span>
      </a>
      <p class="time-month-now" ref={shown} tabindex="-1">
        {monthWords(props.month)}
      </p>
      <Show when={next() <= thisMonth()} fallback={<span class="time-month-next" />}>
        <a
          class="button button-secondary button-small time-month-next"
          href={props.href(next())}
          noScroll
          // Going on to this month takes the link away: focus goes on to the month it shows.
          onClick={() => next() === thisMonth() && setTimeout(() => shown?.focus())}
        >
          Next month<span class="visually-hidden">: {monthWords(next())}</span> <span aria-hidden="true">→</span>
        </a>
      </Show>
      {/* The link keeps focus as the month changes, so say which month is shown now. */}
      <LiveStatus message={`Showing ${monthWords(props.month)}.`} class="visually-hidden" />
    </nav>
  );
}
