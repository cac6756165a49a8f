import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, Match, Show, Switch } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { afterRename, queries } from "../api/queries";
import { ErrorSummary } from "../ui/error-summary";
import { ErrorNotice, Loading } from "../ui/page-state";
import { PageHeading, usePageTitle } from "../ui/page-title";
import { TextField } from "../ui/text-field";

// The server's limit on a person's name (packages/core).
const nameLimit = 100;
const ids = { name: "account-name" };

/** The signed-in person's own details: they can correct their name at any time. */
export default function Account() {
  usePageTitle(() => "Your details");
  const queryClient = useQueryClient();
  const me = useQuery(() => queries.me());
  const [name, setName] = createSignal("");
  const [saved, setSaved] = createSignal(false);
  createEffect(() => {
    if (me.data) setName(me.data.person.name);
  });

  const rename = createMutation(() => ({
    mutationFn: () => {
      const person = me.data?.person;
      if (!person) throw new Error("Your details have not loaded yet.");
      return api.me.rename.mutate({ name: name(), version: person.version });
    },
    onSuccess: async () => {
      setSaved(true);
      await afterRename(queryClient);
    },
  }));

  return (
    <div class="page narrow">
      <PageHeading>Your details</PageHeading>
      <Switch>
        <Match when={me.isPending}>
          <Loading />
        </Match>
        <Match when={me.isError}>
          <ErrorNotice error={me.error} retry={() => me.refetch()} />
        </Match>
        <Match when={me.data}>
          {(data) => (
            <>
              <Show when={saved() && !rename.isPending}>
                <div class="notice notice-success" role="status">
                  <p>Your name has been saved. Everyone in your sites now sees it.</p>
                </div>
              </Show>
              <form
                class="form card"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  setSaved(false);
                  rename.mutate();
                }}
              >
                <ErrorSummary error={rename.error} fields={ids} />
                <TextField
                  id={ids.name}
                  label="Your name"
                  name="name"
                  value={name()}
                  onChange={setName}
                  hint="As you would like people in your sites to see it."
                  maxLength={nameLimit}
                  error={fieldErrors(rename.error).name}
                  autocomplete="name"
                  required
                />
                <div class="field">
                  <p class="field-label">Email address</p>
                  <p>{data().person.email}</p>
                  <p class="field-hint">You sign in with this address. To change it, ask your project lead.</p>
                </div>
                <div class="form-actions">
                  <button
                    type="submit"
                    class="button"
                    disabled={rename.isPending || name().trim() === data().person.name}
                  >
                    {rename.isPending ? "Saving…" : "Save my name"}
                  </button>
                </div>
              </form>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
