import { Membership, Organisation } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { authed, authedAlongside, newcomerLimit, router, siteProcedure } from "../trpc";

/** A provider's people reach only their own organisation; the site team reaches all of them. */
const ownOrganisation = { records: "own-organisation" } as const;

export const organisationRouter = router({
  // Anyone signed in registers their organisation with a site open to applications (rate limited).
  register: authed
    .input(Organisation.register.schema)
    .use(newcomerLimit)
    .mutation(({ input }) => Organisation.register(input)),
  // The organisations the person signed in acts for, in every site.
  mine: authedAlongside(Membership.sitesOf).query(({ ctx }) => Organisation.mine(ctx.alongside)),
  get: siteProcedure(siteAbilities.seeApplications, ownOrganisation)
    .input(Organisation.get.schema)
    .query(({ input }) => Organisation.get(input)),
  update: siteProcedure(siteAbilities.seeApplications, ownOrganisation)
    .input(Organisation.update.schema)
    .mutation(({ input }) => Organisation.update(input)),
});
