import { useNavigate } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { api } from "../api/client";
import { formatDate, roleLabels } from "../api/labels";
import { afterInvitationAnswered, queries } from "../api/queries";
import type { MyInvitation } from "../api/types";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorNotice } from "../ui/page-state";

/**
 * Invitations to the signed-in person's own address, on their home page: joining is one press,
 * and saying no is asked about first. An invitation that has run out says who can renew it.
 */
export function MyInvitations() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitations = useQuery(() => queries.myInvitations());
  const [declining, setDeclining] = createSignal<MyInvitation | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;

  const join = createMutation(() => ({
    mutationFn: (invitation: MyInvitation) =>
      api.invitation.accept.mutate({ siteId: invitation.siteId, invitationId: invitation.invitationId }),
    onSuccess: async (joined) => {
      await afterInvitationAnswered(queryClient);
      navigate(`/sites/${joined.siteId}`);
    },
  }));

  const decline = createMutation(() => ({
    mutationFn: (invitation: MyInvitation) =>
      api.invitation.decline.mutate({ siteId: invitation.siteId, invitationId: invitation.invitationId }),
    onSuccess: async (_result, invitation) => {
      setNotice(`You said no to joining ${invitation.siteName}.`);
      await afterInvitationAnswered(queryClient);
      closeDecline();
    },
  }));

  function closeDecline() {
    decline.reset();
    setDeclining(null);
  }

  return (
    <>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <Show when={(invitations.data?.length ?? 0) > 0}>
        <section aria-labelledby="my-invitations-heading">
          <h2 id="my-invitations-heading" ref={heading} tabindex="-1">
            You are invited
          </h2>
          <Show when={join.isError}>
            <ErrorNotice error={join.error} />
          </Show>
          <ul class="invitation-cards">
            <For each={invitations.data}>
              {(invitation) => (
                <li class="card invitation-card">
                  <h3 class="invitation-card-title">{invitation.siteName}</h3>
                  <p>
                    <bdi>{invitation.inviterName}</bdi> invited you to join as{" "}
                    <strong>{roleLabels[invitation.role]}</strong>.
                  </p>
                  <Show
                    when={invitation.status === "pending"}
                    fallback={
                      <p class="invitation-state expired">
                        This invitation ran out on {formatDate(invitation.expiresAt)}. Ask{" "}
                        <bdi>{invitation.inviterName}</bdi> to send it again.
                      </p>
                    }
                  >
                    <p class="muted">Open until {formatDate(invitation.expiresAt)}.</p>
                    <div class="form-actions">
                      <button
                        type="button"
                        class="button"
                        disabled={join.isPending}
                        onClick={() => join.mutate(invitation)}
                      >
                        {join.isPending && join.variables?.invitationId === invitation.invitationId
                          ? "Joining…"
                          : `Join ${invitation.siteName}`}
                      </button>
                      <button
                        type="button"
                        class="button button-secondary"
                        onClick={() => setDeclining(invitation)}
                        aria-label={`Say no to joining ${invitation.siteName}`}
                      >
                        Say no
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <ConfirmDialog
        open={declining() !== null}
        title={`Say no to joining ${declining()?.siteName ?? ""}?`}
        confirmLabel="Say no"
        busyLabel="Saying no…"
        cancelLabel="Go back"
        busy={decline.isPending}
        error={decline.error}
        onConfirm={() => {
          const invitation = declining();
          if (invitation) decline.mutate(invitation);
        }}
        onCancel={closeDecline}
        returnFocusTo={() => heading}
      >
        The invitation will be removed. If you change your mind, ask the site's project lead to invite you again.
      </ConfirmDialog>
    </>
  );
}
