import { createMutation } from "@tanstack/solid-query";
import { createEffect, createSignal } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { roleLabels, type SiteRole } from "../api/labels";
import type { Member } from "../api/types";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { RoleChoice } from "../ui/role-choice";

const ids = { role: "change-role" };

export function ChangeRoleDialog(props: {
  member: Member | null;
  onClose: () => void;
  onChanged: (message: string) => Promise<void>;
  returnFocusTo: FocusFallback;
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
      title={
        <>
          Change <bdi>{props.member?.name}</bdi>'s role
        </>
      }
      description={props.member ? `Now: ${roleLabels[props.member.role]}.` : undefined}
      returnFocusTo={props.returnFocusTo}
    >
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (props.member) change.mutate(props.member);
        }}
      >
        <ErrorSummary error={change.error} fields={ids} />
        <RoleChoice
          id={ids.role}
          name="change-role"
          value={role()}
          onChange={setRole}
          error={fieldErrors(change.error).role}
        />
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
