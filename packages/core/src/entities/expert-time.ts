import { Entity } from "electrodb";
import { timeActivities } from "../expert-time-shape";
import { keyOptions, versioned } from "./common";

/**
 * Time a reviewer or the lead spent on the site's panel work, for paying experts by experience.
 * Keyed by month first, so a month's totals for everyone are one query and one person's month is
 * a query on the same prefix.
 */
export const TimeEntryEntity = new Entity({
  model: { entity: "timeEntry", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    /** YYYY-MM of `date`. */
    month: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    /** YYYY-MM-DD. */
    date: { type: "string", required: true, readOnly: true },
    entryId: { type: "string", required: true, readOnly: true },
    /** Whole minutes, in quarter hours. */
    minutes: { type: "number", required: true },
    activity: { type: timeActivities, required: true },
    /** Logged by an expert by experience: counted in the site's experts' hours. */
    byExpert: { type: "boolean" },
    /** The application the time was for, when there was one. */
    applicationId: { type: "string" },
    ...versioned,
  },
  indexes: {
    byMonth: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["month", "personId", "date", "entryId"],
        template: "time#${month}#${personId}#${date}#${entryId}",
        ...keyOptions,
      },
    },
  },
});

/** What the site pays an expert by experience for a day, in pence, and how many hours make a day. */
export const PayRateEntity = new Entity({
  model: { entity: "payRate", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    dayRatePence: { type: "number", required: true },
    hoursPerDay: { type: "number", required: true },
    ...versioned,
  },
  indexes: {
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: [], template: "pay-rate", ...keyOptions },
    },
  },
});
