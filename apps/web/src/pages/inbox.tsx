import type { RouterOutputs } from "@smallsupports/api";
import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, type JSX, Match, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { queries } from "../api/queries";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
import { DueDate } from "./review-due";
import "../styles/review.css";

type InboxItem = RouterOutputs["me"]["inbox"][number];

/**
 * "What needs you", on the home page: reviews to declare a conflict on or to score (soonest due
 * first), and, for a provider, requests for more information and decisions on their application.
 * Each item is a link to where the person acts on it.
 */
export function Inbox() {
  const inbox = useQuery(() => queries.inbox());
  return (
    <section class="inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">What needs you</h2>
      <Switch>
        <Match when={inbox.isPending}>
          <Loading label="Loading what needs you…" />
        </Match>
        <Match when={inbox.isError}>
          <ErrorNotice error={inbox.error} retry={() => inbox.refetch()} />
        </Match>
        <Match when={inbox.data?.length === 0}>
          <EmptyState title="Nothing needs you right now." />
        </Match>
        <Match when={inbox.data}>
          {(items) => (
            <ul class="inbox-list">
              <For each={items()}>{(item) => <InboxEntry item={item} />}</For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function InboxEntry(props: { item: InboxItem }) {
  const item = props.item;
  const application = `/organisations/${item.siteId}/${item.organisationId}/applications/${item.applicationId}`;
  switch (item.kind) {
    case "declare":
      return (
        <Entry
          href={`/reviews/${item.siteId}/${item.organisationId}/${item.applicationId}`}
          title="Say if you have a conflict of interest"
          site={item.siteName}
          overdue={item.dueInDays < 0}
        >
          <p>
            {item.siteName} asked you to review an application. First, tell us if anything could stop you being fair.
          </p>
          <p class="inbox-due">
            <DueDate dueDate={item.dueDate} daysLeft={item.dueInDays} />
          </p>
        </Entry>
      );
    case "review":
      return (
        <Entry
          href={`/reviews/${item.siteId}/${item.organisationId}/${item.applicationId}`}
          title="Score an application"
          site={item.siteName}
          overdue={item.dueInDays < 0}
        >
          <p>Your review for {item.siteName}. Your scores save as you go.</p>
          <p class="inbox-due">
            <DueDate dueDate={item.dueDate} daysLeft={item.dueInDays} />
          </p>
        </Entry>
      );
    case "information-requested":
      return (
        <Entry href={application} title="Answer the site's questions" site={item.siteName}>
          <p>
            {item.siteName} asked for more information on <bdi>{item.organisationName}</bdi>'s application. Answer the
            questions they named, then send it back.
          </p>
          <p class="muted">
            Asked on <time datetime={item.at}>{formatDate(item.at)}</time>
          </p>
        </Entry>
      );
    case "decision":
      return (
        <Entry href={`${application}/decision`} title="Read the decision on your application" site={item.siteName}>
          <p>
            {item.siteName} has decided on <bdi>{item.organisationName}</bdi>'s application.
          </p>
          <p class="muted">
            Decided on <time datetime={item.at}>{formatDate(item.at)}</time>
          </p>
        </Entry>
      );
  }
}

/** One thing to do: a link saying what it is, what it is about, and (for reviews) when it is due. */
function Entry(props: { href: string; title: string; site: string; overdue?: boolean; children: JSX.Element }) {
  return (
    <li class="card inbox-item" classList={{ "inbox-item-overdue": props.overdue }}>
      <A class="inbox-link" href={props.href}>
        {props.title}
        {/* Several items can share a title: the site tells their links apart. */}
        <span class="visually-hidden"> in {props.site}</span>
      </A>
      {props.children}
    </li>
  );
}
