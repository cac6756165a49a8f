import { A } from "@solidjs/router";
import { useInfiniteQuery } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { formatDate, rolePluralLabels, siteRoles } from "../api/labels";
import { queries } from "../api/queries";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { AddSiteDialog } from "./add-site-dialog";

/** National staff: every site with its lead and team counts, and adding a site. */
export default function NationalSites() {
  const [adding, setAdding] = createSignal(false);
  const [added, setAdded] = createSignal<string | null>(null);
  const sites = useInfiniteQuery(() => queries.sites());
  const rows = () => sites.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div class="page">
      <div class="page-heading">
        <h1>All sites</h1>
        <button type="button" class="button" onClick={() => setAdding(true)}>
          Add a site
        </button>
      </div>
      <Show when={added()}>
        <div class="notice notice-success" role="status">
          <p>{added()} has been added.</p>
        </div>
      </Show>
      <Switch>
        <Match when={sites.isPending}>
          <Loading label="Loading sites…" />
        </Match>
        <Match when={sites.isError}>
          <ErrorNotice error={sites.error} retry={() => sites.refetch()} />
        </Match>
        <Match when={rows().length === 0}>
          <EmptyState title="There are no sites yet.">
            <p>Add the first site to get started.</p>
          </EmptyState>
        </Match>
        <Match when={rows().length > 0}>
          <div class="table-wrap">
            <table class="table responsive-table">
              <caption class="visually-hidden">Sites with their project leads and members by role</caption>
              <thead>
                <tr>
                  <th scope="col">Site</th>
                  <th scope="col">Area</th>
                  <th scope="col">Project lead</th>
                  <For each={siteRoles}>
                    {(role) => (
                      <th scope="col" class="number">
                        {rolePluralLabels[role]}
                      </th>
                    )}
                  </For>
                  <th scope="col">Added</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(site) => (
                    <tr>
                      <th scope="row" data-label="Site">
                        <A href={`/sites/${site.siteId}`}>{site.name}</A>
                      </th>
                      <td data-label="Area">{site.area}</td>
                      <td data-label="Project lead">
                        {site.leads.length ? (
                          site.leads.map((lead) => lead.name).join(", ")
                        ) : (
                          <span class="muted">None yet</span>
                        )}
                      </td>
                      <For each={siteRoles}>
                        {(role) => (
                          <td class="number" data-label={`${rolePluralLabels[role]}`}>
                            {site.memberCounts[role]}
                          </td>
                        )}
                      </For>
                      <td data-label="Added">{formatDate(site.createdAt)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <LoadMore query={sites} label="Show more sites" />
        </Match>
      </Switch>
      <AddSiteDialog open={adding()} onOpenChange={setAdding} onAdded={setAdded} />
    </div>
  );
}
