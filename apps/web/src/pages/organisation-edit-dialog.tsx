import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createEffect, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorCode } from "../api/client";
import { afterOrganisationChange } from "../api/queries";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import {
  draftOf,
  type Organisation,
  type OrganisationDraft,
  OrganisationFields,
  organisationFieldIds,
  profileOf,
} from "./organisation-form";

/**
 * Correcting the organisation's own facts. The save names the version the person opened; if a
 * colleague saved first, nothing changes and they are told, with a way to load what is saved now.
 */
export function OrganisationEditDialog(props: {
  organisation: Organisation;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
  returnFocusTo?: FocusFallback;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = createStore<OrganisationDraft>(draftOf(props.organisation));
  // The version the form's words were loaded from: the save is refused if it has moved on since.
  let loadedVersion = props.organisation.version;

  function load(organisation: Organisation) {
    setDraft(draftOf(organisation));
    loadedVersion = organisation.version;
  }
  createEffect(
    on(
      () => props.open,
      (open) => open && load(props.organisation),
    ),
  );

  const save = createMutation(() => ({
    mutationFn: () =>
      api.organisation.update.mutate({
        siteId: props.organisation.siteId,
        organisationId: props.organisation.organisationId,
        version: loadedVersion,
        organisation: profileOf(draft),
      }),
    onSuccess: async () => {
      await afterOrganisationChange(queryClient, props.organisation.siteId, props.organisation.organisationId);
      props.onSaved();
      close();
    },
  }));

  function close() {
    save.reset();
    props.onOpenChange(false);
  }

  const conflict = () => errorCode(save.error) === "CONFLICT";

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Edit your organisation's details"
      description="The site's team sees these details. Change anything that is out of date."
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
        <ErrorSummary error={save.error} fields={organisationFieldIds("edit")} />
        <Show when={conflict()}>
          <div class="notice notice-info">
            <p>
              Your changes are still in the form. To see what is saved now, load the latest details (this replaces your
              changes).
            </p>
            <button
              type="button"
              class="button button-secondary"
              onClick={async () => {
                await afterOrganisationChange(
                  queryClient,
                  props.organisation.siteId,
                  props.organisation.organisationId,
                );
                load(props.organisation);
                save.reset();
                // The button has gone with the problem: carry on from the first field.
                document.getElementById(organisationFieldIds("edit")["organisation.legalName"] as string)?.focus();
              }}
            >
              Load the latest details
            </button>
          </div>
        </Show>
        <OrganisationFields
          prefix="edit"
          draft={draft}
          onChange={(field, value) => setDraft({ [field]: value } as Partial<OrganisationDraft>)}
          error={save.error}
        />
        <FormActions label="Save details" busyLabel="Saving…" busy={save.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}
