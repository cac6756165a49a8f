import type { RouterOutputs } from "@smallsupports/api";
import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, on, Show } from "solid-js";
import { api, errorCode, fieldErrors } from "../api/client";
import { afterCohortChange, queries } from "../api/queries";
import { ErrorSummary } from "../ui/error-summary";
import { TextField } from "../ui/text-field";

type MyContact = RouterOutputs["cohort"]["myContact"];

const fieldIds = { phone: "contact-phone", about: "contact-about" };

/**
 * What the signed-in provider shares with the rest of the cohort. Nothing is shared until they
 * say so; clearing everything stops sharing.
 */
export function CohortContact(props: { siteId: string; contact: MyContact }) {
  const queryClient = useQueryClient();
  const [shareEmail, setShareEmail] = createSignal(false);
  const [phone, setPhone] = createSignal("");
  const [about, setAbout] = createSignal("");
  const [saved, setSaved] = createSignal<string | null>(null);
  createEffect(
    on(
      () => props.contact,
      (contact) => {
        setShareEmail(contact.shareEmail);
        setPhone(contact.phone);
        setAbout(contact.about);
      },
    ),
  );

  const save = createMutation(() => ({
    mutationFn: (input: { shareEmail: boolean; phone: string; about: string }) =>
      api.cohort.shareContact.mutate({ siteId: props.siteId, ...input, version: props.contact.version }),
    onSuccess: (contact) => {
      queryClient.setQueryData(queries.myCohortContact(props.siteId).queryKey, contact);
      afterCohortChange(queryClient, props.siteId);
      setSaved(
        contact.sharing ? "Saved. The cohort sees what you chose." : "You no longer share anything with the cohort.",
      );
    },
    onError: (error) => {
      if (errorCode(error) === "CONFLICT")
        queryClient.invalidateQueries({ queryKey: queries.myCohortContact(props.siteId).queryKey });
    },
  }));

  return (
    <form
      class="form card cohort-contact"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        save.mutate({ shareEmail: shareEmail(), phone: phone(), about: about() });
      }}
    >
      <h3>What you share with the cohort</h3>
      <p class="muted">
        Other providers in the cohort see your name with what you tick or fill in here. Leave it all empty to share
        nothing.
      </p>
      <ErrorSummary error={save.error} fields={fieldIds} />
      <label class="checkbox">
        <input
          type="checkbox"
          checked={shareEmail()}
          onChange={(event) => setShareEmail(event.currentTarget.checked)}
        />
        <span>
          Share my email address (<bdi>{props.contact.email}</bdi>)
        </span>
      </label>
      <TextField
        id={fieldIds.phone}
        name="phone"
        label="Phone number (optional)"
        maxLength={30}
        value={phone()}
        onChange={setPhone}
        error={fieldErrors(save.error).phone}
      />
      <TextField
        id={fieldIds.about}
        name="about"
        label="What you are glad to talk about (optional)"
        hint="Like “recruiting support workers” or “setting up as a CIC”."
        maxLength={200}
        value={about()}
        onChange={setAbout}
        error={fieldErrors(save.error).about}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save what I share"}
        </button>
        <Show when={props.contact.sharing}>
          <button
            type="button"
            class="button button-secondary"
            disabled={save.isPending}
            onClick={() => {
              setSaved(null);
              save.mutate({ shareEmail: false, phone: "", about: "" });
            }}
          >
            Stop sharing
          </button>
        </Show>
      </div>
      <p class="save-state" role="status">
        {saved()}
      </p>
    </form>
  );
}
