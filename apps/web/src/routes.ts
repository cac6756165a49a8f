import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";

export const routes: RouteDefinition[] = [
  { path: "/sign-in", component: lazy(() => import("./pages/sign-in")) },
  { path: "/", component: lazy(() => import("./pages/home")) },
  { path: "/national/sites", component: lazy(() => import("./pages/national-sites")) },
  // National events, run by national staff for every site's cohort.
  { path: "/national/events", component: lazy(() => import("./pages/national-events")) },
  { path: "/national/events/:sessionId", component: lazy(() => import("./pages/national-event")) },
  { path: "/national/mentors", component: lazy(() => import("./pages/national-mentors")) },
  // Every site's figures side by side; a site's lead sees their own under the site's Figures tab.
  { path: "/national/figures", component: lazy(() => import("./pages/figures")) },
  { path: "/account", component: lazy(() => import("./pages/account")) },
  { path: "/dev/outbox", component: lazy(() => import("./pages/dev-outbox")) },
  // The public way in for new providers: sites open to applications, then signing up and registering.
  { path: "/apply", component: lazy(() => import("./pages/open-sites")) },
  { path: "/apply/:siteId", component: lazy(() => import("./pages/register-interest")) },
  // A provider's own organisation in one site, and its application form.
  { path: "/organisations/:siteId/:organisationId", component: lazy(() => import("./pages/organisation")) },
  {
    path: "/organisations/:siteId/:organisationId/applications/:applicationId",
    component: lazy(() => import("./pages/application-form")),
  },
  // An organisation's decision letter (printable) and its development plan, for its people and the site team.
  {
    path: "/organisations/:siteId/:organisationId/applications/:applicationId/decision",
    component: lazy(() => import("./pages/decision-letter")),
  },
  { path: "/organisations/:siteId/:organisationId/plan", component: lazy(() => import("./pages/development-plan")) },
  // A national mentor's own pairing: they belong to no site.
  { path: "/mentoring/:siteId/:pairId", component: lazy(() => import("./pages/mentor-pairing")) },
  // A reviewer's own review of one application: the conflict step, then scoring.
  { path: "/reviews/:siteId/:organisationId/:applicationId", component: lazy(() => import("./pages/review")) },
  {
    // The site's summary, with its Team, Cohort and Activity tabs as addresses of their own.
    path: "/sites/:siteId",
    component: lazy(() => import("./pages/site")),
    children: [
      { path: "/", component: lazy(() => import("./pages/members")) },
      { path: "/applications", component: lazy(() => import("./pages/site-board")) },
      {
        path: "/applications/:organisationId/:applicationId",
        component: lazy(() => import("./pages/application-review")),
      },
      {
        path: "/applications/:organisationId/:applicationId/panel",
        component: lazy(() => import("./pages/panel")),
      },
      { path: "/time", component: lazy(() => import("./pages/expert-time")) },
      { path: "/cohort", component: lazy(() => import("./pages/cohort")) },
      { path: "/cohort/sessions/:sessionId", component: lazy(() => import("./pages/cohort-session")) },
      { path: "/cohort/national/:sessionId", component: lazy(() => import("./pages/cohort-national-event")) },
      { path: "/cohort/mentoring/:pairId", component: lazy(() => import("./pages/mentoring-pair")) },
      { path: "/process", component: lazy(() => import("./pages/process-editor")) },
      { path: "/activity", component: lazy(() => import("./pages/activity")) },
      { path: "/figures", component: lazy(() => import("./pages/site-figures")) },
    ],
  },
  { path: "*", component: lazy(() => import("./pages/not-found")) },
];
