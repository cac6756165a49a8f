import { useNavigate } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { roleLabels, siteRoles } from "../api/labels";
import { queries } from "../api/queries";
import { endReason, startSession } from "../api/session";
import type { DevPerson } from "../api/types";
import { EmptyState, ErrorNotice, Loading } from "../ui/page-state";
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
  const [filter, setFilter] = createSignal("");
  const [signingIn, setSigningIn] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  const people = useQuery(() => queries.devPeople());

  const groups = createMemo<Group[]>(() => {
    const all = people.data ?? [];
    const needle = filter().trim().toLowerCase();
    const national: Group = { id: "national", title: "National partnership staff", people: [] };
    const sites = new Map<string, Group>();
    for (const person of all) {
      if (person.role === "national") national.people.push({ person, roleLabel: "National staff" });
      for (const membership of person.memberships) {
        const group = sites.get(membership.siteId) ?? { id: membership.siteId, title: membership.siteName, people: [] };
        group.people.push({ person, roleLabel: roleLabels[membership.role] });
        sites.set(membership.siteId, group);
      }
    }
    const rank = (label: string) => siteRoles.findIndex((role) => roleLabels[role] === label);
    const siteGroups = [...sites.values()].sort((a, b) => a.title.localeCompare(b.title));
    for (const group of siteGroups) group.people.sort((a, b) => rank(a.roleLabel) - rank(b.roleLabel));
    return [national, ...siteGroups]
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

  async function signInAs(person: DevPerson) {
    setSigningIn(person.id);
    setFailure(null);
    try {
      const response = await fetch("/api/dev/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ personId: person.id }),
      });
      if (!response.ok) throw new Error();
      startSession(((await response.json()) as { token: string }).token);
      navigate("/", { replace: true });
    } catch {
      setFailure(`We could not sign you in as ${person.name}. Please try again.`);
    } finally {
      setSigningIn(null);
    }
  }

  return (
    <div class="page narrow">
      <h1>Sign in</h1>
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
              label="Find a person or site"
              name="filter"
              value={filter()}
              onChange={setFilter}
              hint="For example, a name, Expert or Devon."
            />
          </div>
          <Show when={groups().length > 0} fallback={<EmptyState title="No one matches that search." />}>
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
                            <span class="person-name">{person.name}</span>
                            <span class="badge">{roleLabel}</span>
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
