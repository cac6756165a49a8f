import type { RouterOutputs } from "@smallsupports/api";
import { outcomeLabels } from "@smallsupports/core/decision-shape";
import { A, useLocation, useParams, useSearchParams } from "@solidjs/router";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createMemo, createSignal, For, Match, on, onMount, Show, Switch, untrack } from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorCode, errorMessage, fieldErrors } from "../api/client";
import { formatDate } from "../api/labels";
import { afterApplicationOutcome, afterOrganisationChange, queries } from "../api/queries";
import { focusWhenShown, type Problem, ProblemSummary } from "../ui/error-summary";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
import { backups, createAnswers } from "./application-answers";
import { EasyReadToggle, easyReadPreferred, setEasyReadPreferred, wordingIn } from "./application-easy-read";
import {
  type AnswerState,
  type AnswerValue,
  type ApplicationForm,
  answerFor,
  answerInputId,
  answerText,
  isEmptyAnswer,
  type Question,
  QuestionField,
  questionBoxId,
} from "./application-question";

/**
 * An application form, on the version of the site's process the application started on. While it
 * is a draft, its organisation's people answer it a page at a time, each answer saving on its own,
 * then check and send it. Once sent it is read-only, but for the questions a request for more
 * information opens again until the organisation sends its answers back.
 */
