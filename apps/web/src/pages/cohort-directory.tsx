import type { RouterOutputs } from "@smallsupports/api";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api } from "../api/client";
import { afterCohortChange, queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { ReasonDialog } from "../ui/reason-dialog";

type Directory = RouterOutputs["cohort"]["directory"];
type Member = Directory["organisations"][number];
type Removed = Directory["removed"][number];

/** "Came to 4 of 5 sessions (80%)", or that nothing has been recorded yet. */
export function attendanceText(member: { attended: number; missed: number }): string {
  const recorded = member.attended + member.missed;
  if (recorded === 0) return "No attendance recorded yet";
  const rate = Math.round((member.attended / recorded) * 100);
  return `Came to ${member.attended} of ${recorded === 1 ? "1 booked session" : `${recorded} booked sessions`} (${rate}%)`;
}

/**
 * The cohort directory: every organisation in the cohort, how often its people came, and the
 * contacts they chose to share. The team can take an organisation out, or add one back, with a
 * reason; only the team sees who was taken out and why.
 */
export function CohortDirectory(props: { siteId: string; isTeam: boolean; onNotice: (message: string) => void }) {
  const queryClient = useQueryClient();
  const directory = useQuery(() => queries.cohort(props.siteId));
  const [removing, setRemoving] = createSignal<Member | null>(null);
  const [adding, setAdding] = createSignal<Removed | null>(null);

  const remove = createMutation(() => ({
    mutationFn: ({ member, reason }: { member: Member; reason: string }) =>
      api.cohort.remove.mutate({
        siteId: props.siteId,
        organisationId: member.organisationId,
        version: member.version,
        reason,
      }),
    onSuccess: (updated, { member }) => {
      queryClient.setQueryData(queries.cohort(props.siteId).queryKey, updated);
      afterCohortChange(queryClient, props.siteId);
      props.onNotice(`${member.name} is taken out of the cohort. Its people can no longer book sessions.`);
      closeRemove();
    },
  }));
  const add = createMutation(() => ({
    mutationFn: ({ member, reason }: { member: Removed; reason: string }) =>
      api.cohort.add.mutate({ siteId: props.siteId, organisationId: member.organisationId, reason }),
    onSuccess: (updated, { member }) => {
      queryClient.setQueryData(queries.cohort(props.siteId).queryKey, updated);
      afterCohortChange(queryClient, props.siteId);
      props.onNotice(`${member.name} is back in the cohort.`);
      closeAdd();
    },
  }));
  function closeRemove() {
    remove.reset();
    setRemoving(null);
  }
  function closeAdd() {
    add.reset();
    setAdding(null);
  }

  return (
    <>
      <Switch>
        <Match when={directory.isPending}>
          <Loading label="Loading the cohort…" />
        </Match>
        <Match when={directory.isError}>
          <ErrorNotice error={directory.error} retry={() => directory.refetch()} />
        </Match>
        <Match when={directory.data}>
          {(data) => (
            <>
              <Show
                when={data().organisations.length > 0}
                fallback={
                  <EmptyState title="No organisations in the cohort yet">
                    <p>Organisations join the cohort when the panel approves them.</p>
                  </EmptyState>
                }
              >
                <p class="muted">
                  {data().organisations.length === 1
                    ? "1 organisation"
                    : `${data().organisations.length} organisations`}{" "}
                  in the cohort. People choose what contact details to share with each other.
                </p>
                <ul class="cohort-list">
                  <For each={data().organisations}>
                    {(member) => (
                      <li class="card cohort-member">
                        <div class="cohort-member-heading">
                          <h3>
                            <bdi>{member.name}</bdi>
                          </h3>
                          <Show when={props.isTeam}>
                            <button
                              type="button"
                              class="button button-danger-quiet button-small"
                              onClick={() => setRemoving(member)}
                            >
                              Take out of the cohort
                              <span class="visually-hidden"> ({member.name})</span>
                            </button>
                          </Show>
                        </div>
                        <p class="muted">{attendanceText(member)}</p>
                        <Show
                          when={member.contacts.length > 0}
                          fallback={<p class="muted">No one here has shared contact details yet.</p>}
                        >
                          <ul class="cohort-contacts">
                            <For each={member.contacts}>
                              {(contact) => (
                                <li>
                                  <strong>
                                    <bdi>{contact.name}</bdi>
                                  </strong>
                                  <Show when={contact.about}>
                                    <span class="muted"> · glad to talk about {contact.about}</span>
                                  </Show>
                                  <Show when={contact.email}>
                                    {(email) => (
                                      <>
                                        <br />
                                        <a href={`mailto:${email()}`}>{email()}</a>
                                      </>
                                    )}
                                  </Show>
                                  <Show when={contact.phone}>
                                    {(phone) => (
                                      <>
                                        <br />
                                        <a href={`tel:${phone().replace(/[^0-9+]/g, "")}`}>{phone()}</a>
                                      </>
                                    )}
                                  </Show>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={props.isTeam && data().removed.length > 0}>
                <h3>Taken out of the cohort</h3>
                <ul class="cohort-list">
                  <For each={data().removed}>
                    {(member) => (
                      <li class="card cohort-member">
                        <div class="cohort-member-heading">
                          <h4>
                            <bdi>{member.name}</bdi>
                          </h4>
                          <button
                            type="button"
                            class="button button-secondary button-small"
                            onClick={() => setAdding(member)}
                          >
                            Add back
                            <span class="visually-hidden"> ({member.name})</span>
                          </button>
                        </div>
                        <Show when={member.reason}>
                          <p>Why: {member.reason}</p>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <ReasonDialog
        open={!!removing()}
        title={`Take ${removing()?.name ?? "this organisation"} out of the cohort?`}
        description="Its people will no longer see the cohort or book its sessions. Places they already booked stay. You can add it back later."
        reasonLabel="Why"
        reasonHint="Only the site team sees this."
        confirmLabel="Take out of the cohort"
        busyLabel="Taking out…"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={(reason) => {
          const member = removing();
          if (member) remove.mutate({ member, reason });
        }}
        onCancel={closeRemove}
      />
      <ReasonDialog
        open={!!adding()}
        title={`Add ${adding()?.name ?? "this organisation"} back to the cohort?`}
        description="Its people will see the cohort and can book sessions again."
        reasonLabel="Why"
        reasonHint="Only the site team sees this."
        confirmLabel="Add back"
        busyLabel="Adding…"
        busy={add.isPending}
        error={add.error}
        onConfirm={(reason) => {
          const member = adding();
          if (member) add.mutate({ member, reason });
        }}
        onCancel={closeAdd}
      />
    </>
  );
}
