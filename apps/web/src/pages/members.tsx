import { useInfiniteQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { roleLabels, siteRoles } from "../api/labels";
import { afterMemberChange, queries } from "../api/queries";
import type { Member } from "../api/types";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { ChangeRoleDialog } from "./change-role-dialog";
import { InviteDialog } from "./invite-dialog";
import { RemoveMemberDialog } from "./remove-member-dialog";

/** The site's team and members. Project leads can invite, change roles and remove. */
export function Members(props: { siteId: string; siteName: string; canManage: boolean; myId?: string }) {
  const queryClient = useQueryClient();
  const [inviting, setInviting] = createSignal(false);
  const [changing, setChanging] = createSignal<Member | null>(null);
  const [removing, setRemoving] = createSignal<Member | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);

  const members = useInfiniteQuery(() => queries.members(props.siteId));
  // Leads first, then by name, so a long list reads like a team sheet.
  const rows = () =>
    (members.data?.pages.flatMap((page) => page.items) ?? []).sort(
      (a, b) => siteRoles.indexOf(a.role) - siteRoles.indexOf(b.role) || a.name.localeCompare(b.name),
    );

  /** After any change: show what happened and reload everything it touched. */
  async function changed(message: string) {
    setNotice(message);
    await afterMemberChange(queryClient, props.siteId);
  }

  return (
    <section aria-labelledby="members-heading">
      <div class="section-heading">
        <h2 id="members-heading">Team and members</h2>
        <Show when={props.canManage}>
          <button type="button" class="button" onClick={() => setInviting(true)}>
            Invite a person
          </button>
        </Show>
      </div>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <Switch>
        <Match when={members.isPending}>
          <Loading label="Loading members…" />
        </Match>
        <Match when={members.isError}>
          <ErrorNotice error={members.error} retry={() => members.refetch()} />
        </Match>
        <Match when={rows().length === 0}>
          <EmptyState title="No one has joined this site yet.">
            <p>{props.canManage ? "Invite the first person to get started." : "The project lead can invite people."}</p>
          </EmptyState>
        </Match>
        <Match when={rows().length > 0}>
          <ul class="member-list">
            <For each={rows()}>
              {(member) => (
                <li class="member">
                  <div class="member-who">
                    <span class="member-name">
                      {member.name}
                      {member.personId === props.myId ? " (you)" : ""}
                    </span>
                    <span class="muted member-email">{member.email}</span>
                  </div>
                  <span class="badge">{roleLabels[member.role]}</span>
                  <Show when={props.canManage}>
                    <div class="member-actions">
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => setChanging(member)}
                        aria-label={`Change role for ${member.name}`}
                      >
                        Change role
                      </button>
                      <button
                        type="button"
                        class="button button-danger-quiet button-small"
                        onClick={() => setRemoving(member)}
                        aria-label={`Remove ${member.name}`}
                      >
                        Remove
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <LoadMore query={members} label="Show more members" />
        </Match>
      </Switch>
      <InviteDialog
        siteId={props.siteId}
        siteName={props.siteName}
        open={inviting()}
        onOpenChange={setInviting}
        onInvited={(name) => changed(`${name} has been invited.`)}
      />
      <ChangeRoleDialog member={changing()} onClose={() => setChanging(null)} onChanged={changed} />
      <RemoveMemberDialog
        member={removing()}
        siteName={props.siteName}
        onClose={() => setRemoving(null)}
        onRemoved={changed}
      />
    </section>
  );
}
