import { A } from "@solidjs/router";
import { useInfiniteQuery } from "@tanstack/solid-query";
import { createSignal, For, Index, Match, Show, Switch } from "solid-js";
import { formatDate, rolePluralLabels, siteRoles } from "../api/labels";
import { queries } from "../api/queries";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { PageHeading } from "../ui/page-title";
import { AddSiteDialog } from "./add-site-dialog";
import { NationalOnly } from "./national-only";

/** National staff: every site with its lead and team counts, and adding a site. */
export default function NationalSites() {
  return (
    <div class="page">
      <NationalOnly title={() => "All sites"} refusal="Only national partnership staff can see all sites">
        <AllSites />
      </NationalOnly>
    </div>
  );
}

function AllSites() {
  const [adding, setAdding] = createSignal(false);
  const [added, setAdded] = createSignal<string | null>(null);
  const sites = useInfiniteQuery(() => queries.sites());
  const rows = () => sites.data?.pages.flatMap((page) => page.items) ?? [];
  let tableBody: HTMLTableSectionElement | undefined;

  return (
    <>
      <div class="page-heading">
        <PageHeading>All sites</PageHeading>
        <button type="button" class="button" onClick={() => setAdding(true)}>
          Add a site
        </button>
      </div>
      <Show when={added()}>
        <div class="notice notice-success" role="status">
          <p>{added()}</p>
        </div>
      </Show>
      <Switch>
        <Match when={sites.isPending}>
          <Loading label="Loading sites…" />
        </Match>
        <Match when={sites.isError && rows().length === 0}>
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
              <tbody ref={tableBody}>
                <For each={rows()}>
                  {(site) => (
                    <tr tabindex="-1">
                      <th scope="row" data-label="Site">
                        <A href={`/sites/${site.siteId}`}>{site.name}</A>
                      </th>
                      <td data-label="Area">{site.area}</td>
                      <td data-label="Project lead">
                        <Show when={site.leads.length} fallback={<span class="muted">None yet</span>}>
                          <Index each={site.leads}>
                            {(lead, index) => (
                              <>
                                {index > 0 && ", "}
                                <bdi>{lead().name}</bdi>
                              </>
                            )}
                          </Index>
                        </Show>
                      </td>
                      <For each={siteRoles}>
                        {(role) => (
                          <td class="number" data-label={rolePluralLabels[role]}>
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
          <LoadMore query={sites} label="Show more sites" list={() => tableBody} />
        </Match>
      </Switch>
      <AddSiteDialog open={adding()} onOpenChange={setAdding} onAdded={setAdded} />
    </>
  );
}
