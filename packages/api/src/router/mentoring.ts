import { Mentoring } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { nationalMentor, router, siteProcedure } from "../trpc";

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
  /** A national mentor's own pairings in every site; they belong to no site. */
  mine: nationalMentor()
    .input(Mentoring.mine.schema)
    .query(({ input }) => Mentoring.mine(input)),
  getAsMentor: nationalMentor({ records: "pair" })
    .input(Mentoring.getAsMentor.schema)
    .query(({ input }) => Mentoring.getAsMentor(input)),
  logMeetingAsMentor: nationalMentor({ records: "pair" })
    .input(Mentoring.logMeetingAsMentor.schema)
    .mutation(({ input }) => Mentoring.logMeetingAsMentor(input)),
});
