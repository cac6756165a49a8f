import { createMutation } from "@tanstack/solid-query";
import { createSignal, type JSX } from "solid-js";
import type { Invitation } from "../api/types";
import { ConfirmDialog } from "../ui/confirm-dialog";

/** What a row and its actions need of an invitation: a site's and a lead invitation both have it. */
type OpenInvitation = Pick<Invitation, "siteId" | "invitationId" | "version" | "name" | "email">;
type InvitationKey = Pick<Invitation, "siteId" | "invitationId" | "version">;

/**
 * Sending an invitation again and cancelling it (after confirming), through whichever procedures
 * the list uses: a site's own (its project leads) or its lead invitations (national staff).
 */
export function createInvitationActions<T extends OpenInvitation>(calls: {
  resend: (key: InvitationKey) => Promise<{ name: string }>;
  cancel: (key: InvitationKey) => Promise<unknown>;
  /** Says what happened and refreshes what it changed. */
  changed: (message: string) => Promise<unknown> | undefined;
}) {
  const keyOf = (invitation: T): InvitationKey => ({
    siteId: invitation.siteId,
    invitationId: invitation.invitationId,
    version: invitation.version,
  });
  const [cancelling, setCancelling] = createSignal<T | null>(null);

  const resend = createMutation(() => ({
    mutationFn: (invitation: T) => calls.resend(keyOf(invitation)),
    onSuccess: (invitation) => calls.changed(`The invitation to ${invitation.name} has been sent again.`),
  }));
  const cancel = createMutation(() => ({
    mutationFn: (invitation: T) => calls.cancel(keyOf(invitation)),
    onSuccess: async (_result, invitation) => {
      await calls.changed(`The invitation to ${invitation.name} has been cancelled.`);
      closeCancel();
    },
  }));

  function closeCancel() {
    cancel.reset();
    setCancelling(null);
  }

  return { resend, cancel, cancelling, setCancelling, closeCancel };
}

export type InvitationActions<T extends OpenInvitation> = ReturnType<typeof createInvitationActions<T>>;

/**
 * One open invitation: who was invited (as the inviter typed it), where it stands, and its
 * actions: Send again, anything `between` (Correct), and Cancel invitation.
 */
export function InvitationRow<T extends OpenInvitation>(props: {
  invitation: T;
  /** Where it stands, in a sentence. */
  state: string;
  expired: boolean;
  /** Beside the name, such as the role it invites to. */
  badge?: JSX.Element;
  resendId: string;
  actions: InvitationActions<T>;
  between?: JSX.Element;
}) {
  const resending = () =>
    props.actions.resend.isPending && props.actions.resend.variables?.invitationId === props.invitation.invitationId;
  return (
    <li class="member" tabindex="-1">
      <div class="member-who">
        <span class="member-name">
          <bdi>{props.invitation.name}</bdi>
        </span>
        <span class="muted member-email">{props.invitation.email}</span>
        <span class={props.expired ? "invitation-state expired" : "invitation-state"}>{props.state}</span>
      </div>
      {props.badge}
      <div class="member-actions">
        <button
          id={props.resendId}
          type="button"
          class="button button-secondary button-small"
          disabled={props.actions.resend.isPending}
          onClick={() => props.actions.resend.mutate(props.invitation)}
          aria-label={`Send again: the invitation to ${props.invitation.name}`}
        >
          {resending() ? "Sending…" : "Send again"}
        </button>
        {props.between}
        <button
          type="button"
          class="button button-danger-quiet button-small"
          onClick={() => props.actions.setCancelling(() => props.invitation)}
          aria-label={`Cancel invitation to ${props.invitation.name}`}
        >
          Cancel invitation
        </button>
      </div>
    </li>
  );
}

/** Asks before cancelling; opens on "Keep it". */
export function CancelInvitationDialog<T extends OpenInvitation>(props: {
  actions: InvitationActions<T>;
  returnFocusTo: () => HTMLElement | undefined;
  /** What cancelling does, in plain words. */
  children: JSX.Element;
}) {
  return (
    <ConfirmDialog
      open={props.actions.cancelling() !== null}
      title={
        <>
          Cancel the invitation to <bdi>{props.actions.cancelling()?.name}</bdi>?
        </>
      }
      confirmLabel="Cancel invitation"
      busyLabel="Cancelling…"
      cancelLabel="Keep it"
      busy={props.actions.cancel.isPending}
      error={props.actions.cancel.error}
      onConfirm={() => {
        const invitation = props.actions.cancelling();
        if (invitation) props.actions.cancel.mutate(invitation);
      }}
      onCancel={props.actions.closeCancel}
      returnFocusTo={props.returnFocusTo}
    >
      {props.children}
    </ConfirmDialog>
  );
}
