import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { queries } from "../api/queries";
import { ErrorNotice } from "../ui/page-state";

/**
 * On the home page, for people who act for a provider organisation: a card for each of their
 * organisations, and a prompt for each site where they are a provider with no organisation yet.
 * Nothing shows for anyone else.
 */
export function MyOrganisations() {
  const mine = useQuery(() => queries.myOrganisations());
  const any = () => (mine.data?.organisations.length ?? 0) + (mine.data?.toRegister.length ?? 0) > 0;

  return (
    <>
      <Show when={mine.isError}>
        <ErrorNotice error={mine.error} retry={() => mine.refetch()} />
      </Show>
      <Show when={any()}>
        <section aria-labelledby="my-organisations-heading">
          <h2 id="my-organisations-heading">My organisations</h2>
          <ul class="site-cards organisation-cards">
            <For each={mine.data?.toRegister}>
              {(site) => (
                <li>
                  <A class="site-card organisation-card organisation-card-prompt" href={`/apply/${site.siteId}`}>
                    <span class="site-card-name">Tell us about your organisation</span>
                    <span>
                      {site.siteName} has invited you as a provider. Add your organisation's details to start.
                    </span>
                  </A>
                </li>
              )}
            </For>
            <For each={mine.data?.organisations}>
              {(organisation) => (
                <li>
                  <A
                    class="site-card organisation-card"
                    href={`/organisations/${organisation.siteId}/${organisation.organisationId}`}
                  >
                    <span class="site-card-name">
                      <bdi>{organisation.name}</bdi>
                    </span>
                    <span class="muted">{organisation.siteName}</span>
                    <span class="badge">{organisation.standingLabel}</span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
