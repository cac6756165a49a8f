import { Application } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

/** A provider's people reach only their own organisation's applications. */
const ownOrganisation = { records: "own-organisation" } as const;
const apply = () => siteProcedure(siteAbilities.apply, ownOrganisation);
const board = () => siteProcedure(siteAbilities.runBoard);

export const applicationRouter = router({
  get: siteProcedure(siteAbilities.seeApplications, ownOrganisation)
    .input(Application.get.schema)
    .query(({ input }) => Application.get(input)),
  history: siteProcedure(siteAbilities.seeApplications, ownOrganisation)
    .input(Application.history.schema)
    .query(({ input }) => Application.history(input)),

  start: apply()
    .input(Application.start.schema)
    .mutation(({ input }) => Application.start(input)),
  saveAnswer: apply()
    .input(Application.saveAnswer.schema)
    .mutation(({ input }) => Application.saveAnswer(input)),
  submit: apply()
    .input(Application.submit.schema)
    .mutation(({ input }) => Application.submit(input)),
  withdraw: apply()
    .input(Application.withdraw.schema)
    .mutation(({ input }) => Application.withdraw(input)),

  board: board()
    .input(Application.board.schema)
    .query(({ input }) => Application.board(input)),
  boardSummary: board()
    .input(Application.boardSummary.schema)
    .query(({ input }) => Application.boardSummary(input)),
  moveStage: board()
    .input(Application.moveStage.schema)
    .mutation(({ input }) => Application.moveStage(input)),
});
