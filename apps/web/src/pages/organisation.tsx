import type { RouterOutputs } from "@smallsupports/api";
import { outcomeLabels } from "@smallsupports/core/decision-shape";
import {
  approvedStandings,
  cqcRatingLabels,
  cqcStatusLabels,
  mayApplyFrom,
  type Standing,
  standingLabels,
} from "@smallsupports/core/organisation-shape";
import { A, useLocation, useNavigate, useParams } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorCode } from "../api/client";
import { formatDate } from "../api/labels";
import { afterOrganisationChange, queries } from "../api/queries";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { EasyReadToggle, easyReadPreferred, setEasyReadPreferred, wordingIn } from "./application-easy-read";
import { OrganisationEditDialog } from "./organisation-edit-dialog";
import type { Organisation } from "./organisation-form";

type Application = RouterOutputs["application"]["history"][number];

/** What each standing means for the organisation, in plain words. */
const standingMeaning: Record<Standing, string> = {
  interest: "You have told the site you are interested. Start your application when you are ready.",
  applying: "You are writing your application. It is saved as you go.",
  "in-review": "You have sent your application. The site is looking at it.",
  approved: "You are an approved provider with this site.",
  "walking-through":
    "You are approved to walk through the process with the site team while you work towards CQC registration.",
  "not-yet":
    "The panel said “not yet”. The door is not closed: you can apply again when you are ready, and the site team can help.",
  declined: "The panel decided not to approve your organisation this time.",
  withdrawn: "You withdrew your application. You can apply again whenever you are ready.",
};

/**
 * An organisation's own page, for the people who act for it: where it stands with the site, its
 * application (start, carry on, see where it is, withdraw), its details and its past applications.
 */
