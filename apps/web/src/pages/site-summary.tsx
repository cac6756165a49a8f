import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Index, Match, Show, Switch } from "solid-js";
import { rolePluralLabels, type SiteRole, siteRoles } from "../api/labels";
import { queries } from "../api/queries";
import type { SiteSummary as Site } from "../api/types";

const andList = new Intl.ListFormat("en-GB", { type: "conjunction" });

/** How many people hold each role, in words: "1 project lead", "no provider leads". */
const countWords: Record<SiteRole, [one: string, many: string]> = {
  lead: ["project lead", "project leads"],
  team: ["site team member", "site team members"],
  expert: ["expert by experience", "experts by experience"],
  provider: ["provider lead", "provider leads"],
};

function countSentence(site: Site) {
  const counts = siteRoles.map((role) => {
    const count = site.memberCounts[role];
    const [one, many] = countWords[role];
    return count === 0 ? `no ${many}` : count === 1 ? `1 ${one}` : `${count} ${many}`;
  });
  return `The site has ${andList.format(counts)}.`;
}

/** "Aisha Adams and Ben Carter", each name isolated so a name in another script cannot reorder the sentence. */
function LeadNames(props: { site: Site }) {
  const parts = () => andList.formatToParts(props.site.leads.map((lead) => lead.name));
  return (
    <Index each={parts()}>{(part) => (part().type === "element" ? <bdi>{part().value}</bdi> : part().value)}</Index>
  );
}

function LeadSentence(props: { site: Site }) {
  return (
    <Switch fallback={<p>This site does not have a project lead yet.</p>}>
      <Match when={props.site.leads.length === 1}>
        <p>
          Your project lead is <LeadNames site={props.site} />.
        </p>
      </Match>
      <Match when={props.site.leads.length > 1}>
        <p>
          Your project leads are <LeadNames site={props.site} />.
        </p>
      </Match>
    </Switch>
  );
}

/**
 * A site's summary, told for the person reading it. Experts by experience and provider leads
 * see what happens next for them and who their project lead is; the site's lead and team see
 * one sentence of counts above the team; national staff, who compare sites, see the counts.
 */
export function SiteSummary(props: { site: Site; role: SiteRole | undefined }) {
  return (
    <section aria-labelledby="summary-heading" class="site-summary">
      <Show
        when={props.role === "expert" || props.role === "provider"}
        fallback={
          <>
            <h2 id="summary-heading" class="visually-hidden">
              Summary
            </h2>
            <Show when={props.role} fallback={<RoleCounts site={props.site} />}>
              <p>{countSentence(props.site)}</p>
            </Show>
            <p>
              <strong>Project lead:</strong> {props.site.leads.length ? <LeadNames site={props.site} /> : "None yet"}
            </p>
            <p>
              <strong>New providers:</strong>{" "}
              {props.site.openToApplications
                ? "the site is taking applications, and is listed on the public page of sites taking applications."
                : "the site is not taking applications just now."}
            </p>
          </>
        }
      >
        <div class="card highlight">
          <h2 id="summary-heading">What happens next</h2>
          <Show when={props.role === "expert"} fallback={<ProviderNext site={props.site} />}>
            <p>
              The project lead will ask you to review applications from support providers and to sit on panels. When
              there is something for you, it will show here.
            </p>
          </Show>
          <LeadSentence site={props.site} />
        </div>
        <p class="muted">{countSentence(props.site)}</p>
      </Show>
    </section>
  );
}

/** Each role's count as a figure, for national staff comparing sites. */
function RoleCounts(props: { site: Site }) {
  return (
    <dl class="stats">
      <For each={siteRoles}>
        {(role) => (
          <div class="stat">
            <dt>{rolePluralLabels[role]}</dt>
            <dd>{props.site.memberCounts[role]}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

/** For a provider's people: their organisation's page, where their application stands. */
function ProviderNext(props: { site: Site }) {
  const mine = useQuery(() => queries.myOrganisations());
  const organisation = () => mine.data?.organisations.find((candidate) => candidate.siteId === props.site.siteId);
  return (
    <Show
      when={organisation()}
      fallback={
        <Show when={mine.data}>
          <p>
            Tell {props.site.name} about your organisation, so you can apply.{" "}
            <A href={`/apply/${props.site.siteId}`}>Tell us about your organisation</A>
          </p>
        </Show>
      }
    >
      {(found) => (
        <p>
          Your organisation's page shows where your application stands and what happens next.{" "}
          <A href={`/organisations/${found().siteId}/${found().organisationId}`}>Go to {found().name}</A>
        </p>
      )}
    </Show>
  );
}
