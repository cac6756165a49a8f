import { ExpertTime } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

/** Everyone records and sees their own time; the team sees totals; the lead pays experts. */
export const timeRouter = router({
  log: siteProcedure(siteAbilities.logTime)
    .input(ExpertTime.log.schema)
    .mutation(({ input }) => ExpertTime.log(input)),
  mine: siteProcedure(siteAbilities.logTime)
    .input(ExpertTime.mine.schema)
    .query(({ input }) => ExpertTime.mine(input)),
  // Only the caller's own entry: the service builds its key from the caller.
  remove: siteProcedure(siteAbilities.logTime, { records: "self" })
    .input(ExpertTime.remove.schema)
    .mutation(({ input }) => ExpertTime.remove(input)),

  totals: siteProcedure(siteAbilities.seeTime)
    .input(ExpertTime.totals.schema)
    .query(({ input }) => ExpertTime.totals(input)),
  payRate: siteProcedure(siteAbilities.seeTime)
    .input(ExpertTime.payRate.schema)
    .query(({ input }) => ExpertTime.payRate(input)),
  exportCsv: siteProcedure(siteAbilities.payExperts)
    .input(ExpertTime.exportCsv.schema)
    .query(({ input }) => ExpertTime.exportCsv(input)),
  setPayRate: siteProcedure(siteAbilities.payExperts)
    .input(ExpertTime.setPayRate.schema)
    .mutation(({ input }) => ExpertTime.setPayRate(input)),
});
