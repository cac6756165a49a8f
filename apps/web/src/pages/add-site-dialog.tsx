import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { afterSiteAdded } from "../api/queries";
import { FormActions, FormProblem } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";

/** Turns a site name into a web address: "Kent and Medway" -> "kent-and-medway". */
function addressFrom(name: string) {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export function AddSiteDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAdded: (name: string) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = createSignal("");
  const [area, setArea] = createSignal("");
  const [address, setAddress] = createSignal("");
  const [addressEdited, setAddressEdited] = createSignal(false);

  const add = createMutation(() => ({
    mutationFn: () => api.site.create.mutate({ siteId: address(), name: name(), area: area() }),
    onSuccess: async (site) => {
      await afterSiteAdded(queryClient);
      props.onAdded(site.name);
      close();
    },
  }));

  function close() {
    setName("");
    setArea("");
    setAddress("");
    setAddressEdited(false);
    add.reset();
    props.onOpenChange(false);
  }

  const errors = () => fieldErrors(add.error);

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Add a site"
      description="The site is ready as soon as you save it. Its project lead can then be invited."
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <TextField
          label="Site name"
          name="name"
          value={name()}
          onChange={(value) => {
            setName(value);
            if (!addressEdited()) setAddress(addressFrom(value));
          }}
          hint="For example, Lancashire and South Cumbria."
          error={errors().name}
          required
        />
        <TextField
          label="Area"
          name="area"
          value={area()}
          onChange={setArea}
          hint="The local authority or integrated care area it covers."
          error={errors().area}
          required
        />
        <TextField
          label="Web address"
          name="siteId"
          value={address()}
          onChange={(value) => {
            setAddressEdited(true);
            setAddress(value);
          }}
          hint="Lower-case letters, numbers and hyphens. It cannot be changed later."
          error={errors().siteId}
          required
        />
        <FormProblem error={add.error} when={add.isError && Object.keys(errors()).length === 0} />
        <FormActions label="Add site" busyLabel="Adding…" busy={add.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}
