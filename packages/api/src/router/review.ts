import { Review } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

/** A reviewer reaches only applications assigned to them, and others' scores only after submitting theirs. */
const assigned = { records: "assigned" } as const;
const reviewer = () => siteProcedure(siteAbilities.review, assigned);
const lead = () => siteProcedure(siteAbilities.leadPanel);

export const reviewRouter = router({
  assignments: siteProcedure(siteAbilities.runBoard)
    .input(Review.assignments.schema)
    .query(({ input }) => Review.assignments(input)),
  assign: lead()
    .input(Review.assign.schema)
    .mutation(({ input }) => Review.assign(input)),
  reschedule: lead()
    .input(Review.reschedule.schema)
    .mutation(({ input }) => Review.reschedule(input)),
  unassign: lead()
    .input(Review.unassign.schema)
    .mutation(({ input }) => Review.unassign(input)),

  mine: reviewer()
    .input(Review.mine.schema)
    .query(({ input }) => Review.mine(input)),
  declare: reviewer()
    .input(Review.declare.schema)
    .mutation(({ input }) => Review.declare(input)),
  saveScore: reviewer()
    .input(Review.saveScore.schema)
    .mutation(({ input }) => Review.saveScore(input)),
  submit: reviewer()
    .input(Review.submit.schema)
    .mutation(({ input }) => Review.submit(input)),

  // Other reviewers' scores: the service refuses anyone still reviewing, and anyone recused.
  panel: reviewer()
    .input(Review.panel.schema)
    .query(({ input }) => Review.panel(input)),
  recordPanel: lead()
    .input(Review.recordPanel.schema)
    .mutation(({ input }) => Review.recordPanel(input)),
});
