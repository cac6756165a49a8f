import { Membership } from "@smallsupports/core";
import { router, siteProcedure } from "../trpc";

export const memberRouter = router({
  list: siteProcedure(["lead", "team"])
    .input(Membership.list.schema)
    .query(({ input }) => Membership.list(input)),
  invite: siteProcedure(["lead"])
    .input(Membership.invite.schema)
    .mutation(({ input }) => Membership.invite(input)),
  changeRole: siteProcedure(["lead"])
    .input(Membership.changeRole.schema)
    .mutation(({ input }) => Membership.changeRole(input)),
  remove: siteProcedure(["lead"])
    .input(Membership.remove.schema)
    .mutation(({ input }) => Membership.remove(input)),
});
