import { useLocation } from "@solidjs/router";
import { createEffect, type JSX, on, onMount } from "solid-js";

const appName = "Small Supports";

/** The title while a page waits for its data. */
export const loadingTitle = "Loading";

/**
 * Sets the browser tab's title, most specific part first: ["Team", "Devon"] gives
 * "Team - Devon - Small Supports". Call it once per page, covering its loading and error states,
 * so a person who uses a screen reader or many tabs always knows where they are.
 */
export function usePageTitle(parts: () => string | readonly string[]) {
  createEffect(() => {
    document.title = [parts(), appName].flat().join(" - ");
  });
}

/**
 * The address whose heading has already been given focus, or that was open when the app
 * started. Null until the first heading appears: the first page a person opens keeps the
 * browser's own focus, as any page would.
 */
let handledPath: string | null = null;

/**
 * A page's main heading. After a client-side navigation it takes focus once it appears (which
 * may be after the page's data loads), so screen reader and keyboard users start at the top of
 * the new page instead of on a link that has gone. A heading that stays on screen while the
 * address changes (the site's Team and Activity tabs) leaves focus where the person put it.
 */
export function PageHeading(props: { children: JSX.Element }) {
  const location = useLocation();
  let heading!: HTMLHeadingElement;

  onMount(() => {
    if (handledPath !== null && handledPath !== location.pathname) heading.focus();
    handledPath = location.pathname;
  });
  createEffect(
    on(
      () => location.pathname,
      (path) => {
        // Checked once the old page has left the screen: a heading still there belongs to a page
        // that stayed, so the new address needs no focus move.
        queueMicrotask(() => {
          if (heading.isConnected) handledPath = path;
        });
      },
      { defer: true },
    ),
  );

  return (
    <h1 ref={heading} class="page-title" tabindex="-1">
      {props.children}
    </h1>
  );
}
