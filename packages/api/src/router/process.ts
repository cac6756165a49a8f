import { Process } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

const edit = () => siteProcedure(siteAbilities.editProcess);

export const processRouter = router({
  draft: siteProcedure(siteAbilities.seeProcess)
    .input(Process.draft.schema)
    .query(({ input }) => Process.draft(input)),
  versions: siteProcedure(siteAbilities.seeProcess)
    .input(Process.versions.schema)
    .query(({ input }) => Process.versions(input)),
  published: siteProcedure(siteAbilities.readPublishedProcess)
    .input(Process.published.schema)
    .query(({ input }) => Process.published(input)),

  saveQuestion: edit()
    .input(Process.saveQuestion.schema)
    .mutation(({ input }) => Process.saveQuestion(input)),
  removeQuestion: edit()
    .input(Process.removeQuestion.schema)
    .mutation(({ input }) => Process.removeQuestion(input)),
  moveQuestion: edit()
    .input(Process.moveQuestion.schema)
    .mutation(({ input }) => Process.moveQuestion(input)),
  savePage: edit()
    .input(Process.savePage.schema)
    .mutation(({ input }) => Process.savePage(input)),
  removePage: edit()
    .input(Process.removePage.schema)
    .mutation(({ input }) => Process.removePage(input)),
  saveStages: edit()
    .input(Process.saveStages.schema)
    .mutation(({ input }) => Process.saveStages(input)),
  saveCriteria: edit()
    .input(Process.saveCriteria.schema)
    .mutation(({ input }) => Process.saveCriteria(input)),
  saveScale: edit()
    .input(Process.saveScale.schema)
    .mutation(({ input }) => Process.saveScale(input)),
  saveSettings: edit()
    .input(Process.saveSettings.schema)
    .mutation(({ input }) => Process.saveSettings(input)),
  publish: edit()
    .input(Process.publish.schema)
    .mutation(({ input }) => Process.publish(input)),
});
