import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { roleLabels, siteRoles } from "../api/labels";
import { queries } from "../api/queries";
import { endReason, startSession } from "../api/session";
import type { DevPerson } from "../api/types";
import { LiveStatus } from "../ui/live-status";
import { ErrorNotice, Loading } from "../ui/page-state";
import { PageHeading, usePageTitle } from "../ui/page-title";
import { TextField } from "../ui/text-field";

interface Group {
  id: string;
  title: string;
  people: { person: DevPerson; roleLabel: string }[];
}

/**
 * Local sign-in: choose any seeded person. In AWS this page is replaced by the Cognito sign-in;
 * the dev routes behind it answer 404 in production.
 */
export default function SignIn() {
  const navigate = useNavigate();
  // Where to go once signed in: back to the page that sent the person here (registering interest), or home.
  const [search] = useSearchParams<{ next?: string }>();
  const next = () => (search.next?.startsWith("/") && !search.next.startsWith("//") ? search.next : "/");
  const [filter, setFilter] = createSignal("");
  const [signingIn, setSigningIn] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  const people = useQuery(() => queries.devPeople());
  usePageTitle(() => "Sign in");

  /** People invited who have never signed in, narrowed by the same filter. */
  const invitees = createMemo(() => {
    const needle = filter().trim().toLowerCase();
    return (people.data?.invitees ?? []).filter((invitee) =>
      `${invitee.name} ${invitee.email} ${invitee.invitations.map((i) => `${i.siteName} ${roleLabels[i.role]}`).join(" ")}`
        .toLowerCase()
        .includes(needle),
    );
  });

  const groups = createMemo<Group[]>(() => {
    const all = people.data?.people ?? [];
    const needle = filter().trim().toLowerCase();
    const national: Group = { id: "national", title: "National partnership staff", people: [] };
    const mentors: Group = { id: "mentors", title: "National mentors", people: [] };
    const sites = new Map<string, Group>();
    for (const person of all) {
      if (person.role === "national") national.people.push({ person, roleLabel: "National staff" });
      if (person.role === "mentor") mentors.people.push({ person, roleLabel: "National mentor" });
      for (const membership of person.memberships) {
        const group = sites.get(membership.siteId) ?? { id: membership.siteId, title: membership.siteName, people: [] };
        group.people.push({ person, roleLabel: roleLabels[membership.role] });
        sites.set(membership.siteId, group);
      }
    }
    const rank = (label: string) => siteRoles.findIndex((role) => roleLabels[role] === label);
    const siteGroups = [...sites.values()].sort((a, b) => a.title.localeCompare(b.title));
    for (const group of siteGroups) group.people.sort((a, b) => rank(a.roleLabel) - rank(b.roleLabel));
    return [national, mentors, ...siteGroups]
      .map((group) => ({
        ...group,
        people: needle
          ? group.people.filter(({ person, roleLabel }) =>
              `${person.name} ${roleLabel} ${group.title}`.toLowerCase().includes(needle),
            )
          : group.people,
      }))
      .filter((group) => group.people.length > 0);
  });

  /** What the filter found, read out as it changes; nothing before a person types. */
  const filterResult = () => {
    if (!filter().trim()) return "";
    const matches = new Set(groups().flatMap((group) => group.people.map(({ person }) => person.id))).size;
    if (matches === 0) return "No one matches that search.";
    return matches === 1 ? "1 person matches." : `${matches} people match.`;
  };

  /** A seeded person by id, or someone invited by their address (as a verified sign-in would). */
  async function signInAs(person: DevPerson | { email: string; name: string }) {
    setSigningIn("id" in person ? person.id : person.email);
    setFailure(null);
    try {
      const response = await fetch("/api/dev/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify("id" in person ? { personId: person.id } : { email: person.email }),
      });
      if (!response.ok) throw new Error();
      startSession(((await response.json()) as { token: string }).token);
      navigate(next(), { replace: true });
    } catch {
      setFailure(`We could not sign you in as ${person.name}. Please try again.`);
    } finally {
      setSigningIn(null);
    }
  }

  return (
    <div class="page narrow">
      <PageHeading>Sign in</PageHeading>
      <Show when={endReason() === "expired"}>
        <div class="notice notice-info" role="status">
          <p>Your sign-in has expired. Please sign in again.</p>
        </div>
      </Show>
      <Show when={endReason() === "signed-out"}>
        <div class="notice notice-info" role="status">
          <p>You have signed out.</p>
        </div>
      </Show>
      <p class="lead-text">
        This is the local demo. Choose who you want to be. Each person sees what their role allows.
      </p>
      <p>
        No email leaves this machine: <A href="/dev/outbox">see the emails the platform has sent</A>.
      </p>
      <p class="notice notice-info">
        <A href="/apply">New provider? See the sites taking applications</A>
      </p>
      <Show when={failure()}>
        <div class="notice notice-error" role="alert">
          <p>{failure()}</p>
        </div>
      </Show>
      <Switch>
        <Match when={people.isPending}>
          <Loading label="Loading the people you can sign in as…" />
        </Match>
        <Match when={people.isError}>
          <ErrorNotice error={people.error} retry={() => people.refetch()} />
        </Match>
        <Match when={people.data}>
          <div class="filter">
            <TextField
              id="filter"
              label="Find a person or site"
              name="filter"
              value={filter()}
              onChange={setFilter}
              hint="For example, a name, Expert or Devon."
            />
            <LiveStatus message={filterResult()} class="filter-result" />
          </div>
          <For each={groups()}>
            {(group) => (
              <section class="card sign-in-group" aria-labelledby={`group-${group.id}`}>
                <h2 id={`group-${group.id}`}>{group.title}</h2>
                <ul class="person-list">
                  <For each={group.people}>
                    {({ person, roleLabel }) => (
                      <li>
                        <button
                          type="button"
                          class="person-button"
                          disabled={signingIn() !== null}
                          onClick={() => signInAs(person)}
                        >
                          <bdi class="person-name">{person.name}</bdi>
                          <span class="badge">{roleLabel}</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
          <Show when={invitees().length > 0}>
            <section class="card sign-in-group" aria-labelledby="group-invited">
              <h2 id="group-invited">Invited, not signed in yet</h2>
              <p class="field-hint">
                Signing in as one of them is what happens when they sign in with the address they were invited at.
              </p>
              <ul class="person-list">
                <For each={invitees()}>
                  {(invitee) => (
                    <li>
                      <button
                        type="button"
                        class="person-button"
                        disabled={signingIn() !== null}
                        onClick={() => signInAs({ email: invitee.email, name: invitee.name })}
                      >
                        <bdi class="person-name">{invitee.name}</bdi>
                        <span class="badge">
                          {invitee.invitations.map((i) => `${roleLabels[i.role]}, ${i.siteName}`).join("; ")}
                        </span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
