import { Show } from "solid-js";

/**
 * A review's due date: a UK calendar day (YYYY-MM-DD), as the server keeps it and sends its
 * reminders by. Today is worked out in the UK whatever the browser's time zone, so the earliest
 * day offered is the earliest the server accepts.
 */
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", dateStyle: "short" });
const dayMs = 24 * 60 * 60 * 1000;

export function ukToday(): string {
  return londonDay.format(new Date());
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Said beside the field, so the lead knows what a date sets going (the server's reminder days). */
const reminderHint =
  "We remind the reviewer 7 days before this date, and again 3 days after it if they have not sent their review.";

/**
 * A labelled date input for a review's due date, from today on, with its hint and error wired
 * to it. `id` is the input's own id, so an error summary can link to it.
 */
export function DueDateField(props: { id: string; value: string; onChange: (value: string) => void; error?: string }) {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        Due date
      </label>
      <span id={hintId()} class="field-hint">
        {reminderHint}
      </span>
      <Show when={props.error}>
        <p id={errorId()} class="field-error">
          {props.error}
        </p>
      </Show>
      <input
        id={props.id}
        class="input input-date"
        type="date"
        min={ukToday()}
        value={props.value}
        onInput={(event) => props.onChange(event.currentTarget.value)}
        aria-describedby={props.error ? `${hintId()} ${errorId()}` : hintId()}
        aria-invalid={props.error ? "true" : undefined}
        required
      />
    </div>
  );
}
