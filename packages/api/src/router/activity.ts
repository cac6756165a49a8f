import { Activity } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

export const activityRouter = router({
  list: siteProcedure(siteAbilities.seeTeam)
    .input(Activity.list.schema)
    .query(({ input }) => Activity.list(input)),
});
