import type { RouterInputs, RouterOutputs } from "@smallsupports/api";
import { accessFeatureLabels, accessFeatures, sessionKindLabels } from "@smallsupports/core/cohort-shape";
import { dateFormatOnFirstUse } from "../api/labels";

export type Session = RouterOutputs["session"]["get"]["session"];
/** A place at a session; at a national event, national staff also see its organisation's site. */
export type Place = RouterOutputs["session"]["get"]["places"][number] & { siteName?: string };
/** A session with the places its reader may see. */
export interface SessionDetail {
  session: Session;
  places: Place[];
}
/** A session's fields as the schedule dialog sends them. */
export type SessionFieldsInput = RouterInputs["session"]["create"]["session"];

export { sessionKindLabels };

/** Sessions happen in the UK, so they are shown in UK time wherever the browser is. */
const ukDay = dateFormatOnFirstUse("en-GB", {
  timeZone: "Europe/London",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const ukClock = dateFormatOnFirstUse("en-GB", {
  timeZone: "Europe/London",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});

const clock = (iso: string) => ukClock().format(new Date(iso)).replace(" ", "").toLowerCase();

/** "Tuesday 3 March 2027" */
export const sessionDay = (session: Pick<Session, "startsAt">) => ukDay().format(new Date(session.startsAt));

/** "10:00am to 12:00pm" */
export const sessionHours = (session: Pick<Session, "startsAt" | "endsAt">) =>
  `${clock(session.startsAt)} to ${clock(session.endsAt)}`;

/** "In person at Kendal Town Hall" or "Online". */
export const sessionWhere = (session: Pick<Session, "format" | "place">) =>
  session.format === "online" ? "Online" : session.place;

/** What the place offers, in words: "Step-free access, hearing loop". */
export function accessText(session: Session): string | null {
  const offered = accessFeatures.filter((feature) => session[feature]).map((feature) => accessFeatureLabels[feature]);
  if (offered.length === 0) return null;
  const [first, ...rest] = offered;
  return [first, ...rest.map((label) => label.toLowerCase())].join(", ");
}

/** "4 places left of 10", "Full: 3 on the waiting list", "5 booked" once it has started, or "Cancelled". */
export function placesText(session: Session): string {
  if (session.status === "cancelled") return "Cancelled";
  if (session.started) return session.booked === 1 ? "1 booked" : `${session.booked} booked`;
  if (session.booked >= session.capacity) {
    return session.waiting ? `Full: ${session.waiting} on the waiting list` : "Full";
  }
  const left = session.capacity - session.booked;
  return `${left === 1 ? "1 place" : `${left} places`} left of ${session.capacity}`;
}

/** The caller's own place, in words, or null if they have none. */
export function myPlaceText(session: Session): string | null {
  const place = session.myPlace;
  if (!place || session.status === "cancelled") return null;
  if (place.status === "booked") {
    if (place.attended === true) return "You came";
    if (place.attended === false) return "You did not come";
    return "You have a place";
  }
  return place.position ? `You are number ${place.position} on the waiting list` : "You are on the waiting list";
}