export default function OrganisationPage() {
  const params = useParams<{ siteId: string; organisationId: string }>();
  const location = useLocation<{ registered?: boolean }>();
  const me = useQuery(() => queries.me());
  const organisation = useQuery(() => queries.organisation(params.siteId, params.organisationId));
  const history = useQuery(() => queries.applicationHistory(params.siteId, params.organisationId));
  const membership = () => me.data?.sites.find((site) => site.siteId === params.siteId);
  const loading = () => organisation.isPending || history.isPending || me.isPending;

  usePageTitle(() => {
    if (loading()) return loadingTitle;
    if (organisation.isError) return problemTitle(organisation.error);
    const data = organisation.data;
    return data ? [data.tradingName || data.legalName, membership()?.siteName ?? ""].filter(Boolean) : loadingTitle;
  });

  return (
    <div class="page narrow">
      <p>
        <A href="/">Back to your home page</A>
      </p>
      <Switch>
        <Match when={loading()}>
          <Loading label="Loading your organisation…" />
        </Match>
        <Match when={organisation.isError}>
          <PageHeading>{problemTitle(organisation.error)}</PageHeading>
          <Show
            when={errorCode(organisation.error) === "NOT_FOUND"}
            fallback={<ErrorNotice error={organisation.error} retry={() => organisation.refetch()} />}
          >
            <p>We could not find that organisation. You can only see organisations you act for.</p>
            <A class="button" href="/">
              Go to your home page
            </A>
          </Show>
        </Match>
        <Match when={organisation.data}>
          {(data) => (
            <OrganisationView
              organisation={data()}
              siteName={membership()?.siteName ?? "the site"}
              canApply={membership()?.role === "provider"}
              history={history.data ?? []}
              historyError={history.error}
              retryHistory={() => history.refetch()}
              justRegistered={!!location.state?.registered}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

function OrganisationView(props: {
  organisation: Organisation;
  siteName: string;
  canApply: boolean;
  history: Application[];
  historyError: unknown;
  retryHistory: () => void;
  justRegistered: boolean;
}) {
  const name = () => props.organisation.tradingName || props.organisation.legalName;
  const [notice, setNotice] = createSignal<string | null>(
    props.justRegistered
      ? `Thank you. ${props.organisation.tradingName || props.organisation.legalName} has registered interest with ${props.siteName}.`
      : null,
  );
  const [editing, setEditing] = createSignal(false);
  let detailsHeading: HTMLHeadingElement | undefined;

  const current = createMemo(() =>
    props.history.find((application) => application.applicationId === props.organisation.currentApplicationId),
  );
  const past = createMemo(() =>
    props.history
      .filter((application) => application.applicationId !== props.organisation.currentApplicationId)
      .reverse(),
  );

  return (
    <>
      <div class="page-heading">
        <div>
          <PageHeading>
            <bdi>{name()}</bdi>
          </PageHeading>
          <p class="muted">Your organisation in {props.siteName}</p>
        </div>
        <span class="badge badge-large">{standingLabels[props.organisation.standing]}</span>
      </div>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>

      <ApplicationSection
        organisation={props.organisation}
        siteName={props.siteName}
        canApply={props.canApply}
        current={current()}
        historyError={props.historyError}
        retryHistory={props.retryHistory}
        onNotice={setNotice}
      />

      <Show when={approvedStandings.includes(props.organisation.standing)}>
        <section class="card" aria-labelledby="plan-heading">
          <h2 id="plan-heading">Your development plan</h2>
          <p>
            Your plan says where you are now, where you aim to get to and what you will do next. You and{" "}
            {props.siteName}'s team both keep it up to date.
          </p>
          <A
            class="button button-secondary"
            href={`/organisations/${props.organisation.siteId}/${props.organisation.organisationId}/plan`}
          >
            Open your development plan
          </A>
        </section>
      </Show>

      <section class="card" aria-labelledby="details-heading">
        <div class="section-heading">
          <h2 id="details-heading" ref={detailsHeading} tabindex="-1">
            About your organisation
          </h2>
          <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
            Edit details
          </button>
        </div>
        <OrganisationFacts organisation={props.organisation} />
      </section>

      <Show when={past().length > 0}>
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">Past applications</h2>
          <ul class="past-applications">
            <For each={past()}>
              {(application) => (
                <li class="card past-application">
                  <p class="past-application-title">Application started {formatDate(application.startedAt)}</p>
                  <p>{pastOutcome(application)}</p>
                  <p class="muted">On version {application.processVersion} of the site's approval process.</p>
                  <Show when={application.status === "decided"}>
                    <p>
                      <A href={letterPath(application)}>
                        Read the decision letter
                        <span class="visually-hidden">
                          {" "}
                          for the application started {formatDate(application.startedAt)}
                        </span>
                      </A>
                    </p>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <OrganisationEditDialog
        organisation={props.organisation}
        open={editing()}
        onOpenChange={setEditing}
        onSaved={() => setNotice("Your organisation's details are saved.")}
        returnFocusTo={() => detailsHeading}
      />
    </>
  );
}

const letterPath = (application: Application) =>
  `/organisations/${application.siteId}/${application.organisationId}/applications/${application.applicationId}/decision`;

function pastOutcome(application: Application): string {
  if (application.status === "decided" && application.outcome) {
    const outcome = `The panel's decision: ${outcomeLabels[application.outcome]}`;
    return application.decidedAt ? `${outcome}, on ${formatDate(application.decidedAt)}.` : `${outcome}.`;
  }
  if (application.status === "withdrawn") {
    return application.withdrawnAt ? `Withdrawn on ${formatDate(application.withdrawnAt)}.` : "Withdrawn.";
  }
  if (application.status === "submitted") {
    return application.submittedAt ? `Sent on ${formatDate(application.submittedAt)}.` : "Sent.";
  }
  return "Not sent.";
}

/** The current application, or the way to start one. */
function ApplicationSection(props: {
  organisation: Organisation;
  siteName: string;
  canApply: boolean;
  current: Application | undefined;
  historyError: unknown;
  retryHistory: () => void;
  onNotice: (message: string | null) => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = createSignal(false);
  let heading: HTMLHeadingElement | undefined;
  const key = () => ({ siteId: props.organisation.siteId, organisationId: props.organisation.organisationId });
  const formPath = (applicationId: string) =>
    `/organisations/${props.organisation.siteId}/${props.organisation.organisationId}/applications/${applicationId}`;

  const start = createMutation(() => ({
    mutationFn: () => api.application.start.mutate(key()),
    onSuccess: async ({ application }) => {
      await afterOrganisationChange(queryClient, application.siteId, application.organisationId);
      navigate(formPath(application.applicationId));
    },
    // Whatever went wrong, show the organisation as it stands now, so trying again starts from there.
    onError: () => afterOrganisationChange(queryClient, props.organisation.siteId, props.organisation.organisationId),
  }));

  const withdraw = createMutation(() => ({
    mutationFn: (application: Application) =>
      api.application.withdraw.mutate({
        ...key(),
        applicationId: application.applicationId,
        version: application.version,
      }),
    onSuccess: async () => {
      await afterOrganisationChange(queryClient, props.organisation.siteId, props.organisation.organisationId);
      props.onNotice("You have withdrawn your application. You can apply again whenever you are ready.");
      closeWithdraw();
    },
    // The site team may have moved the application meanwhile: a second try uses its new version.
    onError: () => afterOrganisationChange(queryClient, props.organisation.siteId, props.organisation.organisationId),
  }));

  function closeWithdraw() {
    withdraw.reset();
    setConfirming(false);
  }

  // After "not yet" the decided application stays the current one until the next is started.
  const mayStart = () =>
    mayApplyFrom.includes(props.organisation.standing) &&
    (!props.current || props.current.status === "decided" || props.current.status === "withdrawn");
  const mayWithdraw = () =>
    props.canApply &&
    props.current?.status !== "withdrawn" &&
    (props.organisation.standing === "applying" || props.organisation.standing === "in-review");

  return (
    <section class="card highlight" aria-labelledby="application-heading">
      <h2 id="application-heading" ref={heading} tabindex="-1">
        Your application
      </h2>
      <p>{standingMeaning[props.organisation.standing]}</p>
      <Show when={props.historyError}>
        <ErrorNotice error={props.historyError} retry={props.retryHistory} />
      </Show>
      <Show when={props.current?.status === "decided" && props.current}>
        {(application) => <DecisionNow application={application()} />}
      </Show>
      <Switch>
        <Match when={props.current?.status === "draft" && props.current}>
          {(application) => (
            <>
              <p>
                You started it on {formatDate(application().startedAt)}. Everything you write is saved as you go, so you
                can stop and come back.
              </p>
              <Show when={props.canApply}>
                <div class="form-actions">
                  <A class="button" href={formPath(application().applicationId)}>
                    Continue your application
                  </A>
                  <button type="button" class="button button-danger-quiet" onClick={() => setConfirming(true)}>
                    Withdraw
                  </button>
                </div>
              </Show>
            </>
          )}
        </Match>
        <Match when={props.current?.status === "submitted" && props.current}>
          {(application) => (
            <>
              <Show when={application().openRequestId}>
                <div class="notice notice-info">
                  <h3>{props.siteName} would like to know more</h3>
                  <p>
                    The site has asked more about{" "}
                    {application().requestedQuestionIds.length === 1
                      ? "one of your answers"
                      : `${application().requestedQuestionIds.length} of your answers`}
                    . Answer the site's questions, then send your answers back, so the panel can decide.
                  </p>
                  <Show
                    when={props.canApply}
                    fallback={<p>The organisation answers these questions on its application form.</p>}
                  >
                    <A class="button" href={formPath(application().applicationId)}>
                      Answer the site's questions
                    </A>
                  </Show>
                </div>
              </Show>
              <p>
                You sent it on {application().submittedAt ? formatDate(application().submittedAt as string) : "—"}.{" "}
                <A href={formPath(application().applicationId)}>See what you sent</A>
              </p>
              <StageNow organisation={props.organisation} application={application()} />
              <Show when={mayWithdraw()}>
                <div class="form-actions">
                  <button type="button" class="button button-danger-quiet" onClick={() => setConfirming(true)}>
                    Withdraw
                  </button>
                </div>
              </Show>
            </>
          )}
        </Match>
        <Match when={mayStart() && props.canApply}>
          <div classList={{ "stage-now": !!props.current }}>
            <Show when={props.current}>
              <h3>Apply again</h3>
            </Show>
            <Show when={start.isError}>
              <ErrorNotice error={start.error} />
            </Show>
            <p>
              You answer the site's questions in your own words. You can save as you go and come back. You will never be
              asked for financial accounts or references.
            </p>
            <div class="form-actions">
              <button type="button" class="button" disabled={start.isPending} onClick={() => start.mutate()}>
                {start.isPending
                  ? "Starting…"
                  : props.organisation.standing === "interest"
                    ? "Start your application"
                    : "Start a new application"}
              </button>
            </div>
          </div>
        </Match>
      </Switch>
      <ConfirmDialog
        open={confirming()}
        title="Withdraw your application?"
        confirmLabel="Withdraw my application"
        busyLabel="Withdrawing…"
        cancelLabel="Keep my application"
        busy={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => {
          const application = props.current;
          if (application) withdraw.mutate(application);
        }}
        onCancel={closeWithdraw}
        returnFocusTo={() => heading}
      >
        {props.siteName} will stop looking at it. You cannot undo this, but you can start a new application later.
      </ConfirmDialog>
    </section>
  );
}

/** The panel's decision on the current application, and the way to its letter. */
function DecisionNow(props: { application: Application }) {
  return (
    <div class="stage-now">
      <Show when={props.application.outcome}>
        {(outcome) => <h3>The panel's decision: {outcomeLabels[outcome()]}</h3>}
      </Show>
      <Show when={props.application.decidedAt}>{(at) => <p class="muted">Decided on {formatDate(at())}</p>}</Show>
      <p>The decision letter says why, in plain words and in easy read. You can print it.</p>
      <div class="form-actions">
        <A class="button" href={letterPath(props.application)}>
          Read the decision letter
        </A>
      </div>
    </div>
  );
}

/** The stage a sent application is in, and what happens there, from the process it is on. */
function StageNow(props: { organisation: Organisation; application: Application }) {
  const form = useQuery(() =>
    queries.applicationForm(
      props.organisation.siteId,
      props.organisation.organisationId,
      props.application.applicationId,
    ),
  );
  const stage = () => form.data?.process.definition.stages.find((s) => s.stageId === props.application.stageId);
  return (
    <div class="stage-now">
      <Switch>
        <Match when={form.isPending}>
          <Loading label="Loading where your application is…" />
        </Match>
        <Match when={form.isError}>
          <ErrorNotice error={form.error} retry={() => form.refetch()} />
        </Match>
        <Match when={stage()}>
          {(found) => (
            <>
              <div class="section-heading">
                <h3>Where it is now: {wordingIn(found().name, easyReadPreferred())}</h3>
                <EasyReadToggle
                  pressed={easyReadPreferred()}
                  onChange={setEasyReadPreferred}
                  context="for what happens next"
                  small
                />
              </div>
              <p class="muted">Since {formatDate(props.application.stageEnteredAt)}</p>
              <h4 class="what-next-heading">What happens next</h4>
              <p classList={{ "easy-read-text": easyReadPreferred() }}>
                {wordingIn(found().description, easyReadPreferred())}
              </p>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function OrganisationFacts(props: { organisation: Organisation }) {
  const facts = () => {
    const o = props.organisation;
    return [
      ["Legal name", o.legalName],
      ["Trading name", o.tradingName ?? "None"],
      ["Area", o.area],
      ["Started in", String(o.foundedYear)],
      ["People supported now", String(o.peopleSupported)],
      ["CQC", cqcStatusLabels[o.cqcStatus]],
      ...(o.cqcStatus === "registered" && o.cqcRating ? [["CQC rating", cqcRatingLabels[o.cqcRating]]] : []),
      ["Contact", o.contactName],
      ["What makes you different", o.difference],
    ] as [string, string][];
  };
  return (
    <dl class="organisation-facts">
      <For each={facts()}>
        {([term, value]) => (
          <div class="organisation-fact">
            <dt>{term}</dt>
            <dd>
              <bdi>{value}</bdi>
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}
