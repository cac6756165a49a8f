import { may } from "@smallsupports/core/permissions";
import { A, Navigate, type RouteSectionProps, useMatch, useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { errorCode } from "../api/client";
import { formatDate, roleLabels } from "../api/labels";
import { queries } from "../api/queries";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { LeadInvitations } from "./lead-invitations";
import { SiteContext, type SiteView } from "./site-context";
import { SiteSummary } from "./site-summary";

const timeTabTitle = "Experts' time";
const ownTimeTitle = "Your time";
const cohortTitle = "Cohort";

/** Why a site could not be opened, as its heading and page title. */
function siteProblem(error: unknown): string {
  switch (errorCode(error)) {
    case "FORBIDDEN":
      return "You cannot open this site";
    case "NOT_FOUND":
      return "Site not found";
    default:
      return problemTitle(error);
  }
}

/**
 * One site: its summary for anyone who may see it, and for its lead and team the tabs (Team at
 * `/sites/:siteId`, then Applications, Approval process, Experts' time and Activity), which are
 * the child routes. Experts by experience have no tabs: their summary links to their own time
 * (`/sites/:siteId/time`), which opens as a page of its own.
 */
export default function SitePage(props: RouteSectionProps) {
  const params = useParams<{ siteId: string }>();
  const me = useQuery(() => queries.me());
  const site = useQuery(() => queries.site(params.siteId));
  const myRole = createMemo(() => me.data?.sites.find((s) => s.siteId === params.siteId)?.role);
  const canSeeTeam = () => may(myRole(), "seeTeam");
  const onActivity = useMatch(() => "/sites/:siteId/activity");
  const onBoard = useMatch(() => "/sites/:siteId/applications/*");
  const onProcess = useMatch(() => "/sites/:siteId/process");
  const onTime = useMatch(() => "/sites/:siteId/time");
  const onFigures = useMatch(() => "/sites/:siteId/figures");
  const onCohort = useMatch(() => "/sites/:siteId/cohort/*");
  // A session, national event or pairing: a page inside the cohort, with its own way back.
  const onCohortDetail = useMatch(() => "/sites/:siteId/cohort/:area/*");
  // Someone without tabs who records their own time (an expert by experience) opens it as a page.
  const ownTimeOnly = () => !canSeeTeam() && may(myRole(), "logTime");
  const onOwnTime = () => !!onTime() && ownTimeOnly();
  // A provider has no tabs either: the cohort opens as a page of its own.
  const cohortOnly = () => !canSeeTeam() && may(myRole(), "seeCohort");
  const onOwnCohort = () => !!onCohort() && cohortOnly();
  // Whether the tabs are shown depends on the person's role, so wait for both.
  const loading = () => site.isPending || me.isPending;

  // A page inside a tab (one session, one pairing) names itself first.
  const [detailTitle, setDetailTitle] = createSignal<string | null>(null);
  usePageTitle(() => {
    if (loading()) return loadingTitle;
    if (site.isError) return siteProblem(site.error);
    const name = site.data?.name ?? "";
    const detail = detailTitle();
    if (detail) return [detail, name];
    if (onOwnTime()) return [ownTimeTitle, name];
    if (onOwnCohort()) return [cohortTitle, name];
    const tab = onActivity()
      ? "Activity"
      : onBoard()
        ? "Applications"
        : onProcess()
          ? "Approval process"
          : onTime()
            ? timeTabTitle
            : onCohort()
              ? cohortTitle
              : onFigures()
                ? "Figures"
                : "Team";
    return canSeeTeam() ? [tab, name] : name;
  });

  const siteView: SiteView = {
    get siteId() {
      return params.siteId;
    },
    get siteName() {
      return site.data?.name ?? "";
    },
    get canManage() {
      return may(myRole(), "manageTeam");
    },
    get myId() {
      return me.data?.person.personId;
    },
    get myRole() {
      return myRole();
    },
    setDetailTitle,
  };

  return (
    <div class="page">
      <Switch>
        <Match when={loading()}>
          <Loading label="Loading the site…" />
        </Match>
        <Match when={site.isError && ["FORBIDDEN", "NOT_FOUND"].includes(errorCode(site.error) ?? "")}>
          <div class="narrow">
            <PageHeading>{siteProblem(site.error)}</PageHeading>
            <p>
              {errorCode(site.error) === "FORBIDDEN"
                ? "You are not a member of this site. Its project lead can invite you."
                : "There is no site at this address. It may have moved."}
            </p>
            <A class="button" href="/">
              Go to my sites
            </A>
          </div>
        </Match>
        <Match when={site.isError}>
          <PageHeading>{siteProblem(site.error)}</PageHeading>
          <ErrorNotice error={site.error} retry={() => site.refetch()} />
        </Match>
        <Match when={site.data && onOwnTime()}>
          <A class="back-link" href={`/sites/${params.siteId}`}>
            <span aria-hidden="true">←</span> Back to {site.data?.name}
          </A>
          <div class="page-heading">
            <div>
              <PageHeading>{ownTimeTitle}</PageHeading>
              <p class="muted">{site.data?.name}</p>
            </div>
          </div>
          <SiteContext.Provider value={siteView}>{props.children}</SiteContext.Provider>
        </Match>
        <Match when={site.data && onOwnCohort()}>
          {/* A session's or pairing's page has its own way back, to the cohort. */}
          <Show when={!onCohortDetail()}>
            <A class="back-link" href={`/sites/${params.siteId}`}>
              <span aria-hidden="true">←</span> Back to {site.data?.name}
            </A>
          </Show>
          <div class="page-heading">
            <div>
              <PageHeading>{site.data?.name}'s cohort</PageHeading>
            </div>
          </div>
          <SiteContext.Provider value={siteView}>{props.children}</SiteContext.Provider>
        </Match>
        <Match when={site.data}>
          {(data) => (
            <>
              <div class="page-heading">
                <div>
                  <PageHeading>{data().name}</PageHeading>
                  <p class="muted">
                    {data().area} · added {formatDate(data().createdAt)}
                  </p>
                </div>
                <Show when={myRole()}>
                  {(role) => <span class="badge badge-large">You: {roleLabels[role()]}</span>}
                </Show>
              </div>
              <SiteSummary site={data()} role={myRole()} />
              <Show when={cohortOnly()}>
                <section class="card" aria-labelledby="cohort-prompt-heading">
                  <h2 id="cohort-prompt-heading">The cohort</h2>
                  <p>
                    Approved providers meet, train and mentor each other: networking, training, mentoring circles and
                    peer support.
                  </p>
                  <A class="button" href={`/sites/${params.siteId}/cohort`}>
                    Go to the cohort
                  </A>
                </section>
              </Show>
              <Show when={ownTimeOnly()}>
                <section class="card time-prompt" aria-labelledby="time-prompt-heading">
                  <h2 id="time-prompt-heading">Your paid time</h2>
                  <p>
                    You are paid for the time you spend reading applications, at panels, at interviews and in training.
                  </p>
                  <A class="button" href={`/sites/${params.siteId}/time`}>
                    Record your time
                  </A>
                </section>
              </Show>
              {/* National staff see to a site's project lead, above all a new site's first. */}
              <Show when={!myRole() && me.data?.person.national}>
                <LeadInvitations siteId={data().siteId} siteName={data().name} hasLead={data().leads.length > 0} />
              </Show>
              <Show
                when={canSeeTeam()}
                // Only the lead and team have tabs: anyone else following a tab's link sees the summary.
                fallback={
                  <Show when={onActivity() || onBoard() || onProcess() || onTime() || onCohort() || onFigures()}>
                    <Navigate href={`/sites/${params.siteId}`} />
                  </Show>
                }
              >
                <nav class="tabs" aria-label="Site sections">
                  <ul class="tab-list">
                    <li>
                      <A class="tab" href={`/sites/${params.siteId}`} end>
                        Team
                      </A>
                    </li>
                    <li>
                      <A class="tab" href={`/sites/${params.siteId}/applications`}>
                        Applications
                      </A>
                    </li>
                    <li>
                      <A class="tab" href={`/sites/${params.siteId}/cohort`}>
                        {cohortTitle}
                      </A>
                    </li>
                    <li>
                      <A class="tab" href={`/sites/${params.siteId}/process`}>
                        Approval process
                      </A>
                    </li>
                    <li>
                      <A class="tab" href={`/sites/${params.siteId}/time`}>
                        {timeTabTitle}
                      </A>
                    </li>
                    <li>
                      <A class="tab" href={`/sites/${params.siteId}/activity`}>
                        Activity
                      </A>
                    </li>
                    <Show when={may(myRole(), "seeAnalytics")}>
                      <li>
                        <A class="tab" href={`/sites/${params.siteId}/figures`}>
                          Figures
                        </A>
                      </li>
                    </Show>
                  </ul>
                </nav>
                <div class="tab-panel">
                  <SiteContext.Provider value={siteView}>{props.children}</SiteContext.Provider>
                </div>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
