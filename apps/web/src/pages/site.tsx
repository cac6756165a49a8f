import { Tabs } from "@kobalte/core/tabs";
import { may } from "@smallsupports/core/permissions";
import { useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createMemo, For, Match, Show, Switch } from "solid-js";
import { errorCode } from "../api/client";
import { formatDate, roleLabels, rolePluralLabels, siteRoles } from "../api/labels";
import { queries } from "../api/queries";
import { ErrorNotice, Loading } from "../ui/page-state";
import { Activity } from "./activity";
import { Members } from "./members";

/** One site: its summary for anyone who may see it; team and activity for its lead and team. */
export default function SitePage() {
  const params = useParams<{ siteId: string }>();
  const me = useQuery(() => queries.me());
  const site = useQuery(() => queries.site(params.siteId));
  const myRole = createMemo(() => me.data?.sites.find((s) => s.siteId === params.siteId)?.role);

  return (
    <div class="page">
      <Switch>
        <Match when={site.isPending}>
          <Loading label="Loading the site…" />
        </Match>
        <Match when={site.isError && errorCode(site.error) === "FORBIDDEN"}>
          <h1>You cannot open this site</h1>
          <p>You are not a member of this site. Its project lead can invite you.</p>
        </Match>
        <Match when={site.isError}>
          <ErrorNotice error={site.error} retry={() => site.refetch()} />
        </Match>
        <Match when={site.data}>
          {(data) => (
            <>
              <div class="page-heading">
                <div>
                  <h1>{data().name}</h1>
                  <p class="muted">
                    {data().area} · added {formatDate(data().createdAt)}
                  </p>
                </div>
                <Show when={myRole()}>
                  {(role) => <span class="badge badge-large">You: {roleLabels[role()]}</span>}
                </Show>
              </div>
              <section aria-labelledby="summary-heading">
                <h2 id="summary-heading" class="visually-hidden">
                  Summary
                </h2>
                <dl class="stats">
                  <For each={siteRoles}>
                    {(role) => (
                      <div class="stat">
                        <dt>{rolePluralLabels[role]}</dt>
                        <dd>{data().memberCounts[role]}</dd>
                      </div>
                    )}
                  </For>
                </dl>
                <p>
                  <strong>Project lead:</strong>{" "}
                  {data()
                    .leads.map((lead) => lead.name)
                    .join(", ") || "None yet"}
                </p>
              </section>
              <Show when={may(myRole(), "seeTeam")}>
                <Tabs class="tabs" defaultValue="members">
                  <Tabs.List class="tab-list" aria-label="Site sections">
                    <Tabs.Trigger class="tab" value="members">
                      Team
                    </Tabs.Trigger>
                    <Tabs.Trigger class="tab" value="activity">
                      Activity
                    </Tabs.Trigger>
                  </Tabs.List>
                  <Tabs.Content class="tab-panel" value="members">
                    <Members
                      siteId={params.siteId}
                      siteName={data().name}
                      canManage={may(myRole(), "manageTeam")}
                      myId={me.data?.person.personId}
                    />
                  </Tabs.Content>
                  <Tabs.Content class="tab-panel" value="activity">
                    <Activity siteId={params.siteId} />
                  </Tabs.Content>
                </Tabs>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
