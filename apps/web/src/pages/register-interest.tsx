import { A, useNavigate, useParams } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { api } from "../api/client";
import { roleLabels } from "../api/labels";
import { afterOrganisationRegistered, queries } from "../api/queries";
import { startSession, token } from "../api/session";
import { ErrorSummary, type Problem, ProblemSummary } from "../ui/error-summary";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { TextField } from "../ui/text-field";
import {
  emptyDraft,
  type OrganisationDraft,
  OrganisationFields,
  organisationFieldIds,
  PrivacyNotice,
  profileOf,
} from "./organisation-form";

type OpenSite = { siteId: string; name: string; area: string };

/**
 * Registering an organisation's interest in a site open to applications. Someone new first gives
 * their name and email address (which signs them up and in); someone signed in goes straight to
 * their organisation's details.
 */
export default function RegisterInterest() {
  const params = useParams<{ siteId: string }>();
  const sites = useQuery(() => queries.openSites());
  const site = () => sites.data?.find((candidate) => candidate.siteId === params.siteId);
  // Set when the person signs up on this page, so the next step says so and takes focus.
  const [signedUpAs, setSignedUpAs] = createSignal<string | null>(null);

  usePageTitle(() => {
    if (sites.isPending) return loadingTitle;
    if (sites.isError) return problemTitle(sites.error);
    const found = site();
    if (!found) return "Not taking applications";
    return [token() ? "About your organisation" : "About you", `Register interest in ${found.name}`];
  });

  return (
    <div class="page narrow">
      <p>
        <A href="/apply">Back to the sites taking applications</A>
      </p>
      <Switch>
        <Match when={sites.isPending}>
          <Loading />
        </Match>
        <Match when={sites.isError}>
          <PageHeading>{problemTitle(sites.error)}</PageHeading>
          <ErrorNotice error={sites.error} retry={() => sites.refetch()} />
        </Match>
        <Match when={!site()}>
          <PageHeading>This site is not taking applications just now</PageHeading>
          <p>It may have closed to new providers, or the address may be wrong.</p>
          <Show when={token()}>
            <p>If your organisation is already registered with it, you can find it on your home page.</p>
          </Show>
          <div class="form-actions">
            <A class="button" href="/apply">
              See the sites taking applications
            </A>
            <Show when={token()}>
              <A class="button button-secondary" href="/">
                Go to your home page
              </A>
            </Show>
          </div>
        </Match>
        <Match when={site()}>
          {(found) => (
            <>
              <PageHeading>Register interest in {found().name}</PageHeading>
              <Show
                when={token()}
                fallback={
                  <>
                    <p class="step-label">Step 1 of 2: About you</p>
                    <SignUp site={found()} onSignedUp={setSignedUpAs} />
                  </>
                }
              >
                <Registration site={found()} signedUpAs={signedUpAs()} />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** The local stand-in for Cognito's self sign-up: name and address in, a session out. */
function SignUp(props: { site: OpenSite; onSignedUp: (name: string) => void }) {
  const ids = { name: "sign-up-name", email: "sign-up-email" };
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [problems, setProblems] = createSignal<Problem[] | null>(null);
  const [fieldProblems, setFieldProblems] = createSignal<{ name?: string; email?: string }>({});

  async function signUp(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await fetch("/api/dev/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: name(), email: email() }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        token?: string;
        error?: { message?: string; fieldErrors?: { name?: string; email?: string } };
      };
      if (response.ok && body.token) {
        setProblems(null);
        setFieldProblems({});
        props.onSignedUp(name().trim());
        startSession(body.token);
        return;
      }
      const message = body.error?.message ?? "We could not sign you up. Please try again.";
      if (response.status === 409) {
        // The address is known: the way on is signing in with it, not changing it.
        setFieldProblems({ email: message });
        setProblems([{ message, href: `/sign-in?next=/apply/${props.site.siteId}`, linkText: "Sign in" }]);
      } else if (response.status === 429) {
        setFieldProblems({});
        setProblems([{ message }]);
      } else {
        const byField = body.error?.fieldErrors ?? {};
        setFieldProblems(byField);
        const linked: Problem[] = (["name", "email"] as const).flatMap((field) => {
          const text = byField[field];
          return text ? [{ message: text, targetId: ids[field] }] : [];
        });
        setProblems(linked.length ? linked : [{ message }]);
      }
    } catch {
      setFieldProblems({});
      setProblems([{ message: "We could not reach the server. Check your connection and try again." }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        First, tell us who you are. You will sign in with your email address, so you can come back to your application
        at any time.
      </p>
      <p>
        Already signed up? <A href={`/sign-in?next=/apply/${props.site.siteId}`}>Sign in instead</A>.
      </p>
      <PrivacyNotice siteName={props.site.name} />
      <form class="form card" noValidate onSubmit={signUp}>
        <h2>About you</h2>
        <ProblemSummary problems={problems()} />
        <TextField
          id={ids.name}
          label="Your name"
          name="name"
          value={name()}
          onChange={setName}
          maxLength={100}
          error={fieldProblems().name}
          autocomplete="name"
          required
        />
        <TextField
          id={ids.email}
          label="Your email address"
          name="email"
          type="email"
          value={email()}
          onChange={setEmail}
          hint="We only use it to let you sign in and to contact you about your application."
          maxLength={254}
          error={fieldProblems().email}
          autocomplete="email"
          required
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy()}>
            {busy() ? "Signing you up…" : "Continue"}
          </button>
        </div>
      </form>
    </>
  );
}

/** The organisation's details, for someone signed in. */
function Registration(props: { site: OpenSite; signedUpAs: string | null }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery(() => queries.me());
  const mine = useQuery(() => queries.myOrganisations());
  const [draft, setDraft] = createStore<OrganisationDraft>(emptyDraft());
  const fields = organisationFieldIds("register");
  // Someone who has just signed up carries on from the next step's heading, not the form that went.
  const focusAfterSignUp = (heading: HTMLHeadingElement) => {
    if (props.signedUpAs) queueMicrotask(() => heading.focus());
  };

  const existing = () => mine.data?.organisations.find((organisation) => organisation.siteId === props.site.siteId);
  const otherRole = () => {
    const role = me.data?.sites.find((membership) => membership.siteId === props.site.siteId)?.role;
    return role && role !== "provider" ? role : undefined;
  };

  const register = createMutation(() => ({
    mutationFn: () => api.organisation.register.mutate({ siteId: props.site.siteId, organisation: profileOf(draft) }),
    onSuccess: async (organisation) => {
      await afterOrganisationRegistered(queryClient);
      navigate(`/organisations/${organisation.siteId}/${organisation.organisationId}`, {
        state: { registered: true },
      });
    },
  }));

  return (
    <Switch>
      <Match when={me.isPending || mine.isPending}>
        <Loading />
      </Match>
      <Match when={me.isError || mine.isError}>
        <ErrorNotice
          error={me.error ?? mine.error}
          retry={() => {
            me.refetch();
            mine.refetch();
          }}
        />
      </Match>
      <Match when={existing()}>
        {(organisation) => (
          <div class="notice notice-info">
            <p>
              Your organisation, <bdi>{organisation().name}</bdi>, is already registered with {props.site.name}.
            </p>
            <A class="button" href={`/organisations/${organisation().siteId}/${organisation().organisationId}`}>
              Go to {organisation().name}
            </A>
          </div>
        )}
      </Match>
      <Match when={otherRole()}>
        {(role) => (
          <div class="notice notice-info">
            <p>
              You are already a member of {props.site.name} as {roleLabels[role()].toLowerCase()}, so you cannot apply
              to it as a provider. If someone else in your organisation should apply, they can sign up with their own
              email address.
            </p>
            <A class="button button-secondary" href="/apply">
              See the sites taking applications
            </A>
          </div>
        )}
      </Match>
      <Match when={me.data}>
        <Show when={props.signedUpAs}>
          <p class="step-label">Step 2 of 2: About your organisation</p>
          <div class="notice notice-success" role="status">
            <p>
              Thank you, <bdi>{props.signedUpAs}</bdi>. You are signed up and signed in.
            </p>
          </div>
        </Show>
        <Show when={!props.signedUpAs}>
          <PrivacyNotice siteName={props.site.name} />
        </Show>
        <form
          class="form card"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            register.mutate();
          }}
        >
          <h2 ref={focusAfterSignUp} tabindex="-1" class="focus-target">
            About your organisation
          </h2>
          <p>
            Tell {props.site.name} a little about your organisation. New and very small organisations are welcome. You
            will <strong>never</strong> be asked for financial accounts or references.
          </p>
          <ErrorSummary error={register.error} fields={fields} />
          <OrganisationFields
            prefix="register"
            draft={draft}
            onChange={(field, value) => setDraft({ [field]: value } as Partial<OrganisationDraft>)}
            error={register.error}
          />
          <div class="form-actions">
            <button type="submit" class="button" disabled={register.isPending}>
              {register.isPending ? "Registering…" : "Register interest"}
            </button>
          </div>
        </form>
      </Match>
    </Switch>
  );
}
