import { createMutation } from "@tanstack/solid-query";
import { createSignal } from "solid-js";
import { api, fieldErrors } from "../api/client";
import type { SiteRole } from "../api/labels";
import { FormActions, FormProblem } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { RoleChoice } from "../ui/role-choice";
import { TextField } from "../ui/text-field";

export function InviteDialog(props: {
  siteId: string;
  siteName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (name: string) => Promise<void>;
}) {
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<SiteRole | null>(null);

  const invite = createMutation(() => ({
    mutationFn: () =>
      api.member.invite.mutate({ siteId: props.siteId, name: name(), email: email(), role: role() as SiteRole }),
    onSuccess: async (member) => {
      await props.onInvited(member.name);
      close();
    },
  }));

  function close() {
    setName("");
    setEmail("");
    setRole(null);
    invite.reset();
    props.onOpenChange(false);
  }

  const errors = () => fieldErrors(invite.error);

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Invite a person"
      description={`They will join ${props.siteName} with the role you choose.`}
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate();
        }}
      >
        <TextField
          label="Full name"
          name="name"
          value={name()}
          onChange={setName}
          error={errors().name}
          autocomplete="name"
          required
        />
        <TextField
          label="Email address"
          name="email"
          type="email"
          value={email()}
          onChange={setEmail}
          hint="They sign in with this address."
          error={errors().email}
          autocomplete="email"
          required
        />
        <RoleChoice name="invite-role" value={role()} onChange={setRole} error={errors().role} />
        <FormProblem error={invite.error} when={invite.isError && Object.keys(errors()).length === 0} />
        <FormActions label="Send invitation" busyLabel="Inviting…" busy={invite.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}
