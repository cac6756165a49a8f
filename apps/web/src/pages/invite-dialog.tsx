import { createMutation } from "@tanstack/solid-query";
import { createEffect, createSignal, on } from "solid-js";
import { api, fieldErrors } from "../api/client";
import type { SiteRole } from "../api/labels";
import type { Invitation } from "../api/types";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { RoleChoice } from "../ui/role-choice";
import { TextField } from "../ui/text-field";

// The server's limits (packages/core): a person's name and email address.
const nameLimit = 100;
const emailLimit = 254;

const ids = { name: "invite-name", email: "invite-email", role: "invite-role" };

/**
 * Inviting someone to the site, or correcting an invitation still waiting (`correcting`). The
 * answer is the same whoever the address belongs to: it only ever names what the lead typed.
 */
export function InviteDialog(props: {
  siteId: string;
  siteName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Says what happened, once the change is saved. */
  onDone: (message: string) => Promise<void>;
  correcting?: Invitation | null;
  returnFocusTo?: FocusFallback;
}) {
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<SiteRole | null>(null);
  createEffect(
    on(
      () => props.correcting,
      (invitation) => {
        setName(invitation?.name ?? "");
        setEmail(invitation?.email ?? "");
        setRole(invitation?.role ?? null);
      },
    ),
  );

  const save = createMutation(() => ({
    mutationFn: () => {
      const fields = { siteId: props.siteId, name: name(), email: email(), role: role() as SiteRole };
      const invitation = props.correcting;
      return invitation
        ? api.invitation.correct.mutate({
            ...fields,
            invitationId: invitation.invitationId,
            version: invitation.version,
          })
        : api.invitation.invite.mutate(fields);
    },
    onSuccess: async (invitation) => {
      const before = props.correcting;
      await props.onDone(
        !before
          ? `An invitation has been sent to ${invitation.name}.`
          : before.email !== invitation.email
            ? `The invitation has been corrected and sent to ${invitation.email}.`
            : `The invitation to ${invitation.name} has been corrected.`,
      );
      close();
    },
  }));

  function close() {
    setName(props.correcting?.name ?? "");
    setEmail(props.correcting?.email ?? "");
    setRole(props.correcting?.role ?? null);
    save.reset();
    props.onOpenChange(false);
  }

  const errors = () => fieldErrors(save.error);

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={props.correcting ? "Correct the invitation" : "Invite a person"}
      description={
        props.correcting
          ? "If you change the email address, the invitation is sent to the new address and the old one stops working."
          : `We will email them an invitation to join ${props.siteName}, in everyday words and in easy read. It lasts 14 days.`
      }
      returnFocusTo={props.returnFocusTo}
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ErrorSummary error={save.error} fields={ids} />
        <TextField
          id={ids.name}
          label="Full name"
          name="name"
          value={name()}
          onChange={setName}
          maxLength={nameLimit}
          error={errors().name}
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
          maxLength={emailLimit}
          error={errors().email}
          autocomplete="email"
          required
        />
        <RoleChoice id={ids.role} name="invite-role" value={role()} onChange={setRole} error={errors().role} />
        <FormActions
          label={props.correcting ? "Save correction" : "Send invitation"}
          busyLabel={props.correcting ? "Saving…" : "Sending…"}
          busy={save.isPending}
          onCancel={close}
        />
      </form>
    </Modal>
  );
}
