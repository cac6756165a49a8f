import type { SiteRole } from "@smallsupports/core/role";
import { createContext, useContext } from "solid-js";

/** What the site page tells its tabs about the site and the person viewing it. */
export interface SiteView {
  siteId: string;
  siteName: string;
  canManage: boolean;
  myId: string | undefined;
  /** The viewer's role here, to decide what to offer with `may(role, ability)`. */
  myRole: SiteRole | undefined;
}

export const SiteContext = createContext<SiteView>();

export function useSiteView(): SiteView {
  const view = useContext(SiteContext);
  if (!view) throw new Error("The site's tabs are shown only inside the site page.");
  return view;
}
