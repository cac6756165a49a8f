import { NationalEvent } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { national, router, siteProcedure } from "../trpc";

/**
 * National events. National staff run them in the national partition; each site's team and the
 * providers of its cohort reach them through their own site, and see only their own site's places
 * (a provider: only their own organisation's).
 */
const seeEvents = () => siteProcedure(siteAbilities.seeCohort, { records: "cohort" });
const joinEvents = () => siteProcedure(siteAbilities.joinSessions, { records: "cohort" });

export const nationalEventRouter = router({
  list: national.input(NationalEvent.list.schema).query(({ input }) => NationalEvent.list(input)),
  get: national.input(NationalEvent.get.schema).query(({ input }) => NationalEvent.get(input)),
  create: national.input(NationalEvent.create.schema).mutation(({ input }) => NationalEvent.create(input)),
  update: national.input(NationalEvent.update.schema).mutation(({ input }) => NationalEvent.update(input)),
  cancel: national.input(NationalEvent.cancel.schema).mutation(({ input }) => NationalEvent.cancel(input)),
  recordAttendance: national
    .input(NationalEvent.recordAttendance.schema)
    .mutation(({ input }) => NationalEvent.recordAttendance(input)),
  forCohort: seeEvents()
    .input(NationalEvent.forCohort.schema)
    .query(({ input }) => NationalEvent.forCohort(input)),
  getForCohort: seeEvents()
    .input(NationalEvent.getForCohort.schema)
    .query(({ input }) => NationalEvent.getForCohort(input)),
  book: joinEvents()
    .input(NationalEvent.book.schema)
    .mutation(({ input }) => NationalEvent.book(input)),
  cancelPlace: joinEvents()
    .input(NationalEvent.cancelPlace.schema)
    .mutation(({ input }) => NationalEvent.cancelPlace(input)),
});
