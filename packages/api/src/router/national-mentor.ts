import { NationalMentor } from "@smallsupports/core";
import { national, router } from "../trpc";

/** The national mentors national staff keep, whom any site's team may pair with a provider. */
export const nationalMentorRouter = router({
  list: national.input(NationalMentor.list.schema).query(({ input }) => NationalMentor.list(input)),
  name: national.input(NationalMentor.name.schema).mutation(({ input }) => NationalMentor.name(input)),
  setAvailable: national
    .input(NationalMentor.setAvailable.schema)
    .mutation(({ input }) => NationalMentor.setAvailable(input)),
});
