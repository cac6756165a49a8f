import { Analytics } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { national, router, siteProcedure } from "../trpc";

/**
 * The national dashboard: aggregates only, read from each site's figures items. National staff
 * see every site; a site's lead sees their own beside the programme's averages, naming no other.
 */
export const analyticsRouter = router({
  national: national.input(Analytics.forNational.schema).query(({ input }) => Analytics.forNational(input)),
  exportNational: national
    .input(Analytics.exportForNational.schema)
    .mutation(({ input }) => Analytics.exportForNational(input)),
  site: siteProcedure(siteAbilities.seeAnalytics)
    .input(Analytics.forSite.schema)
    .query(({ input }) => Analytics.forSite(input)),
  exportSite: siteProcedure(siteAbilities.seeAnalytics)
    .input(Analytics.exportForSite.schema)
    .mutation(({ input }) => Analytics.exportForSite(input)),
});
