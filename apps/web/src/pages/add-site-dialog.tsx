import slugify from "@sindresorhus/slugify";
import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { afterSiteAdded } from "../api/queries";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";

// The server's limits (packages/core): a site's name, area and web address.
const nameLimit = 80;
const areaLimit = 120;
const addressLimit = 60;

/**
 * Suggests a web address from a site name, writing accents and other alphabets in plain Latin
 * letters: "Crème Brûlée Valley" -> "creme-brulee-valley", "Кардифф" -> "kardiff".
 */
function addressFrom(name: string) {
  return slugify(name, { decamelize: false }).slice(0, addressLimit).replace(/-+$/, "");
}

const ids = {
  name: "add-site-name",
  area: "add-site-area",
  siteId: "add-site-address",
  "lead.name": "add-site-lead-name",
  "lead.email": "add-site-lead-email",
};

export function AddSiteDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAdded: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = createSignal("");
  const [area, setArea] = createSignal("");
  const [address, setAddress] = createSignal("");
  const [addressEdited, setAddressEdited] = createSignal(false);
  const [leadName, setLeadName] = createSignal("");
  const [leadEmail, setLeadEmail] = createSignal("");

  const add = createMutation(() => ({
    mutationFn: () =>
      api.site.create.mutate({
        siteId: address(),
        name: name(),
        area: area(),
        lead: { name: leadName(), email: leadEmail() },
      }),
    onSuccess: async (site) => {
      await afterSiteAdded(queryClient);
      props.onAdded(`${site.name} has been added, and its project lead has been sent an invitation.`);
      close();
    },
  }));

  function close() {
    setName("");
    setArea("");
    setAddress("");
    setAddressEdited(false);
    setLeadName("");
    setLeadEmail("");
    add.reset();
    props.onOpenChange(false);
  }

  const errors = () => fieldErrors(add.error);

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Add a site"
      description="The site is ready as soon as you save it, and we email its project lead an invitation to join."
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <ErrorSummary error={add.error} fields={ids} />
        <TextField
          id={ids.name}
          label="Site name"
          name="name"
          value={name()}
          onChange={(value) => {
            setName(value);
            if (!addressEdited()) setAddress(addressFrom(value));
          }}
          hint="For example, Lancashire and South Cumbria."
          maxLength={nameLimit}
          error={errors().name}
          required
        />
        <TextField
          id={ids.area}
          label="Area"
          name="area"
          value={area()}
          onChange={setArea}
          hint="The local authority or integrated care area it covers."
          maxLength={areaLimit}
          error={errors().area}
          required
        />
        <TextField
          id={ids.siteId}
          label="Web address"
          name="siteId"
          value={address()}
          onChange={(value) => {
            // Emptied, it follows the name again from the next change to the name.
            setAddressEdited(value !== "");
            setAddress(value);
          }}
          // Capitals are not allowed in the address, so they are made small rather than refused.
          normalise={(value) => value.toLowerCase()}
          hint="Lower-case letters, numbers and single hyphens. It cannot be changed later."
          maxLength={addressLimit}
          error={errors().siteId}
          required
        />
        <fieldset class="fieldset">
          <legend class="field-label">Project lead</legend>
          <p class="field-hint">We email them an invitation to join and lead the site. It lasts 14 days.</p>
          <TextField
            id={ids["lead.name"]}
            label="Their full name"
            name="leadName"
            value={leadName()}
            onChange={setLeadName}
            maxLength={100}
            error={errors()["lead.name"]}
            autocomplete="off"
            required
          />
          <TextField
            id={ids["lead.email"]}
            label="Their email address"
            name="leadEmail"
            type="email"
            value={leadEmail()}
            onChange={setLeadEmail}
            hint="They sign in with this address."
            maxLength={254}
            error={errors()["lead.email"]}
            required
          />
        </fieldset>
        <FormActions label="Add site" busyLabel="Adding…" busy={add.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}
