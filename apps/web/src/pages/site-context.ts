import type { SiteRole } from "@smallsupports/core/role";
import { createContext, createEffect, onCleanup, useContext } from "solid-js";

/** What the site page tells its tabs about the site and the person viewing it. */
export interface SiteView {
  siteId: string;
  siteName: string;
  canManage: boolean;
  myId: string | undefined;
  /** The viewer's role here, to decide what to offer with `may(role, ability)`. */
  myRole: SiteRole | undefined;
  /** Names the page open inside a tab (a session, a pairing) in the browser's title; null for the tab's own. */
  setDetailTitle(title: string | null): void;
}

export const SiteContext = createContext<SiteView>();

export function useSiteView(): SiteView {
  const view = useContext(SiteContext);
  if (!view) throw new Error("The site's tabs are shown only inside the site page.");
  return view;
}

/** Puts what a page inside a tab shows (a session's title, say) first in the browser's title while it is open. */
export function useDetailTitle(title: () => string | null) {
  const view = useSiteView();
  createEffect(() => view.setDetailTitle(title()));
  onCleanup(() => view.setDetailTitle(null));
}
