import { Site } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { national, publicProcedure, router, siteProcedure } from "../trpc";

export const siteRouter = router({
  list: national.input(Site.list.schema).query(({ input }) => Site.list(input)),
  create: national.input(Site.create.schema).mutation(({ input }) => Site.create(input)),
  /** A site's summary: any member of the site, or national staff. */
  get: siteProcedure(siteAbilities.seeSummary, { nationalMayRead: true })
    .input(Site.get.schema)
    .query(({ input }) => Site.get(input)),
  /** Opening the site to applications, or closing it: the lead, with a published process. */
  setOpen: siteProcedure(siteAbilities.editProcess)
    .input(Site.setOpen.schema)
    .mutation(({ input }) => Site.setOpen(input)),
  /** The public page of sites open to applications: no sign-in, nothing but what the page shows. */
  listOpen: publicProcedure.query(() => Site.listOpen()),
});
