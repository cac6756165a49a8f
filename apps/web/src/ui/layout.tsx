import { A, Navigate, useLocation } from "@solidjs/router";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, type JSX, on, Show } from "solid-js";
import { queries } from "../api/queries";
import { endSession, token } from "../api/session";

/** The frame around every signed-in page: skip link, header, navigation, who is signed in. */
export function Layout(props: { children?: JSX.Element }) {
  const location = useLocation();
  const queryClient = useQueryClient();
  // Nothing one person loaded may be shown to the next person who signs in on this browser.
  createEffect(
    on(token, (current) => {
      if (!current) queryClient.clear();
    }),
  );
  const me = useQuery(() => ({ ...queries.me(), enabled: !!token() }));
  // Pages anyone may open: signing in, and the local demo's emails (which an invitee reads first).
  const onSignIn = () => location.pathname === "/sign-in" || location.pathname === "/dev/outbox";
  // The way in for new providers: the sites taking applications, and signing up to apply to one.
  const onApply = () => /^\/apply(\/[^/]+)?\/?$/.test(location.pathname);

  return (
    <Show when={token() || onSignIn() || onApply()} fallback={<Navigate href="/sign-in" />}>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main; the click only adds the focus move the router swallows. */}
      <a
        class="skip-link"
        href="#main"
        // The router takes the #main link for itself and never moves focus, so move it here.
        onClick={(event) => {
          event.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to main content
      </a>
      <header class="site-header">
        <div class="header-inner">
          <A href="/" class="brand" end>
            Small Supports
          </A>
          <Show when={token() && !onSignIn()}>
            <nav aria-label="Main">
              <ul class="nav-list">
                <li>
                  <A href="/" end activeClass="active">
                    My sites
                  </A>
                </li>
                <Show when={me.data?.person.national}>
                  <li>
                    <A href="/national/sites" activeClass="active">
                      All sites
                    </A>
                  </li>
                  <li>
                    <A href="/national/figures" activeClass="active">
                      Figures
                    </A>
                  </li>
                  <li>
                    <A href="/national/events" activeClass="active">
                      National events
                    </A>
                  </li>
                </Show>
              </ul>
            </nav>
            <div class="account">
              <A href="/account" class="account-name" title="Your details">
                <bdi>{me.data?.person.name}</bdi>
              </A>
              <button type="button" class="button button-quiet" onClick={() => endSession("signed-out")}>
                Sign out
              </button>
            </div>
          </Show>
          <Show when={!token() && onApply()}>
            <div class="account">
              <A href="/sign-in" class="account-name">
                Sign in
              </A>
            </div>
          </Show>
        </div>
      </header>
      <main id="main" class="main" tabindex="-1">
        {props.children}
      </main>
    </Show>
  );
}
