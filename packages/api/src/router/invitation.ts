import { Invitation } from "@smallsupports/core";
import { siteAbilities } from "@smallsupports/core/permissions";
import { authed, national, ownRecords, router, siteProcedure } from "../trpc";

const manage = () => siteProcedure(siteAbilities.manageTeam);

export const invitationRouter = router({
  // A site's leads manage all of its invitations.
  list: manage()
    .input(Invitation.list.schema)
    .query(({ input }) => Invitation.list(input)),
  invite: manage()
    .input(Invitation.invite.schema)
    .mutation(({ input }) => Invitation.invite(input)),
  resend: manage()
    .input(Invitation.resend.schema)
    .mutation(({ input }) => Invitation.resend(input)),
  correct: manage()
    .input(Invitation.correct.schema)
    .mutation(({ input }) => Invitation.correct(input)),
  cancel: manage()
    .input(Invitation.cancel.schema)
    .mutation(({ input }) => Invitation.cancel(input)),

  // National staff manage a site's project lead invitations, so a new site gets its first lead.
  leadInvitations: national
    .input(Invitation.leadInvitations.schema)
    .query(({ input }) => Invitation.leadInvitations(input)),
  inviteLead: national.input(Invitation.inviteLead.schema).mutation(({ input }) => Invitation.inviteLead(input)),
  resendLead: national.input(Invitation.resendLead.schema).mutation(({ input }) => Invitation.resendLead(input)),
  cancelLead: national.input(Invitation.cancelLead.schema).mutation(({ input }) => Invitation.cancelLead(input)),

  // The person invited answers invitations to their own address.
  mine: authed.query(() => Invitation.mine()),
  accept: ownRecords.input(Invitation.accept.schema).mutation(({ input }) => Invitation.accept(input)),
  decline: ownRecords.input(Invitation.decline.schema).mutation(({ input }) => Invitation.decline(input)),
});
