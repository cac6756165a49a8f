import { DevelopmentPlan } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

/** The site team and the organisation's own people keep a development plan; no other provider sees it. */
const plan = () => siteProcedure(siteAbilities.seeDecisions, { records: "own-organisation" });

export const planRouter = router({
  get: plan()
    .input(DevelopmentPlan.list.schema)
    .query(({ input }) => DevelopmentPlan.list(input)),
  addGoal: plan()
    .input(DevelopmentPlan.addGoal.schema)
    .mutation(({ input }) => DevelopmentPlan.addGoal(input)),
  updateGoal: plan()
    .input(DevelopmentPlan.updateGoal.schema)
    .mutation(({ input }) => DevelopmentPlan.updateGoal(input)),
  removeGoal: plan()
    .input(DevelopmentPlan.removeGoal.schema)
    .mutation(({ input }) => DevelopmentPlan.removeGoal(input)),
});
