import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { formatDate } from "../api/labels";
import { afterLeadInvitationChange, queries } from "../api/queries";
import type { LeadInvitation } from "../api/types";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { ErrorNotice, Loading } from "../ui/page-state";
import { TextField } from "../ui/text-field";
import { CancelInvitationDialog, createInvitationActions, InvitationRow } from "./invitation-actions";

const ids = { name: "lead-name", email: "lead-email" };

/**
 * For national staff on a site's summary: the invitations to be its project lead. A new site
 * gets its first lead here if the first invitation went astray (a mistyped address, or it ran out).
 */
export function LeadInvitations(props: { siteId: string; siteName: string; hasLead: boolean }) {
  const queryClient = useQueryClient();
  const invitations = useQuery(() => queries.leadInvitations(props.siteId));
  const [inviting, setInviting] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  let heading: HTMLHeadingElement | undefined;

  async function changed(message: string) {
    setNotice(message);
    await afterLeadInvitationChange(queryClient, props.siteId);
  }

  const invite = createMutation(() => ({
    mutationFn: () => api.invitation.inviteLead.mutate({ siteId: props.siteId, name: name(), email: email() }),
    onSuccess: async (invitation) => {
      await changed(`An invitation to be project lead has been sent to ${invitation.name}.`);
      closeInvite();
    },
  }));
  const actions = createInvitationActions<LeadInvitation>({
    resend: (key) => api.invitation.resendLead.mutate(key),
    cancel: (key) => api.invitation.cancelLead.mutate(key),
    changed,
  });

  function closeInvite() {
    setName("");
    setEmail("");
    invite.reset();
    setInviting(false);
  }

  return (
    <section aria-labelledby="lead-invitations-heading" class="card">
      <div class="section-heading">
        <h2 id="lead-invitations-heading" ref={heading} tabindex="-1">
          Project lead
        </h2>
        <button type="button" class="button button-secondary" onClick={() => setInviting(true)}>
          Invite a project lead
        </button>
      </div>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <Show when={actions.resend.isError}>
        <ErrorNotice error={actions.resend.error} />
      </Show>
      <Show when={invitations.isPending}>
        <Loading label="Loading invitations…" />
      </Show>
      <Show when={invitations.isError}>
        <ErrorNotice error={invitations.error} retry={() => invitations.refetch()} />
      </Show>
      <Show when={invitations.data}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <p>
                {props.hasLead
                  ? "No invitations to be project lead are waiting."
                  : `${props.siteName} has no project lead yet, and no invitation is waiting. Invite one so the site can start.`}
              </p>
            }
          >
            <ul class="member-list">
              <For each={list()}>
                {(invitation) => (
                  <InvitationRow
                    invitation={invitation}
                    expired={invitation.status === "expired"}
                    state={
                      invitation.status === "expired"
                        ? `Ran out on ${formatDate(invitation.expiresAt)}.`
                        : `Waiting for an answer. Open until ${formatDate(invitation.expiresAt)}.`
                    }
                    resendId={`resend-lead-${invitation.invitationId}`}
                    actions={actions}
                  />
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Modal
        open={inviting()}
        onOpenChange={(open) => (open ? setInviting(true) : closeInvite())}
        title="Invite a project lead"
        description={`They will lead ${props.siteName}: invite its team, experts and providers.`}
      >
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            invite.mutate();
          }}
        >
          <ErrorSummary error={invite.error} fields={ids} />
          <TextField
            id={ids.name}
            label="Full name"
            name="name"
            value={name()}
            onChange={setName}
            maxLength={100}
            error={fieldErrors(invite.error).name}
            autocomplete="name"
            required
          />
          <TextField
            id={ids.email}
            label="Email address"
            name="email"
            type="email"
            value={email()}
            onChange={setEmail}
            hint="They sign in with this address."
            maxLength={254}
            error={fieldErrors(invite.error).email}
            autocomplete="email"
            required
          />
          <FormActions label="Send invitation" busyLabel="Sending…" busy={invite.isPending} onCancel={closeInvite} />
        </form>
      </Modal>
      <CancelInvitationDialog actions={actions} returnFocusTo={() => heading}>
        The link in their email will stop working.
      </CancelInvitationDialog>
    </section>
  );
}
