import type { RouterOutputs } from "@smallsupports/api";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { afterNationalMentorChange, queries } from "../api/queries";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { PageHeading } from "../ui/page-title";
import { TextField } from "../ui/text-field";
import { NationalOnly } from "./national-only";
import "../styles/cohort.css";

type Mentor = RouterOutputs["nationalMentor"]["list"][number];

const title = "National mentors";

/**
 * The national mentors national staff keep: people any site's team may pair with a provider of
 * its cohort. National staff name them, and take them off the list (or put them back); they never
 * read a pairing's notes.
 */
export default function NationalMentorsPage() {
  return (
    <div class="page">
      <NationalOnly title={() => title} refusal="Only national partnership staff keep the national mentors">
        <NationalMentors />
      </NationalOnly>
    </div>
  );
}

function NationalMentors() {
  const queryClient = useQueryClient();
  const mentors = useQuery(() => queries.nationalMentors());
  const [naming, setNaming] = createSignal(false);
  const [changing, setChanging] = createSignal<Mentor | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const change = createMutation(() => ({
    mutationFn: (mentor: Mentor) =>
      api.nationalMentor.setAvailable.mutate({
        personId: mentor.personId,
        version: mentor.version,
        available: mentor.status !== "active",
      }),
    onSuccess: (mentor) => {
      afterNationalMentorChange(queryClient);
      setNotice(
        mentor.status === "active"
          ? `${mentor.name} is back on the list: site teams can pair providers with them.`
          : `${mentor.name} is off the list. Their pairings under way go on until each site ends them.`,
      );
      closeChange();
    },
  }));
  function closeChange() {
    change.reset();
    setChanging(null);
  }
  let heading: HTMLHeadingElement | undefined;

  return (
    <>
      <div class="page-heading">
        <PageHeading>{title}</PageHeading>
        <button type="button" class="button" onClick={() => setNaming(true)}>
          Name a national mentor
        </button>
      </div>
      <p class="lead-text">
        Experienced small supports leaders any site's team can pair with a provider in its cohort. They sign in with the
        address you give and see only their own pairings. You never see their notes.
      </p>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <h2 ref={heading} tabindex="-1">
        On the list
      </h2>
      <Switch>
        <Match when={mentors.isPending}>
          <Loading label="Loading the national mentors…" />
        </Match>
        <Match when={mentors.isError}>
          <ErrorNotice error={mentors.error} retry={() => mentors.refetch()} />
        </Match>
        <Match when={mentors.data?.length === 0}>
          <EmptyState title="No national mentors yet">
            <p>Name someone who has run a small support and would mentor new providers in any site.</p>
          </EmptyState>
        </Match>
        <Match when={mentors.data}>
          {(list) => (
            <ul class="cohort-list">
              <For each={list()}>
                {(mentor) => (
                  <li class="card cohort-member" classList={{ "mentor-retired": mentor.status !== "active" }}>
                    <div class="cohort-member-heading">
                      <h3>
                        <bdi>{mentor.name}</bdi>
                      </h3>
                      <button
                        type="button"
                        id={`mentor-${mentor.personId}`}
                        class="button button-small"
                        classList={{
                          "button-danger-quiet": mentor.status === "active",
                          "button-secondary": mentor.status !== "active",
                        }}
                        onClick={() => setChanging(mentor)}
                      >
                        {mentor.status === "active" ? "Take off the list" : "Put back on the list"}
                        <span class="visually-hidden"> ({mentor.name})</span>
                      </button>
                    </div>
                    <p>{mentor.about}</p>
                    <p class="muted">
                      <bdi>{mentor.email}</bdi>
                      {mentor.status === "active" ? "" : " · off the list"}
                    </p>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
      <NameMentorDialog open={naming()} onOpenChange={setNaming} onNamed={setNotice} />
      <ConfirmDialog
        open={changing() !== null}
        title={
          changing()?.status === "active"
            ? `Take ${changing()?.name} off the list?`
            : `Put ${changing()?.name} back on the list?`
        }
        confirmLabel={changing()?.status === "active" ? "Take off the list" : "Put back"}
        busyLabel="Saving…"
        tone={changing()?.status === "active" ? "danger" : "go"}
        busy={change.isPending}
        error={change.error}
        onConfirm={() => {
          const mentor = changing();
          if (mentor) change.mutate(mentor);
        }}
        onCancel={closeChange}
        returnFocusTo={() => heading}
      >
        {changing()?.status === "active"
          ? "Site teams can no longer pair providers with them. Pairings under way go on until each site's team ends them. You can put them back at any time."
          : "Site teams can pair providers with them again."}
      </ConfirmDialog>
    </>
  );
}

const fieldIds = { name: "mentor-name", email: "mentor-email", about: "mentor-about" };

function NameMentorDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onNamed: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [about, setAbout] = createSignal("");
  const save = createMutation(() => ({
    mutationFn: () => api.nationalMentor.name.mutate({ name: name(), email: email(), about: about() }),
    onSuccess: (mentor) => {
      afterNationalMentorChange(queryClient);
      props.onNamed(`${mentor.name} is a national mentor. Every site's team can now pair a provider with them.`);
      setName("");
      setEmail("");
      setAbout("");
      close();
    },
  }));
  function close() {
    save.reset();
    props.onOpenChange(false);
  }
  const errors = () => fieldErrors(save.error);
  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Name a national mentor"
      description="They sign in with this address, as anyone does, and see only the pairings sites make with them."
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ErrorSummary error={save.error} fields={fieldIds} />
        <TextField
          id={fieldIds.name}
          name="name"
          label="Their name"
          required
          value={name()}
          onChange={setName}
          error={errors().name}
        />
        <TextField
          id={fieldIds.email}
          name="email"
          type="email"
          label="Their email address"
          autocomplete="off"
          required
          value={email()}
          onChange={setEmail}
          error={errors().email}
        />
        <TextField
          id={fieldIds.about}
          name="about"
          label="What they bring"
          hint="Site teams read this when they choose a mentor."
          maxLength={500}
          multiline
          required
          value={about()}
          onChange={setAbout}
          error={errors().about}
        />
        <FormActions label="Name them" busyLabel="Saving…" busy={save.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}
