import { Site } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { national, router, siteProcedure } from "../trpc";

export const siteRouter = router({
  list: national.input(Site.list.schema).query(({ input }) => Site.list(input)),
  create: national.input(Site.create.schema).mutation(({ input }) => Site.create(input)),
  /** A site's summary: any member of the site, or national staff. */
  get: siteProcedure(siteAbilities.seeSummary, { nationalMayRead: true })
    .input(Site.get.schema)
    .query(({ input }) => Site.get(input)),
});
