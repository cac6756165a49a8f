import { createMutation, useInfiniteQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api } from "../api/client";
import { formatDate, roleLabels } from "../api/labels";
import { afterInvitationChange, queries } from "../api/queries";
import type { Invitation } from "../api/types";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { LoadMore } from "../ui/load-more";
import { ErrorNotice, Loading } from "../ui/page-state";
import { InviteDialog } from "./invite-dialog";
import { useSiteView } from "./site-context";

/**
 * Invitations still open in the site, for its project leads: who was invited, when it runs out,
 * and sending it again, correcting it or cancelling it. Nothing here says whether an address
 * already belongs to anyone: the list shows only what the lead typed.
 */
export function Invitations(props: { onChanged: (message: string) => void }) {
  const site = useSiteView();
  const queryClient = useQueryClient();
  const [correcting, setCorrecting] = createSignal<Invitation | null>(null);
  const [cancelling, setCancelling] = createSignal<Invitation | null>(null);
  let heading: HTMLHeadingElement | undefined;
  let list: HTMLUListElement | undefined;

  const invitations = useInfiniteQuery(() => queries.invitations(site.siteId));
  const rows = () => invitations.data?.pages.flatMap((page) => page.items) ?? [];

  async function changed(message: string) {
    props.onChanged(message);
    await afterInvitationChange(queryClient, site.siteId);
  }

  const resend = createMutation(() => ({
    mutationFn: (invitation: Invitation) =>
      api.invitation.resend.mutate({
        siteId: invitation.siteId,
        invitationId: invitation.invitationId,
        version: invitation.version,
      }),
    onSuccess: (invitation) => changed(`The invitation to ${invitation.name} has been sent again.`),
  }));

  const cancel = createMutation(() => ({
    mutationFn: (invitation: Invitation) =>
      api.invitation.cancel.mutate({
        siteId: invitation.siteId,
        invitationId: invitation.invitationId,
        version: invitation.version,
      }),
    onSuccess: async (_result, invitation) => {
      await changed(`The invitation to ${invitation.name} has been cancelled.`);
      closeCancel();
    },
  }));

  function closeCancel() {
    cancel.reset();
    setCancelling(null);
  }

  return (
    <Show when={invitations.isPending || invitations.isError || rows().length > 0}>
      <section aria-labelledby="invitations-heading" class="invitations">
        <h3 id="invitations-heading" ref={heading} tabindex="-1">
          Invitations waiting for an answer
        </h3>
        <Show when={resend.isError}>
          <ErrorNotice error={resend.error} />
        </Show>
        <Switch>
          <Match when={invitations.isPending}>
            <Loading label="Loading invitations…" />
          </Match>
          <Match when={invitations.isError}>
            <ErrorNotice error={invitations.error} retry={() => invitations.refetch()} />
          </Match>
          <Match when={rows().length > 0}>
            <ul class="member-list" ref={list}>
              <For each={rows()}>
                {(invitation) => (
                  <li class="member" tabindex="-1">
                    <div class="member-who">
                      <span class="member-name">
                        <bdi>{invitation.name}</bdi>
                      </span>
                      <span class="muted member-email">{invitation.email}</span>
                      <span class={invitation.status === "expired" ? "invitation-state expired" : "invitation-state"}>
                        {invitation.status === "expired"
                          ? `Ran out on ${formatDate(invitation.expiresAt)}. Send it again to renew it.`
                          : `Sent ${formatDate(invitation.sentAt)}. Open until ${formatDate(invitation.expiresAt)}.`}
                      </span>
                    </div>
                    <span class="badge">{roleLabels[invitation.role]}</span>
                    <div class="member-actions">
                      <button
                        id={`resend-${invitation.invitationId}`}
                        type="button"
                        class="button button-secondary button-small"
                        disabled={resend.isPending}
                        onClick={() => resend.mutate(invitation)}
                        aria-label={`Send again: the invitation to ${invitation.name}`}
                      >
                        {resend.isPending && resend.variables?.invitationId === invitation.invitationId
                          ? "Sending…"
                          : "Send again"}
                      </button>
                      <button
                        id={`correct-${invitation.invitationId}`}
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => setCorrecting(invitation)}
                        aria-label={`Correct invitation to ${invitation.name}`}
                      >
                        Correct
                      </button>
                      <button
                        type="button"
                        class="button button-danger-quiet button-small"
                        onClick={() => setCancelling(invitation)}
                        aria-label={`Cancel invitation to ${invitation.name}`}
                      >
                        Cancel invitation
                      </button>
                    </div>
                  </li>
                )}
              </For>
            </ul>
            <LoadMore query={invitations} label="Show more invitations" list={() => list} />
          </Match>
        </Switch>
        <InviteDialog
          siteId={site.siteId}
          siteName={site.siteName}
          correcting={correcting()}
          open={correcting() !== null}
          onOpenChange={(open) => !open && setCorrecting(null)}
          onDone={changed}
          returnFocusTo={() => heading}
        />
        <ConfirmDialog
          open={cancelling() !== null}
          title={
            <>
              Cancel the invitation to <bdi>{cancelling()?.name}</bdi>?
            </>
          }
          confirmLabel="Cancel invitation"
          busyLabel="Cancelling…"
          cancelLabel="Keep it"
          busy={cancel.isPending}
          error={cancel.error}
          onConfirm={() => {
            const invitation = cancelling();
            if (invitation) cancel.mutate(invitation);
          }}
          onCancel={closeCancel}
          returnFocusTo={() => heading}
        >
          The link in their email will stop working. You can invite them again later.
        </ConfirmDialog>
      </section>
    </Show>
  );
}