export default function ApplicationFormPage() {
  const params = useParams<{ siteId: string; organisationId: string; applicationId: string }>();
  const [search, setSearch] = useSearchParams<{ page?: string }>();
  const me = useQuery(() => queries.me());
  const form = useQuery(() => queries.applicationForm(params.siteId, params.organisationId, params.applicationId));
  const siteName = () => me.data?.sites.find((site) => site.siteId === params.siteId)?.siteName ?? "the site";
  const isProvider = () => me.data?.sites.find((site) => site.siteId === params.siteId)?.role === "provider";
  const editable = () => form.data?.application.status === "draft" && isProvider();
  const answering = () =>
    form.data?.application.status === "submitted" && !!form.data.application.openRequestId && isProvider();
  // Set once the person sends it here, so the read-only view starts with the confirmation.
  const [justSent, setJustSent] = createSignal<"application" | "answers" | null>(null);
  // The form's cached copy is kept as it is while a draft is typed into; a sent application may
  // have moved on since it was cached (more information asked for, a decision), so read it again.
  onMount(() => {
    if (form.data && form.data.application.status !== "draft") void form.refetch();
  });

  const pages = () => form.data?.process.definition.pages ?? [];
  /** The page shown: 0 to pages - 1, or pages for "Check and send". */
  const step = createMemo(() => {
    const count = pages().length;
    if (search.page === "check") return count;
    const number = Number(search.page);
    return Number.isInteger(number) && number >= 1 && number <= count ? number - 1 : 0;
  });
  const stepTitle = () => {
    const count = pages().length;
    const page = pages()[step()];
    return page ? `Page ${step() + 1} of ${count}: ${wordingIn(page.title, easyReadPreferred())}` : "Check and send";
  };

  usePageTitle(() => {
    if (form.isPending || me.isPending) return loadingTitle;
    if (form.isError) return problemTitle(form.error);
    if (editable()) return [stepTitle(), "Your application", siteName()];
    if (answering()) return ["More information asked for", "Your application", siteName()];
    return ["Your application", siteName()];
  });

  return (
    <div class="page narrow application-page">
      <p>
        <A href={`/organisations/${params.siteId}/${params.organisationId}`}>
          Back to {form.data?.application.organisationName ?? "your organisation"}
        </A>
      </p>
      <Switch>
        <Match when={form.isPending || me.isPending}>
          <Loading label="Loading your application…" />
        </Match>
        <Match when={form.isError}>
          <PageHeading>{problemTitle(form.error)}</PageHeading>
          <ErrorNotice error={form.error} retry={() => form.refetch()} />
        </Match>
        <Match when={form.data}>
          {(data) => (
            <>
              <PageHeading>Your application to {siteName()}</PageHeading>
              <p class="muted">
                For <bdi>{data().application.organisationName}</bdi>. This form is version {data().process.number} of{" "}
                {siteName()}'s approval process.
                <Show when={data().application.status === "draft"}>
                  {" "}
                  Your application stays on this version, even if the site changes its questions later.
                </Show>
              </p>
              <Switch fallback={<SentApplication form={data()} siteName={siteName()} justSent={justSent()} />}>
                <Match when={editable()}>
                  <ApplicationEditor
                    form={data()}
                    siteName={siteName()}
                    step={step()}
                    stepTitle={stepTitle()}
                    goTo={(index) =>
                      setSearch({ page: index >= pages().length ? "check" : String(index + 1) }, { scroll: false })
                    }
                    refetch={async () => (await form.refetch()).data}
                    onSent={() => {
                      setJustSent("application");
                      setSearch({ page: undefined }, { replace: true });
                    }}
                  />
                </Match>
                <Match when={answering()}>
                  <RequestedAnswers
                    form={data()}
                    siteName={siteName()}
                    refetch={async () => (await form.refetch()).data}
                    onSentBack={() => setJustSent("answers")}
                  />
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function ApplicationEditor(props: {
  form: ApplicationForm;
  siteName: string;
  step: number;
  stepTitle: string;
  goTo: (index: number) => void;
  refetch: () => Promise<ApplicationForm | undefined>;
  onSent: () => void;
}) {
  const queryClient = useQueryClient();
  const location = useLocation();
  // The application and the process version it is on do not change while it is a draft.
  const { siteId, organisationId, applicationId } = untrack(() => props.form.application);
  const key = { siteId, organisationId, applicationId };
  const pages = untrack(() => props.form.process.definition.pages);
  const questions = pages.flatMap((page) => page.questions);
  const pageOf = new Map(pages.flatMap((page, index) => page.questions.map((q) => [q.questionId, index] as const)));
  const numberOf = new Map(questions.map((question, index) => [question.questionId, index + 1]));
  const [sendErrors, setSendErrors] = createStore<Record<string, string | undefined>>({});
  const saving = createAnswers({
    form: untrack(() => props.form),
    questions,
    refetch: props.refetch,
    onAnswered: (questionId) => setSendErrors(questionId, undefined),
  });
  const { answers, restored } = saving;

  // Easy read: the whole form follows the one switch, and each question can be switched on its own.
  const [overrides, setOverrides] = createSignal<Record<string, boolean>>({});
  const easyReadFor = (questionId: string) => overrides()[questionId] ?? easyReadPreferred();

  // A new page starts at its heading, so keyboard and screen reader users begin at the top of it.
  let stepHeading: HTMLHeadingElement | undefined;
  createEffect(
    on(
      () => props.step,
      () => queueMicrotask(() => stepHeading?.focus()),
      { defer: true },
    ),
  );

  function goToQuestion(questionId: string) {
    const page = pageOf.get(questionId) ?? 0;
    if (page !== props.step) props.goTo(page);
    focusWhenShown(answerInputId(questionId));
  }

  // Sending.
  const [sending, setSending] = createSignal(false);
  const [problems, setProblems] = createSignal<Problem[] | null>(null);
  const wordingOf = (question: Question) => wordingIn(question.wording, easyReadFor(question.questionId));
  const problemAt = (question: Question, message: string): Problem => ({
    message: `Question ${numberOf.get(question.questionId)}, “${wordingOf(question)}”: ${message}`,
    targetId: answerInputId(question.questionId),
    reveal: () => {
      const page = pageOf.get(question.questionId) ?? 0;
      if (page !== props.step) props.goTo(page);
    },
  });

  async function send() {
    setSending(true);
    try {
      const notSaved = await saving.saveAll();
      if (notSaved.length) {
        setProblems(notSaved.map((question) => problemAt(question, "this answer is not saved yet.")));
        return;
      }
      await api.application.submit.mutate({ ...key, version: props.form.application.version });
      saving.clearBackups();
      props.onSent();
      await afterOrganisationChange(queryClient, siteId, organisationId);
    } catch (error) {
      const byQuestion = fieldErrors(error);
      const missing = questions.filter((question) => byQuestion[question.questionId]);
      if (missing.length) {
        setSendErrors(byQuestion);
        setProblems(missing.map((question) => problemAt(question, byQuestion[question.questionId] as string)));
      } else {
        setProblems([{ message: errorMessage(error) }]);
        // Sent or changed elsewhere: load where it is now, so the next try names the right version.
        if (["CONFLICT", "PRECONDITION_FAILED"].includes(errorCode(error) ?? "")) await props.refetch();
      }
    } finally {
      setSending(false);
    }
  }

  const answeredOn = (pageIndex: number) =>
    (pages[pageIndex]?.questions ?? []).filter((q) => !isEmptyAnswer(answers[q.questionId]?.typed)).length;
  const stepHref = (index: number) => `${location.pathname}?page=${index >= pages.length ? "check" : index + 1}`;
  const currentPage = () => pages[props.step];
  const nextTitle = () => {
    const next = pages[props.step + 1];
    return next ? wordingIn(next.title, easyReadPreferred()) : "Check and send";
  };

  return (
    <>
      <div class="card application-intro">
        <p>
          Each answer saves on its own as you type. You can stop and come back at any time. You will never be asked for
          financial accounts or references.
        </p>
        <EasyReadToggle
          pressed={easyReadPreferred()}
          onChange={(on) => {
            setEasyReadPreferred(on);
            setOverrides({});
          }}
          context="for the whole form"
        />
      </div>
      <Show when={restored.length > 0}>
        <div class="notice notice-info" role="status">
          <p>
            We kept words you typed last time that were not saved. They are back in their boxes and are being saved now.
          </p>
        </div>
      </Show>

      <nav class="steps" aria-label="Parts of the form">
        <ol class="step-list">
          <For each={pages}>
            {(page, index) => (
              <li>
                <a
                  class="step-link"
                  href={stepHref(index())}
                  aria-current={props.step === index() ? "step" : undefined}
                >
                  <span class="step-name">
                    {index() + 1}. {wordingIn(page.title, easyReadPreferred())}
                  </span>
                  <span class="step-progress">
                    {answeredOn(index())} of {page.questions.length} answered
                  </span>
                </a>
              </li>
            )}
          </For>
          <li>
            <a
              class="step-link"
              href={stepHref(pages.length)}
              aria-current={props.step === pages.length ? "step" : undefined}
            >
              <span class="step-name">Check and send</span>
            </a>
          </li>
        </ol>
      </nav>

      <ProblemSummary problems={problems()} />

      <h2 ref={stepHeading} class="step-title" tabindex="-1">
        {props.stepTitle}
      </h2>
      <Show
        when={currentPage()}
        fallback={
          <CheckAndSend
            pages={pages}
            answers={answers}
            easyReadFor={easyReadFor}
            siteName={props.siteName}
            sending={sending()}
            onChange={goToQuestion}
            onSend={send}
            sendErrors={sendErrors}
          />
        }
      >
        {(page) => (
          <>
            <For each={page().questions}>
              {(question) => (
                <QuestionField
                  {...saving.fieldOf(question.questionId)}
                  question={question}
                  number={numberOf.get(question.questionId) ?? 0}
                  easyRead={easyReadFor(question.questionId)}
                  onEasyRead={(on) => setOverrides((all) => ({ ...all, [question.questionId]: on }))}
                  sendError={sendErrors[question.questionId]}
                />
              )}
            </For>
            <div class="form-actions step-nav">
              <Show when={props.step > 0}>
                <button type="button" class="button button-secondary" onClick={() => props.goTo(props.step - 1)}>
                  Previous
                </button>
              </Show>
              <button type="button" class="button" onClick={() => props.goTo(props.step + 1)}>
                Next: {nextTitle()}
              </button>
            </div>
          </>
        )}
      </Show>
    </>
  );
}

/** Every answer, page by page, with a way back to each, then sending. */
function CheckAndSend(props: {
  pages: ApplicationForm["process"]["definition"]["pages"];
  answers: Record<string, AnswerState>;
  easyReadFor: (questionId: string) => boolean;
  siteName: string;
  sending: boolean;
  sendErrors: Record<string, string | undefined>;
  onChange: (questionId: string) => void;
  onSend: () => void;
}) {
  const value = (question: Question): AnswerValue => {
    const state = props.answers[question.questionId] as AnswerState;
    const typed = answerFor(question, state.typed);
    return "value" in typed ? typed.value : state.saved;
  };
  return (
    <>
      <p>Check your answers. You can change any of them until you send your application.</p>
      <For each={props.pages}>
        {(page) => (
          <section class="card check-page" aria-labelledby={`check-${page.pageId}`}>
            <h3 id={`check-${page.pageId}`}>{wordingIn(page.title, easyReadPreferred())}</h3>
            <dl class="check-answers">
              <For each={page.questions}>
                {(question) => (
                  <div
                    class="check-answer"
                    classList={{ "check-answer-missing": !!props.sendErrors[question.questionId] }}
                  >
                    <dt>
                      {wordingIn(question.wording, props.easyReadFor(question.questionId))}
                      <Show when={question.required}>
                        <span class="form-question-required"> (required)</span>
                      </Show>
                    </dt>
                    <dd>
                      <p class="answer-text" classList={{ muted: isEmptyAnswer(value(question)) }}>
                        {answerText(question, value(question), props.easyReadFor(question.questionId))}
                      </p>
                      <Show when={props.sendErrors[question.questionId]}>
                        <p class="field-error">{props.sendErrors[question.questionId]}</p>
                      </Show>
                      <a
                        href={`#${questionBoxId(question.questionId)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          props.onChange(question.questionId);
                        }}
                      >
                        Change
                        <span class="visually-hidden"> your answer to “{wordingIn(question.wording, false)}”</span>
                      </a>
                    </dd>
                  </div>
                )}
              </For>
            </dl>
          </section>
        )}
      </For>
      <section class="card highlight send-box" aria-labelledby="send-heading">
        <h3 id="send-heading">Send your application</h3>
        <p>
          When you send it, {props.siteName}'s team will read it. You will not be able to change your answers after
          that.
        </p>
        <button type="button" class="button" disabled={props.sending} onClick={() => props.onSend()}>
          {props.sending ? "Sending…" : "Send my application"}
        </button>
      </section>
    </>
  );
}

type FormPages = ApplicationForm["process"]["definition"]["pages"];
type InformationRequest = RouterOutputs["decision"]["informationRequests"][number];

function useInformationRequests(application: () => ApplicationForm["application"]) {
  return useQuery(() =>
    queries.informationRequests(application().siteId, application().organisationId, application().applicationId),
  );
}

const questionCount = (count: number) => (count === 1 ? "1 question" : `${count} questions`);

/**
 * A sent application the site has asked more about: the lead's message, the questions it opens
 * again (only those can change, each saving as it is typed), and sending the answers back.
 */
function RequestedAnswers(props: {
  form: ApplicationForm;
  siteName: string;
  refetch: () => Promise<ApplicationForm | undefined>;
  onSentBack: () => void;
}) {
  const queryClient = useQueryClient();
  const application = () => props.form.application;
  const requests = useInformationRequests(application);
  const open = () => requests.data?.find((request) => request.requestId === application().openRequestId);
  // The questions reopened do not change while the request is open.
  const { siteId, organisationId, applicationId } = untrack(application);
  const key = { siteId, organisationId, applicationId };
  const pages = untrack(() => props.form.process.definition.pages);
  const questions = pages.flatMap((page) => page.questions);
  const numberOf = new Map(questions.map((question, index) => [question.questionId, index + 1]));
  const requestedIds = untrack(() => application().requestedQuestionIds);
  const requested = questions.filter((question) => requestedIds.includes(question.questionId));

  const [sendErrors, setSendErrors] = createStore<Record<string, string | undefined>>({});
  const saving = createAnswers({
    form: untrack(() => props.form),
    questions: requested,
    refetch: props.refetch,
    onAnswered: (questionId) => setSendErrors(questionId, undefined),
  });
  const [overrides, setOverrides] = createSignal<Record<string, boolean>>({});
  const easyReadFor = (questionId: string) => overrides()[questionId] ?? easyReadPreferred();

  const [sending, setSending] = createSignal(false);
  const [problems, setProblems] = createSignal<Problem[] | null>(null);
  const problemAt = (question: Question, message: string): Problem => ({
    message: `Question ${numberOf.get(question.questionId)}, “${wordingIn(question.wording, easyReadFor(question.questionId))}”: ${message}`,
    targetId: answerInputId(question.questionId),
  });

  async function sendBack() {
    setSending(true);
    try {
      const notSaved = await saving.saveAll();
      if (notSaved.length) {
        setProblems(notSaved.map((question) => problemAt(question, "this answer is not saved yet.")));
        return;
      }
      await api.decision.sendBack.mutate({ ...key, version: props.form.application.version });
      saving.clearBackups();
      props.onSentBack();
      await afterApplicationOutcome(queryClient, siteId, organisationId, applicationId);
    } catch (error) {
      const byQuestion = fieldErrors(error);
      const missing = requested.filter((question) => byQuestion[question.questionId]);
      if (missing.length) {
        setSendErrors(byQuestion);
        setProblems(missing.map((question) => problemAt(question, byQuestion[question.questionId] as string)));
      } else {
        setProblems([{ message: errorMessage(error) }]);
        // Moved on by the site team, or sent back in another tab: load where it is now.
        if (["CONFLICT", "PRECONDITION_FAILED"].includes(errorCode(error) ?? "")) {
          await afterApplicationOutcome(queryClient, siteId, organisationId, applicationId);
        }
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <section class="notice notice-info" aria-labelledby="request-heading">
        <h2 id="request-heading">{props.siteName} would like to know more</h2>
        <Switch>
          <Match when={requests.isPending}>
            <Loading label="Loading what the site asked…" />
          </Match>
          <Match when={requests.isError}>
            <ErrorNotice error={requests.error} retry={() => requests.refetch()} />
          </Match>
          <Match when={open()}>
            {(request) => (
              <>
                <p>
                  <bdi>{request().requestedByName}</bdi> wrote to you on {formatDate(request().requestedAt)}:
                </p>
                <blockquote class="their-answer">{request().message}</blockquote>
              </>
            )}
          </Match>
        </Switch>
        <p>
          They asked about {questionCount(requested.length)}. You can change only{" "}
          {requested.length === 1 ? "this answer" : "these answers"}. Your other answers stay as you sent them.
        </p>
        <ul>
          <For each={requested}>
            {(question) => (
              <li>
                <a
                  href={`#${questionBoxId(question.questionId)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusWhenShown(answerInputId(question.questionId));
                  }}
                >
                  Question {numberOf.get(question.questionId)}: {wordingIn(question.wording, easyReadPreferred())}
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>

      <div class="card application-intro">
        <p>Each answer saves on its own as you type. You can stop and come back at any time.</p>
        <EasyReadToggle
          pressed={easyReadPreferred()}
          onChange={(on) => {
            setEasyReadPreferred(on);
            setOverrides({});
          }}
          context="for the whole form"
        />
      </div>
      <Show when={saving.restored.length > 0}>
        <div class="notice notice-info" role="status">
          <p>
            We kept words you typed last time that were not saved. They are back in their boxes and are being saved now.
          </p>
        </div>
      </Show>

      <ProblemSummary problems={problems()} />

      <h2>{requested.length === 1 ? "Answer this question again" : "Answer these questions again"}</h2>
      <For each={requested}>
        {(question) => (
          <QuestionField
            {...saving.fieldOf(question.questionId)}
            question={question}
            number={numberOf.get(question.questionId) ?? 0}
            easyRead={easyReadFor(question.questionId)}
            onEasyRead={(on) => setOverrides((all) => ({ ...all, [question.questionId]: on }))}
            sendError={sendErrors[question.questionId]}
          />
        )}
      </For>

      <section class="card highlight send-box" aria-labelledby="send-back-heading">
        <h2 id="send-back-heading">Send your answers back</h2>
        <p>
          When you send them, {props.siteName}'s team will read your new answers. You will not be able to change them
          after that.
        </p>
        <button type="button" class="button" disabled={sending()} onClick={() => sendBack()}>
          {sending() ? "Sending…" : "Send my answers back"}
        </button>
      </section>

      <h2>Your other answers</h2>
      <p>You sent these before. They cannot change.</p>
      <AnswerPages pages={pages} answers={props.form.answers} easyRead={easyReadPreferred()} leaveOut={requestedIds} />
    </>
  );
}

/** An application that can no longer change: where it is, what happens next, and what was sent. */
function SentApplication(props: {
  form: ApplicationForm;
  siteName: string;
  justSent: "application" | "answers" | null;
}) {
  const application = () => props.form.application;
  const stage = () => props.form.process.definition.stages.find((s) => s.stageId === application().stageId);
  const requests = useInformationRequests(application);
  const answered = () => (requests.data ?? []).filter((request) => request.status === "answered");
  const easyRead = easyReadPreferred;
  let confirmation: HTMLDivElement | undefined;
  onMount(() => {
    if (props.justSent) confirmation?.focus();
    if (application().status !== "draft") backups.clear(application().applicationId);
  });
  const letterPath = () =>
    `/organisations/${application().siteId}/${application().organisationId}/applications/${application().applicationId}/decision`;

  return (
    <>
      <Switch>
        <Match when={props.justSent === "application"}>
          <div ref={confirmation} class="notice notice-success sent-confirmation" tabindex="-1">
            <h2>Your application has been sent</h2>
            <p>Thank you. {props.siteName}'s team will read it. You can see below where it is and what happens next.</p>
          </div>
        </Match>
        <Match when={props.justSent === "answers"}>
          <div ref={confirmation} class="notice notice-success sent-confirmation" tabindex="-1">
            <h2>Your answers have been sent</h2>
            <p>Thank you. {props.siteName}'s team will read your new answers. They can no longer be changed.</p>
          </div>
        </Match>
      </Switch>
      <Switch>
        <Match when={application().status === "submitted"}>
          <p>
            You sent this application on {formatDate(application().submittedAt ?? application().stageEnteredAt)}. Its
            answers can no longer be changed.
          </p>
          <Show when={application().openRequestId}>
            <div class="notice notice-info">
              <p>
                {props.siteName} has asked for more information on{" "}
                {questionCount(application().requestedQuestionIds.length)}. The organisation's own people answer them
                here.
              </p>
            </div>
          </Show>
        </Match>
        <Match when={application().status === "decided" && application().outcome}>
          {(outcome) => (
            <section class="card highlight" aria-labelledby="decided-heading">
              <h2 id="decided-heading">The panel's decision: {outcomeLabels[outcome()]}</h2>
              <p>
                {props.siteName} decided on this application on{" "}
                {formatDate(application().decidedAt ?? application().stageEnteredAt)}. Its answers can no longer be
                changed.
              </p>
              <A class="button" href={letterPath()}>
                Read the decision letter
              </A>
            </section>
          )}
        </Match>
        <Match when={application().status === "withdrawn"}>
          <p>
            This application was withdrawn on {formatDate(application().withdrawnAt ?? application().stageEnteredAt)}.
            It can no longer be changed.
          </p>
        </Match>
        <Match when={application().status === "draft"}>
          <p>This application is still being written by the organisation.</p>
        </Match>
      </Switch>
      <div class="easy-read-bar">
        <EasyReadToggle pressed={easyRead()} onChange={setEasyReadPreferred} context="for this application" />
      </div>
      <Show when={application().status === "submitted" && stage()}>
        {(found) => (
          <section class="card highlight" aria-labelledby="stage-heading">
            <h2 id="stage-heading">Where it is now: {wordingIn(found().name, easyRead())}</h2>
            <h3 class="what-next-heading">What happens next</h3>
            <p classList={{ "easy-read-text": easyRead() }}>{wordingIn(found().description, easyRead())}</p>
          </section>
        )}
      </Show>
      <Show when={answered().length > 0}>
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">More information you sent</h2>
          <ul class="past-applications">
            <For each={answered()}>{(request) => <AnsweredRequest request={request} siteName={props.siteName} />}</For>
          </ul>
        </section>
      </Show>
      <h2>Your answers</h2>
      <AnswerPages pages={props.form.process.definition.pages} answers={props.form.answers} easyRead={easyRead()} />
    </>
  );
}

function AnsweredRequest(props: { request: InformationRequest; siteName: string }) {
  return (
    <li class="card past-application">
      <p class="past-application-title">
        {props.siteName} asked about {questionCount(props.request.questionIds.length)} on{" "}
        {formatDate(props.request.requestedAt)}
      </p>
      <p class="answer-text">“{props.request.message}”</p>
      <Show when={props.request.answeredAt}>
        {(at) => <p class="muted">Your answers were sent back on {formatDate(at())}.</p>}
      </Show>
    </li>
  );
}

/** Saved answers, page by page, read-only; `leaveOut` names questions shown elsewhere on the screen. */
function AnswerPages(props: {
  pages: FormPages;
  answers: ApplicationForm["answers"];
  easyRead: boolean;
  leaveOut?: string[];
}) {
  const shown = (page: FormPages[number]) =>
    page.questions.filter((question) => !props.leaveOut?.includes(question.questionId));
  const answerOf = (questionId: string) => props.answers.find((answer) => answer.questionId === questionId)?.value;
  return (
    <For each={props.pages.filter((page) => shown(page).length > 0)}>
      {(page) => (
        <section class="card check-page" aria-labelledby={`page-${page.pageId}`}>
          <h3 id={`page-${page.pageId}`}>{wordingIn(page.title, props.easyRead)}</h3>
          <dl class="check-answers">
            <For each={shown(page)}>
              {(question) => (
                <div class="check-answer">
                  <dt>{wordingIn(question.wording, props.easyRead)}</dt>
                  <dd>
                    <p class="answer-text" classList={{ muted: isEmptyAnswer(answerOf(question.questionId)) }}>
                      {answerText(question, answerOf(question.questionId), props.easyRead)}
                    </p>
                  </dd>
                </div>
              )}
            </For>
          </dl>
        </section>
      )}
    </For>
  );
}
