import { useQuery } from "@tanstack/solid-query";
import { For, Match, Switch } from "solid-js";
import { formatDateTime } from "../api/labels";
import { queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { PageHeading, usePageTitle } from "../ui/page-title";

/**
 * The local demo's outbox: every email the platform has sent since it started, in both of its
 * versions, so an invitation can be followed without an email account. The route behind it
 * exists only on a local server; in AWS email goes out through SES and this page finds nothing.
 */
export default function DevOutbox() {
  usePageTitle(() => "Emails sent");
  const emails = useQuery(() => queries.devOutbox());

  return (
    <div class="page">
      <PageHeading>Emails sent</PageHeading>
      <p class="lead-text">
        On this local demo, emails are kept here instead of being sent. The list starts again each time the platform
        starts. To accept an invitation, sign in as the person it was sent to.
      </p>
      <Switch>
        <Match when={emails.isPending}>
          <Loading label="Loading emails…" />
        </Match>
        <Match when={emails.isError}>
          <ErrorNotice error={emails.error} retry={() => emails.refetch()} />
        </Match>
        <Match when={emails.data?.length === 0}>
          <EmptyState title="No emails have been sent since the platform started." />
        </Match>
        <Match when={emails.data}>
          {(list) => (
            <ol class="email-list">
              <For each={list()}>
                {(email) => (
                  <li class="card email">
                    <h2 class="email-subject">{email.subject}</h2>
                    <p class="muted">
                      To {email.to} · <time datetime={email.deliveredAt}>{formatDateTime(email.deliveredAt)}</time>
                    </p>
                    <details>
                      <summary>Everyday words</summary>
                      <p class="email-body">{email.plain}</p>
                    </details>
                    <details>
                      <summary>Easy read</summary>
                      <p class="email-body easy-read">{email.easyRead}</p>
                    </details>
                  </li>
                )}
              </For>
            </ol>
          )}
        </Match>
      </Switch>
    </div>
  );
}
