import { createMutation } from "@tanstack/solid-query";
import { createEffect, createSignal } from "solid-js";
import { api } from "../api/client";
import { roleLabels, type SiteRole } from "../api/labels";
import type { Member } from "../api/types";
import { FormActions, FormProblem } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { RoleChoice } from "../ui/role-choice";

export function ChangeRoleDialog(props: {
  member: Member | null;
  onClose: () => void;
  onChanged: (message: string) => Promise<void>;
}) {
  const [role, setRole] = createSignal<SiteRole | null>(null);
  createEffect(() => setRole(props.member?.role ?? null));

  const change = createMutation(() => ({
    mutationFn: (member: Member) =>
      api.member.changeRole.mutate({
        siteId: member.siteId,
        personId: member.personId,
        role: role() as SiteRole,
        version: member.version,
      }),
    onSuccess: async (updated) => {
      await props.onChanged(`${updated.name} is now ${roleLabels[updated.role]}.`);
      close();
    },
  }));

  function close() {
    change.reset();
    props.onClose();
  }

  return (
    <Modal
      open={props.member !== null}
      onOpenChange={(open) => !open && close()}
      title={`Change ${props.member?.name ?? ""}'s role`}
      description={props.member ? `Now: ${roleLabels[props.member.role]}.` : undefined}
    >
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (props.member) change.mutate(props.member);
        }}
      >
        <RoleChoice name="change-role" value={role()} onChange={setRole} />
        <FormProblem error={change.error} when={change.isError} />
        <FormActions
          label="Save role"
          busyLabel="Saving…"
          busy={change.isPending}
          disabled={role() === props.member?.role}
          onCancel={close}
        />
      </form>
    </Modal>
  );
}
