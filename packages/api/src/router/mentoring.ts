import { Mentoring } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

/** A pairing and its meetings: the team, and the people of the pair (the mentee organisation's and the mentor). */
const inThePair = () => siteProcedure(siteAbilities.seeCohort, { records: "pair" });
const runMentoring = () => siteProcedure(siteAbilities.runCohort);

export const mentoringRouter = router({
  /** Every pairing for the team; a provider gets only their own (the service filters, so there is nothing to refuse). */
  list: siteProcedure(siteAbilities.seeCohort)
    .input(Mentoring.list.schema)
    .query(({ input }) => Mentoring.list(input)),
  get: inThePair()
    .input(Mentoring.get.schema)
    .query(({ input }) => Mentoring.get(input)),
  logMeeting: inThePair()
    .input(Mentoring.logMeeting.schema)
    .mutation(({ input }) => Mentoring.logMeeting(input)),
  candidates: runMentoring()
    .input(Mentoring.candidates.schema)
    .query(({ input }) => Mentoring.candidates(input)),
  create: runMentoring()
    .input(Mentoring.create.schema)
    .mutation(({ input }) => Mentoring.create(input)),
  end: runMentoring()
    .input(Mentoring.end.schema)
    .mutation(({ input }) => Mentoring.end(input)),
});
