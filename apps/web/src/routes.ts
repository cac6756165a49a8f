import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";

export const routes: RouteDefinition[] = [
  { path: "/sign-in", component: lazy(() => import("./pages/sign-in")) },
  { path: "/", component: lazy(() => import("./pages/home")) },
  { path: "/national/sites", component: lazy(() => import("./pages/national-sites")) },
  { path: "/account", component: lazy(() => import("./pages/account")) },
  { path: "/dev/outbox", component: lazy(() => import("./pages/dev-outbox")) },
  {
    // The site's summary, with its Team and Activity tabs as addresses of their own.
    path: "/sites/:siteId",
    component: lazy(() => import("./pages/site")),
    children: [
      { path: "/", component: lazy(() => import("./pages/members")) },
      { path: "/activity", component: lazy(() => import("./pages/activity")) },
    ],
  },
  { path: "*", component: lazy(() => import("./pages/not-found")) },
];
