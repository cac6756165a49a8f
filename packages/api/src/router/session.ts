import { CohortSession } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

/** Read by the team and by providers in the cohort; a provider sees only their own organisation's places. */
const seeSessions = () => siteProcedure(siteAbilities.seeCohort, { records: "cohort" });
/** Booked by the people of the cohort's organisations, each for themselves. */
const joinSessions = () => siteProcedure(siteAbilities.joinSessions, { records: "cohort" });
const runSessions = () => siteProcedure(siteAbilities.runCohort);

export const sessionRouter = router({
  list: seeSessions()
    .input(CohortSession.list.schema)
    .query(({ input }) => CohortSession.list(input)),
  get: seeSessions()
    .input(CohortSession.get.schema)
    .query(({ input }) => CohortSession.get(input)),
  create: runSessions()
    .input(CohortSession.create.schema)
    .mutation(({ input }) => CohortSession.create(input)),
  update: runSessions()
    .input(CohortSession.update.schema)
    .mutation(({ input }) => CohortSession.update(input)),
  cancel: runSessions()
    .input(CohortSession.cancel.schema)
    .mutation(({ input }) => CohortSession.cancel(input)),
  recordAttendance: runSessions()
    .input(CohortSession.recordAttendance.schema)
    .mutation(({ input }) => CohortSession.recordAttendance(input)),
  book: joinSessions()
    .input(CohortSession.book.schema)
    .mutation(({ input }) => CohortSession.book(input)),
  cancelPlace: joinSessions()
    .input(CohortSession.cancelPlace.schema)
    .mutation(({ input }) => CohortSession.cancelPlace(input)),
  /** What an organisation's people booked and attended: its own people and the team. */
  ofOrganisation: siteProcedure(siteAbilities.seeCohort, { records: "own-organisation" })
    .input(CohortSession.ofOrganisation.schema)
    .query(({ input }) => CohortSession.ofOrganisation(input)),
});
