import { outcomeLabels } from "@smallsupports/core/decision-shape";
import { cqcStatuses, cqcStatusLabels } from "@smallsupports/core/organisation-shape";
import { decidedColumn, withdrawnColumn } from "@smallsupports/core/process-shape";
import { A, useLocation, useSearchParams } from "@solidjs/router";
import { useInfiniteQuery, useQuery } from "@tanstack/solid-query";
import { createEffect, createMemo, For, Match, Show, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { type BoardFilters, queries } from "../api/queries";
import { LiveStatus } from "../ui/live-status";
import { LoadMore } from "../ui/load-more";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import {
  type BoardApplication,
  type BoardSearch,
  boardHref,
  dayChoices,
  parseCqc,
  parseDays,
  QuietFlag,
  quietFor,
  TimeInStage,
} from "./board-parts";
import { useSiteView } from "./site-context";

const plural = (count: number) => (count === 1 ? "1 application" : `${count.toLocaleString("en-GB")} applications`);

/**
 * The site's Applications tab: every application by the stage it is in, with how many are in
 * each. The stage and the filters live in the address (`?stage=&cqc=&days=`), so a column can be
 * bookmarked, shared, and reached again with the browser's Back button.
 */
export default function SiteBoard() {
  const site = useSiteView();
  const location = useLocation();
  const [search, setSearch] = useSearchParams<{ stage?: string; cqc?: string; days?: string }>();
  const summary = useQuery(() => queries.boardSummary(site.siteId));

  const columns = () => summary.data?.columns ?? [];
  // With no stage chosen, the first stage the site team works on: sent applications waiting for them.
  const column = createMemo(() => {
    const all = columns();
    return all.find((candidate) => candidate.column === search.stage) ?? all[1] ?? all[0];
  });
  const decided = () => column()?.column === decidedColumn;
  const filters = (): BoardFilters => ({ cqcStatus: parseCqc(search.cqc), minDaysInStage: parseDays(search.days) });
  const filtered = () => filters().cqcStatus !== undefined || filters().minDaysInStage !== undefined;
  const searchFor = (stage: string | undefined): BoardSearch => ({
    stage,
    cqc: filters().cqcStatus,
    days: filters().minDaysInStage?.toString(),
  });

  const board = useInfiniteQuery(() => ({
    ...queries.boardColumn(site.siteId, column()?.column ?? "", filters()),
    enabled: column() !== undefined,
  }));
  const items = () => board.data?.pages.flatMap((page) => page.items) ?? [];
  let list: HTMLTableSectionElement | undefined;
  let columnHeading: HTMLHeadingElement | undefined;

  // Back from an application, the link that was followed has gone: return to its row, or to the column.
  let returningTo = (location.state as { review?: string } | null)?.review;
  createEffect(() => {
    if (!returningTo || board.isPending || !columnHeading) return;
    const row = document.getElementById(`board-${returningTo}`);
    returningTo = undefined;
    (row ?? columnHeading).focus();
  });

  const emptyMessage = () => {
    const name = column()?.name ?? "";
    if (filtered()) return `No applications in ${name} with these filters.`;
    if (column()?.column === withdrawnColumn) return "No applications have been withdrawn.";
    if (decided()) return "The panel has not decided on any applications yet.";
    return `No applications in ${name}.`;
  };

  /** What the list shows, read out whenever the stage or a filter changes. */
  const result = () => {
    if (board.isPending || board.isError || !column()) return "";
    const count = items().length;
    if (count === 0) return emptyMessage();
    const name = column()?.name;
    // The column's count, unless more have arrived since it was read.
    if (!filtered()) return `${plural(Math.max(column()?.count ?? 0, count))} in ${name}.`;
    return `${plural(count)}${board.hasNextPage ? " or more" : ""} in ${name} with these filters.`;
  };

  function setFilter(change: Pick<BoardSearch, "cqc" | "days">) {
    setSearch({ ...change, stage: column()?.column }, { replace: true, scroll: false });
  }

  return (
    <section aria-labelledby="board-heading" class="board">
      <h2 id="board-heading">Applications</h2>
      <Switch>
        <Match when={summary.isPending}>
          <Loading label="Loading the board…" />
        </Match>
        <Match when={summary.isError}>
          <ErrorNotice error={summary.error} retry={() => summary.refetch()} />
        </Match>
        <Match when={summary.data?.publishedVersion === 0}>
          <EmptyState title="No approval process has been published yet.">
            <p>The board fills once the approval process is published and providers start to apply.</p>
            <A class="button button-secondary" href={`/sites/${site.siteId}/process`}>
              Go to the approval process
            </A>
          </EmptyState>
        </Match>
        <Match when={summary.data}>
          {(data) => (
            <>
              <p class="board-interest">
                Registered interest, not applied yet:{" "}
                <strong>{data().registeredInterest.toLocaleString("en-GB")}</strong>
              </p>

              <nav aria-label="Stages" class="board-stages-nav">
                <ul class="board-stages">
                  <For each={data().columns}>
                    {(stage) => (
                      <li>
                        {/* A plain link: the router's own link would mark every stage as the current page. */}
                        <a
                          class="board-stage"
                          classList={{ "board-stage-older": !stage.current }}
                          href={boardHref(site.siteId, searchFor(stage.column))}
                          aria-current={stage.column === column()?.column ? "true" : undefined}
                          noScroll
                        >
                          <span class="board-stage-name">{stage.name}</span>
                          <span class="board-stage-count">
                            {stage.count.toLocaleString("en-GB")}
                            <span class="visually-hidden">{stage.count === 1 ? " application" : " applications"}</span>
                          </span>
                          <Show when={!stage.current}>
                            <span class="board-stage-note">From an earlier version of the process</span>
                          </Show>
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </nav>

              <fieldset class="board-filters">
                <legend class="field-label">Show only</legend>
                <div class="board-filter">
                  <label class="field-label" for="board-cqc">
                    CQC registration
                  </label>
                  <select
                    id="board-cqc"
                    class="input"
                    value={filters().cqcStatus ?? ""}
                    onChange={(event) => setFilter({ cqc: event.currentTarget.value || undefined })}
                  >
                    <option value="">Any</option>
                    <For each={cqcStatuses}>
                      {(status) => <option value={status}>{cqcStatusLabels[status]}</option>}
                    </For>
                  </select>
                </div>
                <div class="board-filter">
                  <label class="field-label" for="board-days">
                    Time in this stage
                  </label>
                  <select
                    id="board-days"
                    class="input"
                    value={filters().minDaysInStage?.toString() ?? ""}
                    onChange={(event) => setFilter({ days: event.currentTarget.value || undefined })}
                  >
                    <option value="">Any</option>
                    <For each={dayChoices}>{(days) => <option value={days}>More than {days} days</option>}</For>
                  </select>
                </div>
                <Show when={filtered()}>
                  <a
                    class="button button-secondary board-clear"
                    href={boardHref(site.siteId, { stage: column()?.column })}
                    noScroll
                    replace
                    // The link goes once the filters are clear; focus goes on to the list it cleared.
                    onClick={() => setTimeout(() => columnHeading?.focus())}
                  >
                    Clear filters
                  </a>
                </Show>
              </fieldset>

              <Show when={column()}>
                {(current) => (
                  <>
                    <h3 id="board-column-heading" class="board-column-heading" ref={columnHeading} tabindex="-1">
                      {current().name}
                    </h3>
                    <LiveStatus message={result()} class="board-result" />
                    <Switch>
                      <Match when={board.isPending}>
                        <Loading label={`Loading ${current().name}…`} />
                      </Match>
                      <Match when={board.isError && items().length === 0}>
                        <ErrorNotice error={board.error} retry={() => board.refetch()} />
                      </Match>
                      <Match when={items().length === 0}>
                        <EmptyState title={emptyMessage()}>
                          <Show when={filtered()}>
                            <p>Try another filter, or clear them to see every application in this stage.</p>
                          </Show>
                        </EmptyState>
                      </Match>
                      <Match when={items().length > 0}>
                        <div class="table-wrap board-table-wrap">
                          <table class="table responsive-table board-table" aria-labelledby="board-column-heading">
                            <thead>
                              <tr>
                                <th scope="col">Organisation</th>
                                <th scope="col">CQC registration</th>
                                <th scope="col">{decided() ? "Outcome" : "In this stage"}</th>
                                <th scope="col">Sent</th>
                                <th scope="col">Process</th>
                              </tr>
                            </thead>
                            <tbody ref={list}>
                              <For each={items()}>
                                {(application) => (
                                  <BoardRow application={application} from={location.search} decided={decided()} />
                                )}
                              </For>
                            </tbody>
                          </table>
                        </div>
                        <LoadMore query={board} label="Show more applications" list={() => list} />
                      </Match>
                    </Switch>
                  </>
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/**
 * One application on the board; its name opens the review page, which links back to this column.
 * A live application nobody has moved for a while is flagged under its name; a decided one shows
 * its outcome where the others show their time in the stage.
 */
function BoardRow(props: { application: BoardApplication; from: string; decided: boolean }) {
  const href = () =>
    `/sites/${props.application.siteId}/applications/${props.application.organisationId}/${props.application.applicationId}`;
  return (
    <tr tabindex="-1">
      <th scope="row">
        <span class="board-who">
          <A
            id={`board-${props.application.applicationId}`}
            href={href()}
            state={{ board: props.from }}
            class="board-name"
          >
            <bdi>{props.application.organisationName}</bdi>
          </A>
          <Show when={quietFor(props.application)}>{(days) => <QuietFlag days={days()} />}</Show>
        </span>
      </th>
      <td data-label="CQC registration">{cqcStatusLabels[props.application.cqcStatus]}</td>
      <Show
        when={props.decided}
        fallback={
          <td data-label="In this stage">
            <TimeInStage enteredAt={props.application.stageEnteredAt} />
          </td>
        }
      >
        <td data-label="Outcome" class="board-decision">
          <Outcome application={props.application} />
        </td>
      </Show>
      <td data-label="Sent">
        <Switch fallback="Not sent">
          <Match when={props.application.submittedAt}>{(at) => <time datetime={at()}>{formatDate(at())}</time>}</Match>
          <Match when={props.application.status === "draft"}>Writing the application</Match>
        </Switch>
      </td>
      <td data-label="Process">Version {props.application.processVersion}</td>
    </tr>
  );
}

/** "Approved to walk through" with "on 3 Mar 2026" under it. */
function Outcome(props: { application: BoardApplication }) {
  return (
    <span class="board-time">
      <span class="board-outcome">
        {props.application.outcome ? outcomeLabels[props.application.outcome] : "Decided"}
      </span>
      <Show when={props.application.decidedAt}>
        {(at) => (
          <span class="muted">
            on <time datetime={at()}>{formatDate(at())}</time>
          </span>
        )}
      </Show>
    </span>
  );
}
