import { TZDate } from "@date-fns/tz";
import { ValidationError } from "./errors";

/**
 * Times people type and read are UK wall-clock times; the table keeps UTC instants. The two
 * clock changes make this more than an offset: on the last Sunday of March the clocks skip
 * 01:00 to 02:00, so 01:30 never happens; on the last Sunday of October 01:00 to 02:00 happens
 * twice, and a time in that hour means its first occurrence (still British Summer Time).
 */
export const ukZone = "Europe/London";

const hourMs = 60 * 60 * 1000;

const dayParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ukZone,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const clockParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ukZone,
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});
const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
  parts.find((candidate) => candidate.type === type)?.value ?? "";

/**
 * "Sunday 28 March 2027", in UK time. Put together from its parts because runtimes' ICU data
 * differ on the punctuation between them (some add a comma after the weekday).
 */
const longDay = (at: Date | number) => {
  const parts = dayParts.formatToParts(at);
  return `${part(parts, "weekday")} ${part(parts, "day")} ${part(parts, "month")} ${part(parts, "year")}`;
};
/** "10:00am", in UK time. */
const clock = (at: Date | number) => {
  const parts = clockParts.formatToParts(at);
  return `${part(parts, "hour")}:${part(parts, "minute")}${part(parts, "dayPeriod").toLowerCase()}`;
};

/**
 * The UTC instant of a UK day (YYYY-MM-DD) and time (HH:MM). A time the spring change skips is
 * refused with a plain message naming the field; an hour the autumn change repeats is its first.
 */
export function fromUkTime(day: string, time: string, field = "startTime"): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const candidate = new TZDate(year, month - 1, date, hours, minutes, ukZone);
  if (candidate.getHours() !== hours || candidate.getMinutes() !== minutes) {
    const message = `There is no ${time} on ${longDay(candidate)} in the UK: the clocks go forward an hour at 1am. Choose a time from 2am.`;
    throw new ValidationError(message, { [field]: message });
  }
  // An hour earlier showing the same wall-clock time means this is the repeated hour's second
  // pass: take the first.
  const earlier = new TZDate(candidate.getTime() - hourMs, ukZone);
  const first = earlier.getHours() === hours && earlier.getMinutes() === minutes ? earlier : candidate;
  return new Date(first.getTime());
}

/** The UK day (YYYY-MM-DD) and time (HH:MM) of a UTC instant: what a form shows to edit. */
export function toUkTime(at: Date | string): { day: string; time: string } {
  const zoned = new TZDate(new Date(at).getTime(), ukZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    day: `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`,
    time: `${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`,
  };
}

/** "Tuesday 3 March 2027, 10:00am to 12:30pm", in UK time: for messages. */
export function describeUkSpan(startsAt: string, endsAt: string): string {
  return `${longDay(Date.parse(startsAt))}, ${clock(Date.parse(startsAt))} to ${clock(Date.parse(endsAt))}`;
}
