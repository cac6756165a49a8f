import type { RouterOutputs } from "@smallsupports/api";
import {
  type Cell,
  comparisonColumns,
  type Period,
  type PipelineStanding,
  periodLabels,
  periods,
  pipelineLabels,
  pipelineStandings,
} from "@smallsupports/core/analytics-shape";
import { useSearchParams } from "@solidjs/router";
import { createMutation, keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api/client";
import { queries } from "../api/queries";
import { LiveStatus } from "../ui/live-status";
import { ErrorNotice, Loading } from "../ui/page-state";
import { PageHeading } from "../ui/page-title";
import { saveFile } from "../ui/save-file";
import { baseOptions, FiguresChart, seriesColours } from "./figures-charts";
import { FigureCell, type FiguresRow, SortableFigures } from "./figures-table";
import { NationalOnly } from "./national-only";
import "../styles/figures.css";

type Dashboard = RouterOutputs["analytics"]["national"];
type Table = "sites" | "characteristics" | "monthly";

/** What the page is for: national staff and every site, or one site's lead and their own. */
export type FiguresScope = { kind: "national" } | { kind: "site"; siteId: string; siteName: string };

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
const isPeriod = (value: unknown): value is Period => periods.includes(value as Period);

/** National staff: every site's progress side by side. */
export default function NationalFigures() {
  return (
    <div class="page figures-page">
      <NationalOnly
        title={() => "Programme figures"}
        refusal="Only national partnership staff can see every site's figures"
      >
        <PageHeading>Programme figures</PageHeading>
        <p class="lede">
          How each site is doing, from the figures every site keeps as it works. Only totals leave a site: no one's
          records are read here.
        </p>
        <Figures scope={{ kind: "national" }} />
      </NationalOnly>
    </div>
  );
}

/** The figures, their filters, charts, tables and glossary, for either scope. */
export function Figures(props: { scope: FiguresScope }) {
  const [search, setSearch] = useSearchParams<{ period?: string; sites?: string }>();
  const period = (): Period => (isPeriod(search.period) ? search.period : "year");
  const chosen = () => (search.sites ? search.sites.split(",").filter(Boolean) : []);
  const national = () => props.scope.kind === "national";

  const figures = useQuery(() => ({
    ...(props.scope.kind === "national"
      ? queries.nationalFigures(period(), chosen())
      : queries.siteFigures(props.scope.siteId, period())),
    // The page keeps showing the last figures while another period loads, so nothing jumps.
    placeholderData: keepPreviousData,
  }));
  // Every site, for the sites filter: the list the programme's figures come from.
  const allSites = useQuery(() => ({ ...queries.nationalFigures(period(), []), enabled: national() }));
  const siteChoices = () => allSites.data?.sites.map((site) => ({ siteId: site.siteId, name: site.name })) ?? [];

  // A board paper carries the figures behind each chart: open their tables while printing.
  const openForPrint: HTMLDetailsElement[] = [];
  const beforePrint = () => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>(".figures-data:not([open])")) {
      details.open = true;
      openForPrint.push(details);
    }
  };
  const afterPrint = () => {
    for (const details of openForPrint.splice(0)) details.open = false;
  };
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  onCleanup(() => {
    window.removeEventListener("beforeprint", beforePrint);
    window.removeEventListener("afterprint", afterPrint);
  });

  const [exported, setExported] = createSignal("");
  const exportTable = createMutation(() => ({
    mutationFn: (table: Table) =>
      props.scope.kind === "national"
        ? api.analytics.exportNational.mutate({
            period: period(),
            table,
            ...(chosen().length ? { siteIds: chosen() } : {}),
          })
        : api.analytics.exportSite.mutate({ siteId: props.scope.siteId, period: period(), table }),
    onMutate: () => setExported(""),
    onSuccess: ({ fileName, csv }) => {
      saveFile(fileName, csv);
      setExported(`Downloaded ${fileName}.`);
    },
  }));

  return (
    <div class="figures">
      <div class="figures-filters">
        <fieldset class="figures-period">
          <legend>Period</legend>
          <div class="segmented">
            <For each={periods}>
              {(option) => (
                <label class="segment">
                  <input
                    type="radio"
                    name="period"
                    value={option}
                    checked={period() === option}
                    onChange={() => setSearch({ period: option })}
                  />
                  <span>{periodLabels[option]}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <Show when={national() && siteChoices().length > 0}>
          <SiteFilter
            sites={siteChoices()}
            chosen={chosen()}
            onChange={(siteIds) => setSearch({ sites: siteIds.length ? siteIds.join(",") : undefined })}
          />
        </Show>
        <div class="figures-actions">
          <button type="button" class="button button-secondary" onClick={() => window.print()}>
            Print for a board paper
          </button>
        </div>
      </div>
      <Show when={exportTable.isError}>
        <div class="notice notice-error" role="alert">
          <p>We could not make the file. {errorMessage(exportTable.error)}</p>
        </div>
      </Show>
      <LiveStatus message={exported()} class="notice notice-success figures-done" />
      <Switch>
        <Match when={figures.isPending}>
          <Loading label="Loading the figures…" />
        </Match>
        <Match when={figures.isError && !figures.data}>
          <ErrorNotice error={figures.error} retry={() => figures.refetch()} />
        </Match>
        <Match when={figures.data}>
          {(data) => (
            <FiguresBody
              data={data()}
              scope={props.scope}
              loading={figures.isFetching}
              exporting={exportTable.isPending ? exportTable.variables : undefined}
              onExport={(table) => exportTable.mutate(table)}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** Sites to compare: all by default, or any few ticked. */
function SiteFilter(props: {
  sites: { siteId: string; name: string }[];
  chosen: string[];
  onChange: (siteIds: string[]) => void;
}) {
  const isChosen = (siteId: string) => props.chosen.includes(siteId);
  const summary = () =>
    props.chosen.length === 0 ? "All sites" : `${props.chosen.length} of ${props.sites.length} sites`;
  return (
    <details class="figures-sites">
      <summary>
        Sites: <strong>{summary()}</strong>
      </summary>
      <fieldset>
        <legend class="visually-hidden">Sites to compare</legend>
        <p class="hint">Tick the sites to compare; with none ticked, every site is shown.</p>
        <ul class="figures-site-list">
          <For each={props.sites}>
            {(site) => (
              <li>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={isChosen(site.siteId)}
                    onChange={(event) =>
                      props.onChange(
                        event.currentTarget.checked
                          ? [...props.chosen, site.siteId]
                          : props.chosen.filter((id) => id !== site.siteId),
                      )
                    }
                  />
                  <bdi>{site.name}</bdi>
                </label>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.chosen.length > 0}>
          <button type="button" class="button button-quiet" onClick={() => props.onChange([])}>
            Show every site
          </button>
        </Show>
      </fieldset>
    </details>
  );
}

function FiguresBody(props: {
  data: Dashboard;
  scope: FiguresScope;
  loading: boolean;
  exporting: Table | undefined;
  onExport: (table: Table) => void;
}) {
  const national = () => props.scope.kind === "national";
  const programmeName = "Programme average per site";
  const rows = (): FiguresRow[] =>
    props.data.sites.map((site) => ({ key: site.siteId, name: site.name, cells: site.cells }));
  const footer = (): FiguresRow[] => [{ key: "programme", name: programmeName, cells: props.data.programme.cells }];
  const total = (id: string) =>
    props.data.sites.reduce((sum, site) => {
      const cell = site.cells[id];
      return sum + (cell?.kind === "number" ? cell.value : 0);
    }, 0);

  const summary = () => {
    const period = props.data.periodLabel.toLowerCase();
    const approvals = total("approvals");
    const sessions = total("sessionsHeld");
    const shown = props.data.sites.length;
    const who = national()
      ? shown === props.data.siteCount
        ? `Across all ${shown} sites`
        : `Across the ${shown} sites chosen (of ${props.data.siteCount})`
      : `In ${props.data.sites[0]?.name ?? "your site"}`;
    return `${who}, ${period}: ${plural(approvals, "approval")} and ${plural(sessions, "cohort session")} held.`;
  };

  return (
    <div class="figures-body" aria-busy={props.loading}>
      <p class="figures-summary">
        {summary()}{" "}
        <Show when={national() && props.data.staleSites > 0}>
          <strong>
            {props.data.staleSites === 1
              ? "1 site has recorded nothing for over 30 days."
              : `${props.data.staleSites} sites have recorded nothing for over 30 days.`}
          </strong>
        </Show>
      </p>
      <p class="figures-printed muted">
        {props.data.periodLabel}, figures as of {new Date(props.data.generatedAt).toLocaleDateString("en-GB")}.
      </p>

      <section class="figures-section" aria-labelledby="comparison-heading">
        <div class="section-heading">
          <h2 id="comparison-heading">{national() ? "Sites side by side" : "Your site and the programme"}</h2>
          <ExportButton table="sites" exporting={props.exporting} onExport={props.onExport} />
        </div>
        <p class="hint">
          Standings, the cohort and mentoring pairs are as they are today; the other figures are for{" "}
          {props.data.periodLabel.toLowerCase()}.
        </p>
        <SortableFigures
          caption={
            national()
              ? "Every site's figures, with the programme's average per site"
              : "Your site's figures beside the programme's average per site"
          }
          firstHeader="Site"
          columns={comparisonColumns}
          rows={rows()}
          footer={footer()}
        />
      </section>

      <PipelineSection data={props.data} national={national()} />
      <MonthlySection data={props.data} national={national()} exporting={props.exporting} onExport={props.onExport} />
      <CharacteristicsSection
        data={props.data}
        national={national()}
        exporting={props.exporting}
        onExport={props.onExport}
      />
      <Glossary />
    </div>
  );
}

function ExportButton(props: { table: Table; exporting: Table | undefined; onExport: (table: Table) => void }) {
  return (
    <button
      type="button"
      class="button button-secondary figures-export"
      aria-disabled={props.exporting !== undefined}
      onClick={() => props.exporting === undefined && props.onExport(props.table)}
    >
      {props.exporting === props.table ? "Preparing the file…" : "Download CSV"}
    </button>
  );
}

/** Organisations by standing in each site, as stacked bars, and as a table. */
function PipelineSection(props: { data: Dashboard; national: boolean }) {
  const bars = createMemo(() => {
    const sites = props.data.pipeline.map((site) => ({ name: site.name, counts: site.counts }));
    if (props.national) return sites;
    // A site's lead sees their site beside the programme's average site.
    const average = Object.fromEntries(
      pipelineStandings.map((standing) => {
        const cell = props.data.programme.cells[`standing:${standing}`];
        return [standing, cell?.kind === "number" ? Math.round(cell.value * 10) / 10 : 0];
      }),
    ) as Record<PipelineStanding, number>;
    return [...sites, { name: "Programme average", counts: average }];
  });
  const summary = () => {
    const list = bars();
    const most = [...list].sort((a, b) => b.counts.approved - a.counts.approved)[0];
    const approved = list.reduce((sum, site) => sum + site.counts.approved + site.counts["walking-through"], 0);
    if (!most || approved === 0) return "No site has approved a provider yet.";
    return props.national
      ? `${plural(approved, "provider")} approved across the sites shown; ${most.name} has the most approved providers (${most.counts.approved}).`
      : `${list[0]?.name} has ${plural(approvedIn(list[0]), "approved provider")}; the programme's average site has ${rounded(approvedIn(list[1]))}.`;
  };
  return (
    <section class="figures-section" aria-labelledby="pipeline-heading">
      <h2 id="pipeline-heading">Providers by stage</h2>
      <p>{summary()}</p>
      <FiguresChart
        summary={`Stacked bar chart of organisations by stage in each site. ${summary()}`}
        height={Math.max(260, 40 * bars().length + 120)}
        config={() => ({
          type: "bar",
          data: {
            labels: bars().map((site) => site.name),
            datasets: pipelineStandings.map((standing, index) => ({
              label: pipelineLabels[standing].short,
              data: bars().map((site) => site.counts[standing]),
              backgroundColor: seriesColours[index % seriesColours.length],
            })),
          },
          options: {
            ...baseOptions({ stacked: true, valueTitle: "Organisations" }),
            indexAxis: "y" as const,
            scales: {
              x: {
                stacked: true,
                beginAtZero: true,
                ticks: { precision: 0 },
                title: { display: true, text: "Organisations" },
              },
              y: { stacked: true },
            },
          },
        })}
      />
      <ChartTable
        caption="Organisations by stage in each site"
        first="Site"
        headers={pipelineStandings.map((standing) => pipelineLabels[standing].short)}
        rows={bars().map((site) => ({
          name: site.name,
          values: pipelineStandings.map((standing) => site.counts[standing]),
        }))}
      />
    </section>
  );
}

/** Approvals and new interest month by month: a line per site (or site and programme), and as a table. */
function MonthlySection(props: {
  data: Dashboard;
  national: boolean;
  exporting: Table | undefined;
  onExport: (table: Table) => void;
}) {
  const lines = createMemo(() => {
    const sites = props.data.monthly.map((site) => ({ name: site.name, approvals: site.approvals }));
    const siteCount = Math.max(props.data.siteCount, 1);
    const programme = props.national
      ? { name: "Programme total", approvals: props.data.programmeMonthly.approvals }
      : {
          name: "Programme average per site",
          approvals: props.data.programmeMonthly.approvals.map((count) => Math.round((count / siteCount) * 10) / 10),
        };
    // Twelve lines in one chart are hard to tell apart: with every site shown, the programme's total alone.
    return props.national && sites.length > 4 ? [programme] : [...sites, programme];
  });
  const summary = () => {
    const months = props.data.months;
    const approvals = props.data.programmeMonthly.approvals;
    const totalApprovals = approvals.reduce((sum, count) => sum + count, 0);
    if (totalApprovals === 0) return `No provider was approved in ${props.data.periodLabel.toLowerCase()}.`;
    if (!props.national) {
      const own = props.data.monthly[0]?.approvals.reduce((sum, count) => sum + count, 0) ?? 0;
      return `${props.data.monthly[0]?.name ?? "Your site"} approved ${plural(own, "provider")} over ${plural(months.length, "month")}; the programme's average site approved ${rounded(totalApprovals / Math.max(props.data.siteCount, 1))}.`;
    }
    const best = approvals.indexOf(Math.max(...approvals));
    return `${plural(totalApprovals, "approval")} across the programme over ${plural(months.length, "month")}; the most were in ${monthLabel(months[best] ?? "")} (${approvals[best]}).`;
  };
  return (
    <section class="figures-section" aria-labelledby="monthly-heading">
      <div class="section-heading">
        <h2 id="monthly-heading">Approvals month by month</h2>
        <ExportButton table="monthly" exporting={props.exporting} onExport={props.onExport} />
      </div>
      <p>{summary()}</p>
      <Show when={props.national && props.data.monthly.length > 4}>
        <p class="hint figures-screen-only">Choose up to four sites above to see a line for each.</p>
      </Show>
      <FiguresChart
        summary={`Line chart of approvals per month. ${summary()}`}
        config={() => ({
          type: "line",
          data: {
            labels: props.data.months.map(monthLabel),
            datasets: lines().map((line, index) => ({
              label: line.name,
              data: line.approvals,
              borderColor: seriesColours[index % seriesColours.length],
              backgroundColor: seriesColours[index % seriesColours.length],
              borderDash: index === lines().length - 1 ? [6, 4] : [],
              tension: 0,
            })),
          },
          options: baseOptions({ valueTitle: "Approvals" }),
        })}
      />
      <ChartTable
        caption="Approvals per month"
        first="Month"
        headers={lines().map((line) => line.name)}
        rows={props.data.months.map((month, index) => ({
          name: monthLabel(month),
          values: lines().map((line) => line.approvals[index] ?? 0),
        }))}
      />
    </section>
  );
}

/** A chart's figures as a table, folded away under it (and printed open). */
function ChartTable(props: {
  caption: string;
  first: string;
  headers: string[];
  rows: { name: string; values: number[] }[];
}) {
  return (
    <details class="figures-data">
      <summary>Show as a table</summary>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.first}</th>
              <For each={props.headers}>
                {(header) => (
                  <th scope="col" class="number">
                    <bdi>{header}</bdi>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <th scope="row">
                    <bdi>{row.name}</bdi>
                  </th>
                  <For each={row.values}>{(value) => <td class="number">{value}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Panel scores by national characteristic, per site, however each site words its criteria. */
function CharacteristicsSection(props: {
  data: Dashboard;
  national: boolean;
  exporting: Table | undefined;
  onExport: (table: Table) => void;
}) {
  const anyScores = () => props.data.characteristics.some((row) => row.programme.kind !== "none");
  return (
    <section class="figures-section" aria-labelledby="characteristics-heading">
      <div class="section-heading">
        <h2 id="characteristics-heading">Panel scores by characteristic</h2>
        <Show when={anyScores()}>
          <ExportButton table="characteristics" exporting={props.exporting} onExport={props.onExport} />
        </Show>
      </div>
      <p class="hint">
        The average score panels gave, as a share of the top of the scale, on each of the nine Small Supports
        characteristics. Each site's own criteria count towards the characteristic they are linked to. All time.
      </p>
      <Show
        when={anyScores()}
        fallback={
          <p class="muted">No panel has submitted scores yet. They appear here once reviewers submit their reviews.</p>
        }
      >
        <section class="table-wrap" tabindex="0" aria-label="Panel scores by characteristic (scrolls sideways)">
          <table class="table figures-table">
            <caption class="visually-hidden">
              Average panel score as a share of the top score, by characteristic and site
            </caption>
            <thead>
              <tr>
                <th scope="col">Characteristic</th>
                <For each={props.data.sites}>
                  {(site) => (
                    <th scope="col" class="number">
                      <bdi>{site.name}</bdi>
                    </th>
                  )}
                </For>
                <th scope="col" class="number">
                  Programme
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.data.characteristics}>
                {(row) => (
                  <tr>
                    <th scope="row">
                      {row.number}. {row.label}
                    </th>
                    <For each={row.bySite}>
                      {(cell) => (
                        <td class="number">
                          <FigureCell cell={cell as Cell} />
                        </td>
                      )}
                    </For>
                    <td class="number">
                      <FigureCell cell={row.programme as Cell} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </section>
  );
}

/** What each figure means and how it is counted. */
function Glossary() {
  return (
    <section class="figures-section figures-glossary" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">What the figures mean</h2>
      <dl>
        <For each={comparisonColumns}>
          {(column) => (
            <>
              <dt>{column.label}</dt>
              <dd>{column.meaning}</dd>
            </>
          )}
        </For>
        <dt>Programme average per site</dt>
        <dd>
          Each figure added up over every site, divided by the number of sites. Days to decide and attendance are worked
          out over every site's decisions and places together.
        </dd>
        <dt>Figures about people</dt>
        <dd>
          Figures about individuals follow NHS England's rule for published statistics: 1 to 7 people is shown as "fewer
          than 8", other counts are rounded to the nearest 5, averages over fewer than 8 people are not shown, and where
          a hidden figure could be worked out from a total, another is hidden too. Figures about organisations, sessions
          and panels are exact.
        </dd>
      </dl>
    </section>
  );
}

/** A figure to one decimal place at most: averages per site are rarely whole. */
const rounded = (value: number) => Math.round(value * 10) / 10;

function plural(count: number, word: string) {
  const value = rounded(count);
  return `${value} ${word}${value === 1 ? "" : "s"}`;
}

/** Approved providers of either kind in a bar of the pipeline. */
const approvedIn = (bar: { counts: Record<string, number> } | undefined) =>
  (bar?.counts.approved ?? 0) + (bar?.counts["walking-through"] ?? 0);
