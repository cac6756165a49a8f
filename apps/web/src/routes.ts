import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";

export const routes: RouteDefinition[] = [
  { path: "/sign-in", component: lazy(() => import("./pages/sign-in")) },
  { path: "/", component: lazy(() => import("./pages/home")) },
  { path: "/national/sites", component: lazy(() => import("./pages/national-sites")) },
  { path: "/sites/:siteId", component: lazy(() => import("./pages/site")) },
  { path: "*", component: lazy(() => import("./pages/not-found")) },
];
