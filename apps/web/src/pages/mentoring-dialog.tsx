import { useNavigate } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { afterPairingChange, queries } from "../api/queries";
import { ErrorSummary } from "../ui/error-summary";
import { describedByError, FieldFrame } from "../ui/field-frame";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { ErrorNotice, Loading } from "../ui/page-state";
import { TextField } from "../ui/text-field";

const fieldIds = { menteeOrganisationId: "pair-mentee", mentorPersonId: "pair-mentor", goals: "pair-goals" };

/** The team pairs an organisation of the cohort with a mentor from an established provider, with goals. */
export function MentoringDialog(props: { siteId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const candidates = useQuery(() => ({ ...queries.mentoringCandidates(props.siteId), enabled: props.open }));
  const [mentee, setMentee] = createSignal("");
  const [mentor, setMentor] = createSignal("");
  const [goals, setGoals] = createSignal("");
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setMentee("");
        setMentor("");
        setGoals("");
      },
    ),
  );
  const save = createMutation(() => ({
    mutationFn: () =>
      api.mentoring.create.mutate({
        siteId: props.siteId,
        menteeOrganisationId: mentee(),
        mentorPersonId: mentor(),
        goals: goals(),
      }),
    onSuccess: (pairing) => {
      afterPairingChange(queryClient, props.siteId, pairing);
      close();
      navigate(`/sites/${props.siteId}/cohort/mentoring/${pairing.pair.pairId}?paired=1`);
    },
  }));
  function close() {
    save.reset();
    props.onOpenChange(false);
  }
  const errors = () => fieldErrors(save.error);
  const mentors = () => (candidates.data?.mentors ?? []).filter((candidate) => candidate.organisationId !== mentee());

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title="Pair a provider with a mentor"
      description="The mentor comes from an established provider in the cohort, or is a national mentor. The pair and the site team see the pairing and its notes."
    >
      <Show when={!candidates.isPending} fallback={<Loading label="Loading the cohort…" />}>
        <Show
          when={!candidates.isError}
          fallback={<ErrorNotice error={candidates.error} retry={() => candidates.refetch()} />}
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
            <Choice
              id={fieldIds.menteeOrganisationId}
              label="The provider to be mentored"
              value={mentee()}
              onChange={setMentee}
              error={errors().menteeOrganisationId}
              placeholder="Choose a provider"
              options={(candidates.data?.mentees ?? []).map((item) => ({
                value: item.organisationId,
                label: item.name,
              }))}
            />
            <Choice
              id={fieldIds.mentorPersonId}
              label="Their mentor"
              value={mentor()}
              onChange={setMentor}
              error={errors().mentorPersonId}
              placeholder="Choose a person"
              options={[
                ...mentors().map((item) => ({
                  value: item.personId,
                  label: `${item.name}, ${item.organisationName}`,
                  group: "From the cohort's established providers",
                })),
                ...(candidates.data?.nationalMentors ?? []).map((item) => ({
                  value: item.personId,
                  label: `${item.name}, national mentor`,
                  group: "National mentors",
                })),
              ]}
            />
            <TextField
              id={fieldIds.goals}
              name="goals"
              label="What they will work on"
              hint="Like “Grow from three people to five without losing the personal touch”."
              maxLength={2000}
              multiline
              required
              value={goals()}
              onChange={setGoals}
              error={errors().goals}
            />
            <FormActions label="Pair them" busyLabel="Pairing…" busy={save.isPending} onCancel={close} />
          </form>
        </Show>
      </Show>
    </Modal>
  );
}

function Choice(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder: string;
  /** Options with a group are shown under its name, in the order the groups first appear. */
  options: { value: string; label: string; group?: string }[];
}) {
  const loose = () => props.options.filter((option) => !option.group);
  const groups = () => [...new Set(props.options.flatMap((option) => (option.group ? [option.group] : [])))];
  return (
    <FieldFrame id={props.id} label={props.label} error={props.error}>
      <select
        id={props.id}
        class="input select"
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        {...describedByError(props.id, props.error)}
        required
      >
        <option value="">{props.placeholder}</option>
        <For each={loose()}>{(option) => <option value={option.value}>{option.label}</option>}</For>
        <For each={groups()}>
          {(group) => (
            <optgroup label={group}>
              <For each={props.options.filter((option) => option.group === group)}>
                {(option) => <option value={option.value}>{option.label}</option>}
              </For>
            </optgroup>
          )}
        </For>
      </select>
    </FieldFrame>
  );
}
