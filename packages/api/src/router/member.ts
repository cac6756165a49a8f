import { Membership } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

export const memberRouter = router({
  list: siteProcedure(siteAbilities.seeTeam)
    .input(Membership.list.schema)
    .query(({ input }) => Membership.list(input)),
  changeRole: siteProcedure(siteAbilities.manageTeam)
    .input(Membership.changeRole.schema)
    .mutation(({ input }) => Membership.changeRole(input)),
  remove: siteProcedure(siteAbilities.manageTeam)
    .input(Membership.remove.schema)
    .mutation(({ input }) => Membership.remove(input)),
});
