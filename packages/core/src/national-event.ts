import * as z from "zod";
import { useActor } from "./actor";
import { NATIONAL_SCOPE } from "./change";
import * as Cohort from "./cohort";
import * as CohortSession from "./cohort-session";
import { db } from "./db";
import { ForbiddenError } from "./errors";
import {
  cursorSchema,
  pageSizeSchema,
  recordIdSchema,
  siteIdSchema,
  verb,
  versionSchema,
  writtenText,
} from "./validation";

/**
 * National events: sessions national partnership staff run for every site's cohort. They are
 * cohort sessions kept in the national partition (with its own audit trail), so booking, the
 * waiting list and attendance work exactly as a site's do. A provider books through their own
 * site, only while their organisation is in its cohort; their place carries their organisation's
 * site, where it is counted. National staff see who booked by organisation and site, and nothing
 * of a site's own records.
 */

function requireNational() {
  if (!useActor().national) throw new ForbiddenError("Only national partnership staff run national events.");
}

const reasonSchema = writtenText("the reason", 3, 500);
const eventKey = z.strictObject({ sessionId: recordIdSchema });
const pageInput = { when: z.enum(["upcoming", "past"]), cursor: cursorSchema, limit: pageSizeSchema };

/** National staff schedule an event open to every site's cohort. */
export const create = verb(z.strictObject({ session: CohortSession.sessionFieldsSchema }), ({ session }) => {
  requireNational();
  return CohortSession.createIn(NATIONAL_SCOPE, { session });
});

/** National staff change an event, saying why; everyone with a place or waiting is told. */
export const update = verb(
  eventKey.extend({ version: versionSchema, session: CohortSession.sessionFieldsSchema, reason: reasonSchema }),
  (input) => {
    requireNational();
    return CohortSession.updateIn(NATIONAL_SCOPE, input);
  },
);

/** National staff cancel an event, saying why; everyone with a place or waiting is told. */
export const cancel = verb(eventKey.extend({ version: versionSchema, reason: reasonSchema }), (input) => {
  requireNational();
  return CohortSession.cancelIn(NATIONAL_SCOPE, input);
});

/** After an event, national staff record who came; each organisation's attendance counts in its site. */
export const recordAttendance = verb(
  eventKey.extend({ version: versionSchema, attended: z.array(recordIdSchema).max(40) }),
  (input) => {
    requireNational();
    return CohortSession.recordAttendanceIn(NATIONAL_SCOPE, input);
  },
);

/** National staff's list of events, a page at a time. */
export const list = verb(z.strictObject(pageInput), (input) => {
  requireNational();
  return CohortSession.listIn(NATIONAL_SCOPE, input, false, ["nationalEvent.list"]);
});

export interface EventBooking extends CohortSession.PlaceView {
  siteId: string;
  siteName: string;
}

/** One event with everyone's places, by organisation and site, for national staff. */
export const get = verb(eventKey, async ({ sessionId }) => {
  requireNational();
  const found = await CohortSession.getIn(NATIONAL_SCOPE, sessionId, null);
  const siteIds = [...new Set(found.places.map((place) => place.organisationSiteId))];
  const { data: sites } = siteIds.length
    ? await db.entities.site.get(siteIds.map((siteId) => ({ siteId }))).go({ attributes: ["siteId", "name"] })
    : { data: [] };
  const nameOf = new Map(sites.map((site) => [site.siteId, site.name]));
  return {
    session: found.session,
    places: found.places.map(
      (place): EventBooking => ({
        ...place,
        siteId: place.organisationSiteId,
        siteName: nameOf.get(place.organisationSiteId) ?? place.organisationSiteId,
      }),
    ),
  };
});

const providerKey = z.strictObject({ siteId: siteIdSchema, sessionId: recordIdSchema });

/** National events as a provider in `siteId`'s cohort sees them, with their own place on each. */
export const forCohort = verb(z.strictObject({ siteId: siteIdSchema, ...pageInput }), async ({ siteId, ...input }) => {
  const { organisationId } = await Cohort.requireCohortAccess(siteId);
  // The cursor is bound to the site it was read through, as a site's own lists are.
  return CohortSession.listIn(NATIONAL_SCOPE, input, !!organisationId, ["nationalEvent.forCohort", siteId]);
});

/** One national event for a provider (or the team) of `siteId`: the counts, and only their own organisation's places. */
export const getForCohort = verb(providerKey, async ({ siteId, sessionId }) => {
  const { organisationId } = await Cohort.requireCohortAccess(siteId);
  // The team of a site sees its own organisations' places, never another site's.
  const found = await CohortSession.getIn(NATIONAL_SCOPE, sessionId, organisationId);
  return organisationId
    ? found
    : { ...found, places: found.places.filter((place) => place.organisationSiteId === siteId) };
});

/** A provider in `siteId`'s cohort books a place at a national event, or joins its waiting list. */
export const book = verb(providerKey, async ({ siteId, sessionId }) => {
  const { organisationId } = await Cohort.requireCohortAccess(siteId);
  if (!organisationId) throw new ForbiddenError("Only people of the cohort's organisations book places.");
  return CohortSession.bookIn(NATIONAL_SCOPE, sessionId, {
    personId: useActor().personId,
    organisationId,
    organisationSiteId: siteId,
  });
});

/** A provider gives up their place at a national event, or leaves its waiting list. */
export const cancelPlace = verb(providerKey, async ({ siteId, sessionId }) => {
  await Cohort.requireCohortAccess(siteId);
  return CohortSession.cancelPlaceIn(NATIONAL_SCOPE, sessionId, useActor().personId);
});
