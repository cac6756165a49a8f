import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Match, Show, Switch } from "solid-js";
import { queries } from "../api/queries";
import { token } from "../api/session";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { PageHeading, usePageTitle } from "../ui/page-title";
import { EasyReadToggle, easyReadPreferred, setEasyReadPreferred, wordingIn } from "./application-easy-read";

const intro = {
  plain:
    "Each Small Supports site approves small, local support providers in its own way, with people who have lived experience. Registering interest tells the site's team about your organisation. Then you can write your application when you are ready.",
  easyRead:
    "These places want to work with small groups that support people. Tell a place about your group. Then you can write your application.",
};

const noPaperwork = {
  plain: "New and very small organisations are welcome. You will never be asked for financial accounts or references.",
  easyRead: "New groups can apply. We never ask for accounts or references.",
};

/** The public way in for new providers: the sites taking applications now. No sign-in needed. */
export default function OpenSites() {
  usePageTitle(() => "Sites taking applications");
  const sites = useQuery(() => queries.openSites());
  const easyRead = easyReadPreferred;

  return (
    <div class="page narrow">
      <PageHeading>Sites taking applications</PageHeading>
      <div class="easy-read-bar">
        <EasyReadToggle pressed={easyRead()} onChange={setEasyReadPreferred} context="for this page" />
      </div>
      <p class="lead-text">{wordingIn(intro, easyRead())}</p>
      <p>{wordingIn(noPaperwork, easyRead())}</p>
      <Show when={token()}>
        <p>
          Already registered? <A href="/">See your organisations on your home page</A>.
        </p>
      </Show>
      <Switch>
        <Match when={sites.isPending}>
          <Loading label="Loading the sites…" />
        </Match>
        <Match when={sites.isError}>
          <ErrorNotice error={sites.error} retry={() => sites.refetch()} />
        </Match>
        <Match when={sites.data?.length === 0}>
          <EmptyState title="No sites are taking applications just now.">
            <p>Sites open when they are ready for new providers. Please look again later.</p>
          </EmptyState>
        </Match>
        <Match when={sites.data}>
          {(list) => (
            <ul class="open-sites">
              <For each={list()}>
                {(site) => (
                  <li class="card open-site">
                    <h2 class="open-site-name">{site.name}</h2>
                    <p class="muted">Area: {site.area}</p>
                    <h3 class="open-site-subheading">
                      {easyRead() ? "Who we want to work with" : "What the site is looking for"}
                    </h3>
                    <p class="open-site-looking-for" classList={{ "easy-read-text": easyRead() }}>
                      {wordingIn(site.lookingFor, easyRead())}
                    </p>
                    <A class="button" href={`/apply/${site.siteId}`}>
                      Register interest<span class="visually-hidden"> in {site.name}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </div>
  );
}
