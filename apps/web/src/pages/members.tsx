import { useInfiniteQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { roleLabels, siteRoles } from "../api/labels";
import { afterInvitationChange, afterMemberChange, queries } from "../api/queries";
import type { Member } from "../api/types";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { ChangeRoleDialog } from "./change-role-dialog";
import { Invitations } from "./invitations";
import { InviteDialog } from "./invite-dialog";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { useSiteView } from "./site-context";

/** The site's Team tab: its members. Project leads can invite, change roles and remove. */
export default function Members() {
  const site = useSiteView();
  const queryClient = useQueryClient();
  const [inviting, setInviting] = createSignal(false);
  const [changing, setChanging] = createSignal<Member | null>(null);
  const [removing, setRemoving] = createSignal<Member | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;
  let list: HTMLUListElement | undefined;

  const members = useInfiniteQuery(() => queries.members(site.siteId));
  // Leads first, then by name, so a long list reads like a team sheet.
  const rows = () =>
    (members.data?.pages.flatMap((page) => page.items) ?? []).sort(
      (a, b) => siteRoles.indexOf(a.role) - siteRoles.indexOf(b.role) || a.name.localeCompare(b.name),
    );

  /** After any change: show what happened and reload everything it touched. */
  async function changed(message: string) {
    setNotice(message);
    await afterMemberChange(queryClient, site.siteId);
  }

  return (
    <section aria-labelledby="members-heading">
      <div class="section-heading">
        {/* Takes focus when a dialog closes and the row it was opened from has gone. */}
        <h2 id="members-heading" ref={heading} tabindex="-1">
          Team and members
        </h2>
        <Show when={site.canManage}>
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
        <Match when={members.isError && rows().length === 0}>
          <ErrorNotice error={members.error} retry={() => members.refetch()} />
        </Match>
        <Match when={rows().length === 0}>
          <EmptyState title="No one has joined this site yet.">
            <p>{site.canManage ? "Invite the first person to get started." : "The project lead can invite people."}</p>
          </EmptyState>
        </Match>
        <Match when={rows().length > 0}>
          <ul class="member-list" ref={list}>
            <For each={rows()}>
              {(member) => (
                <li class="member" tabindex="-1">
                  <div class="member-who">
                    <span class="member-name">
                      <bdi>{member.name}</bdi>
                      {member.personId === site.myId ? " (you)" : ""}
                    </span>
                    <span class="muted member-email">{member.email}</span>
                  </div>
                  <span class="badge">{roleLabels[member.role]}</span>
                  <Show when={site.canManage}>
                    <div class="member-actions">
                      {/* Ids let focus come back here after the list redraws the row. */}
                      <button
                        id={`change-role-${member.personId}`}
                        type="button"
                        class="button button-secondary button-small"
                        onClick={() => setChanging(member)}
                        aria-label={`Change role for ${member.name}`}
                      >
                        Change role
                      </button>
                      <button
                        id={`remove-${member.personId}`}
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
          <LoadMore query={members} label="Show more members" list={() => list} />
        </Match>
      </Switch>
      <Show when={site.canManage}>
        {/* Fetched alongside the members but shown once they are in, so the list arriving above
            does not push the invitations down the page under the reader's eyes. */}
        <div hidden={members.isPending}>
          <Invitations onChanged={setNotice} />
        </div>
      </Show>
      <InviteDialog
        siteId={site.siteId}
        siteName={site.siteName}
        open={inviting()}
        onOpenChange={setInviting}
        onDone={async (message) => {
          setNotice(message);
          await afterInvitationChange(queryClient, site.siteId);
        }}
      />
      <ChangeRoleDialog
        member={changing()}
        onClose={() => setChanging(null)}
        onChanged={changed}
        returnFocusTo={() => heading}
      />
      <RemoveMemberDialog
        member={removing()}
        siteName={site.siteName}
        onClose={() => setRemoving(null)}
        onRemoved={changed}
        returnFocusTo={() => heading}
      />
    </section>
  );
}
