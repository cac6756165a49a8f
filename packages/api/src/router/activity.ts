import { Activity } from "@smallsupports/core";
import { router, siteProcedure } from "../trpc";

export const activityRouter = router({
  list: siteProcedure(["lead", "team"])
    .input(Activity.list.schema)
    .query(({ input }) => Activity.list(input)),
});
