import { Cohort } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import type { SiteRole } from "@smallsupports/core/role";
import { router, siteProcedure } from "../trpc";

/** The team and the providers in the cohort see it; a provider whose organisation is not in it sees nothing. */
const inCohort = (roles: readonly SiteRole[]) => siteProcedure(roles, { records: "cohort" });
const runCohort = () => siteProcedure(siteAbilities.runCohort);

export const cohortRouter = router({
  directory: inCohort(siteAbilities.seeCohort)
    .input(Cohort.directory.schema)
    .query(({ input }) => Cohort.directory(input)),
  remove: runCohort()
    .input(Cohort.remove.schema)
    .mutation(({ input }) => Cohort.remove(input)),
  add: runCohort()
    .input(Cohort.add.schema)
    .mutation(({ input }) => Cohort.add(input)),
  myContact: inCohort(siteAbilities.joinSessions)
    .input(Cohort.myContact.schema)
    .query(({ input }) => Cohort.myContact(input)),
  shareContact: inCohort(siteAbilities.joinSessions)
    .input(Cohort.shareContact.schema)
    .mutation(({ input }) => Cohort.shareContact(input)),
});
