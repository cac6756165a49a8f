import {
  formatMinutes,
  type TimeActivity,
  timeActivities,
  timeActivityLabels,
} from "@smallsupports/core/expert-time-shape";
import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { api, fieldErrors } from "../api/client";
import { afterTimeChange, queries } from "../api/queries";
import { ErrorSummary } from "../ui/error-summary";
import { LiveStatus } from "../ui/live-status";
import { dayWords, ukToday } from "./time-month";

const ids = { date: "time-date", minutes: "time-hours", activity: "time-activity" };
const hourChoices = Array.from({ length: 13 }, (_, hours) => hours);
const minuteChoices = [0, 15, 30, 45];

/** A year before a YYYY-MM-DD day: the server takes time from the last 12 months. */
const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;

/**
 * Recording time spent on panel work: the day, how long in quarter hours, and what it was for.
 * `onRecorded` is told the month of the day recorded, so the page can show that month's list.
 */
export function RecordTime(props: { siteId: string; level: 2 | 3; onRecorded: (month: string) => void }) {
  const queryClient = useQueryClient();
  const today = ukToday();
  const [date, setDate] = createSignal(today);
  const [hours, setHours] = createSignal(0);
  const [minutes, setMinutes] = createSignal(0);
  const [activity, setActivity] = createSignal<TimeActivity | null>(null);
  const [done, setDone] = createSignal("");

  const log = createMutation(() => ({
    mutationFn: (entry: { date: string; minutes: number; activity: TimeActivity }) =>
      api.time.log.mutate({ siteId: props.siteId, ...entry }),
    onMutate: () => setDone(""),
    onSuccess: async (mine, input) => {
      queryClient.setQueryData(queries.myTime(props.siteId, mine.month).queryKey, mine);
      setDone(
        `Recorded ${formatMinutes(input.minutes)} of ${timeActivityLabels[input.activity].toLowerCase()} on ${dayWords(input.date)}.`,
      );
      setHours(0);
      setMinutes(0);
      setActivity(null);
      props.onRecorded(mine.month);
      await afterTimeChange(queryClient, props.siteId);
    },
  }));
  const errors = () => fieldErrors(log.error);

  return (
    <section class="card time-record" aria-labelledby="time-record-heading">
      <Dynamic component={`h${props.level}`} id="time-record-heading">
        Record time
      </Dynamic>
      <p>Record the time you spend on panel work, so you can be paid for it. Record each day on its own.</p>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          log.mutate({
            date: date(),
            minutes: hours() * 60 + minutes(),
            // Left unchosen, the server asks for one, beside the question.
            activity: activity() as TimeActivity,
          });
        }}
      >
        <ErrorSummary error={log.error} fields={ids} />
        <div class="field">
          <label class="field-label" for={ids.date}>
            Day
          </label>
          <p id={`${ids.date}-hint`} class="field-hint">
            The day you did the work. You can record time from the last 12 months.
          </p>
          <Show when={errors().date}>
            <p id={`${ids.date}-error`} class="field-error">
              {errors().date}
            </p>
          </Show>
          <input
            id={ids.date}
            class="input input-date"
            type="date"
            min={yearBefore(today)}
            max={today}
            value={date()}
            onInput={(event) => setDate(event.currentTarget.value)}
            aria-invalid={errors().date ? "true" : undefined}
            aria-describedby={[`${ids.date}-hint`, errors().date && `${ids.date}-error`].filter(Boolean).join(" ")}
          />
        </div>

        <fieldset
          class="field"
          aria-describedby={[`${ids.minutes}-hint`, errors().minutes && `${ids.minutes}-error`]
            .filter(Boolean)
            .join(" ")}
        >
          <legend class="field-label">How long</legend>
          <p id={`${ids.minutes}-hint`} class="field-hint">
            In quarter hours, up to 12 hours for one day.
          </p>
          <Show when={errors().minutes}>
            <p id={`${ids.minutes}-error`} class="field-error">
              {errors().minutes}
            </p>
          </Show>
          <div class="time-duration">
            <div class="field">
              <label class="field-label time-duration-label" for={ids.minutes}>
                Hours
              </label>
              <select
                id={ids.minutes}
                class="input select"
                value={hours()}
                onChange={(event) => setHours(Number(event.currentTarget.value))}
                aria-invalid={errors().minutes ? "true" : undefined}
              >
                <For each={hourChoices}>
                  {(choice) => <option value={choice}>{choice === 1 ? "1 hour" : `${choice} hours`}</option>}
                </For>
              </select>
            </div>
            <div class="field">
              <label class="field-label time-duration-label" for="time-minutes">
                Minutes
              </label>
              <select
                id="time-minutes"
                class="input select"
                value={minutes()}
                onChange={(event) => setMinutes(Number(event.currentTarget.value))}
                aria-invalid={errors().minutes ? "true" : undefined}
              >
                <For each={minuteChoices}>{(choice) => <option value={choice}>{choice} minutes</option>}</For>
              </select>
            </div>
          </div>
        </fieldset>

        <fieldset class="field" aria-describedby={errors().activity ? `${ids.activity}-error` : undefined}>
          <legend class="field-label">What was it for?</legend>
          <Show when={errors().activity}>
            <p id={`${ids.activity}-error`} class="field-error">
              {errors().activity}
            </p>
          </Show>
          <div class="radios time-activities">
            <For each={timeActivities}>
              {(choice, index) => (
                <label class="radio">
                  <input
                    id={index() === 0 ? ids.activity : `${ids.activity}-${choice}`}
                    type="radio"
                    name="time-activity"
                    value={choice}
                    checked={activity() === choice}
                    onChange={() => setActivity(choice)}
                  />
                  <span class="radio-label">{timeActivityLabels[choice]}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>

        <div class="form-actions">
          <button type="submit" class="button" disabled={log.isPending}>
            {log.isPending ? "Recording…" : "Record time"}
          </button>
        </div>
        <LiveStatus message={done()} class="notice notice-success time-done" />
      </form>
    </section>
  );
}
