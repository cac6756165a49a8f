import { Entity } from "electrodb";
import { pairStatuses } from "../cohort-shape";
import { keyOptions, versioned } from "./common";

/**
 * A mentoring pairing: an organisation of the cohort (the mentee) and a mentor, a person from an
 * established provider in the site or a national mentor (`mentorOrganisationId` "national"). `lastMeetingOn` and `meetings` move with each meeting logged,
 * under the pairing's version, so the team's board reads each pairing's state from this item alone.
 */
export const MentoringPairEntity = new Entity({
  model: { entity: "mentoringPair", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    pairId: { type: "string", required: true, readOnly: true },
    menteeOrganisationId: { type: "string", required: true, readOnly: true },
    mentorPersonId: { type: "string", required: true, readOnly: true },
    mentorOrganisationId: { type: "string", required: true, readOnly: true },
    /** What the pair is working towards, in the team's words. */
    goals: { type: "string", required: true },
    status: { type: pairStatuses, required: true },
    /** YYYY-MM-DD, UK days. */
    startedOn: { type: "string", required: true, readOnly: true },
    lastMeetingOn: { type: "string" },
    meetings: { type: "number", required: true, default: () => 0 },
    endedOn: { type: "string" },
    /** Why it ended, in the team's words: never in an audit event. */
    endReason: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    ...versioned,
  },
  indexes: {
    bySite: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: { field: "sk", composite: ["pairId"], template: "mentoring#pair#${pairId}", ...keyOptions },
    },
    // A mentor's pairings in every site: how a national mentor, a member of no site, finds theirs.
    byMentor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["mentorPersonId"], template: "mentor#${mentorPersonId}", ...keyOptions },
      sk: { field: "gsi1sk", composite: ["siteId", "pairId"], template: "${siteId}#${pairId}", ...keyOptions },
    },
  },
});

/** One meeting a pair logged: when, how long, and notes only the pair and the site team read. */
export const MentoringMeetingEntity = new Entity({
  model: { entity: "mentoringMeeting", version: "1", service: "smallsupports" },
  attributes: {
    siteId: { type: "string", required: true, readOnly: true },
    pairId: { type: "string", required: true, readOnly: true },
    meetingId: { type: "string", required: true, readOnly: true },
    /** YYYY-MM-DD, a UK day. */
    date: { type: "string", required: true, readOnly: true },
    minutes: { type: "number", required: true },
    notes: { type: "string", required: true },
    loggedBy: { type: "string", required: true, readOnly: true },
    ...versioned,
  },
  indexes: {
    byPair: {
      pk: { field: "pk", composite: ["siteId"], template: "site#${siteId}", ...keyOptions },
      sk: {
        field: "sk",
        composite: ["pairId", "date", "meetingId"],
        // Apart from the pairings, so listing them never reads their meetings.
        template: "mentoring#meeting#${pairId}#${date}#${meetingId}",
        ...keyOptions,
      },
    },
  },
});
