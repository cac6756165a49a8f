import { Decision, InformationRequest } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { router, siteProcedure } from "../trpc";

/** A provider's people reach only their own organisation's decisions and requests. */
const ownOrganisation = { records: "own-organisation" } as const;

export const decisionRouter = router({
  decide: siteProcedure(siteAbilities.leadPanel)
    .input(Decision.decide.schema)
    .mutation(({ input }) => Decision.decide(input)),
  get: siteProcedure(siteAbilities.seeDecisions, ownOrganisation)
    .input(Decision.get.schema)
    .query(({ input }) => Decision.get(input)),

  requestInformation: siteProcedure(siteAbilities.leadPanel)
    .input(InformationRequest.request.schema)
    .mutation(({ input }) => InformationRequest.request(input)),
  informationRequests: siteProcedure(siteAbilities.seeApplications, ownOrganisation)
    .input(InformationRequest.list.schema)
    .query(({ input }) => InformationRequest.list(input)),
  sendBack: siteProcedure(siteAbilities.apply, ownOrganisation)
    .input(InformationRequest.sendBack.schema)
    .mutation(({ input }) => InformationRequest.sendBack(input)),
});
