import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Match, Show, Switch } from "solid-js";
import { roleLabels } from "../api/labels";
import { queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { Inbox } from "./inbox";
import { MyInvitations } from "./my-invitations";
import { MyMentoring } from "./my-mentoring";
import { MyOrganisations } from "./my-organisations";

/** "My sites": what needs the signed-in person, then every site they belong to, with their role in each. */
export default function Home() {
  const me = useQuery(() => queries.me());
  usePageTitle(() => (me.isPending ? loadingTitle : me.isError ? problemTitle(me.error) : "My sites"));

  return (
    <div class="page">
      <Switch>
        <Match when={me.isPending}>
          <Loading />
        </Match>
        <Match when={me.isError}>
          <PageHeading>{problemTitle(me.error)}</PageHeading>
          <ErrorNotice error={me.error} retry={() => me.refetch()} />
        </Match>
        <Match when={me.data}>
          {(data) => (
            <>
              <PageHeading>
                Hello, <bdi>{data().person.name.split(" ")[0]}</bdi>
              </PageHeading>
              <Inbox />
              <MyInvitations />
              <MyOrganisations />
              <Show when={data().nationalMentor}>
                <MyMentoring />
              </Show>
              <Show when={data().person.national}>
                <section class="card highlight">
                  <h2>National partnership staff</h2>
                  <p>
                    You can see every site's progress, add new sites, run national events for every cohort and keep the
                    list of national mentors.
                  </p>
                  <div class="form-actions">
                    <A class="button" href="/national/figures">
                      Programme figures
                    </A>
                    <A class="button button-secondary" href="/national/sites">
                      See all sites
                    </A>
                    <A class="button button-secondary" href="/national/events">
                      National events
                    </A>
                    <A class="button button-secondary" href="/national/mentors">
                      National mentors
                    </A>
                  </div>
                </section>
              </Show>
              <h2>My sites</h2>
              <Show
                when={data().sites.length > 0}
                fallback={
                  <EmptyState title="You are not a member of any site yet.">
                    <p>
                      {data().person.national
                        ? "As national staff you can open any site from All sites."
                        : data().nationalMentor
                          ? "As a national mentor you need no site: your pairings are above, in whichever site they are."
                          : "A site's project lead can invite you."}
                    </p>
                    <Show when={!data().person.national && !data().nationalMentor}>
                      <p>
                        Do you run a support organisation? <A href="/apply">See the sites taking applications</A>.
                      </p>
                    </Show>
                  </EmptyState>
                }
              >
                <ul class="site-cards">
                  <For each={data().sites}>
                    {(site) => (
                      <li>
                        <A class="site-card" href={`/sites/${site.siteId}`}>
                          <span class="site-card-name">{site.siteName}</span>
                          <span class="badge">{roleLabels[site.role]}</span>
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
