import { useInfiniteQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api } from "../api/client";
import { formatDate, roleLabels } from "../api/labels";
import { afterInvitationChange, queries } from "../api/queries";
import type { Invitation } from "../api/types";
import { LoadMore } from "../ui/load-more";
import { ErrorNotice, Loading } from "../ui/page-state";
import { CancelInvitationDialog, createInvitationActions, InvitationRow } from "./invitation-actions";
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
  let heading: HTMLHeadingElement | undefined;
  let list: HTMLUListElement | undefined;

  const invitations = useInfiniteQuery(() => queries.invitations(site.siteId));
  const rows = () => invitations.data?.pages.flatMap((page) => page.items) ?? [];

  async function changed(message: string) {
    props.onChanged(message);
    await afterInvitationChange(queryClient, site.siteId);
  }

  const actions = createInvitationActions<Invitation>({
    resend: (key) => api.invitation.resend.mutate(key),
    cancel: (key) => api.invitation.cancel.mutate(key),
    changed,
  });

  return (
    <Show when={invitations.isPending || invitations.isError || rows().length > 0}>
      <section aria-labelledby="invitations-heading" class="invitations">
        <h3 id="invitations-heading" ref={heading} tabindex="-1">
          Invitations waiting for an answer
        </h3>
        <Show when={actions.resend.isError}>
          <ErrorNotice error={actions.resend.error} />
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
                  <InvitationRow
                    invitation={invitation}
                    expired={invitation.status === "expired"}
                    state={
                      invitation.status === "expired"
                        ? `Ran out on ${formatDate(invitation.expiresAt)}. Send it again to renew it.`
                        : `Sent ${formatDate(invitation.sentAt)}. Open until ${formatDate(invitation.expiresAt)}.`
                    }
                    badge={<span class="badge">{roleLabels[invitation.role]}</span>}
                    resendId={`resend-${invitation.invitationId}`}
                    actions={actions}
                    between={
                      <button
                        id={`correct-${invitation.invitationId}`}
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => setCorrecting(invitation)}
                        aria-label={`Correct invitation to ${invitation.name}`}
                      >
                        Correct
                      </button>
                    }
                  />
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
        <CancelInvitationDialog actions={actions} returnFocusTo={() => heading}>
          The link in their email will stop working. You can invite them again later.
        </CancelInvitationDialog>
      </section>
    </Show>
  );
}
