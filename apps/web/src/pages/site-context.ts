import { createContext, useContext } from "solid-js";

/** What the site page tells its Team and Activity tabs about the site and the person viewing it. */
export interface SiteView {
  siteId: string;
  siteName: string;
  canManage: boolean;
  myId: string | undefined;
}

export const SiteContext = createContext<SiteView>();

export function useSiteView(): SiteView {
  const view = useContext(SiteContext);
  if (!view) throw new Error("The Team and Activity tabs are shown only inside the site page.");
  return view;
}
