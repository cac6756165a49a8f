import { A, useLocation, useParams, useSearchParams } from "@solidjs/router";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
  untrack,
} from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorCode, errorMessage, fieldErrors, retryCanHelp } from "../api/client";
import { formatDate } from "../api/labels";
import { afterOrganisationChange, queries } from "../api/queries";
import { focusWhenShown, type Problem, ProblemSummary } from "../ui/error-summary";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";
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
  sameAnswer,
  type Typed,
  typedOf,
} from "./application-question";

/** How long after the last key press an answer saves. */
const typingPause = 1000;

/**
 * An application form, on the version of the site's process the application started on. While it
 * is a draft, its organisation's people answer it a page at a time, each answer saving on its own,
 * then check and send it. Once sent or withdrawn it is shown read-only.
 */
export default function ApplicationFormPage() {
  const params = useParams<{ siteId: string; organisationId: string; applicationId: string }>();
  const [search, setSearch] = useSearchParams<{ page?: string }>();
  const me = useQuery(() => queries.me());
  const form = useQuery(() => queries.applicationForm(params.siteId, params.organisationId, params.applicationId));
  const siteName = () => me.data?.sites.find((site) => site.siteId === params.siteId)?.siteName ?? "the site";
  const editable = () =>
    form.data?.application.status === "draft" &&
    me.data?.sites.find((site) => site.siteId === params.siteId)?.role === "provider";
  // Set once the person sends it here, so the read-only view starts with the confirmation.
  const [justSent, setJustSent] = createSignal(false);

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
    return editable() ? [stepTitle(), "Your application", siteName()] : ["Your application", siteName()];
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
              <Show
                when={editable()}
                fallback={<SentApplication form={data()} siteName={siteName()} justSent={justSent()} />}
              >
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
                    setJustSent(true);
                    setSearch({ page: undefined }, { replace: true });
                  }}
                />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

const backupPrefix = (applicationId: string) => `smallsupports.unsaved.${applicationId}.`;

/**
 * What a person typed and has not saved yet is kept in this browser too, until it is saved, so a
 * closed tab, a dropped connection or an expired sign-in never loses their words.
 */
const backups = {
  read(applicationId: string, questionId: string): { typed: Typed; version: number } | null {
    try {
      return JSON.parse(localStorage.getItem(backupPrefix(applicationId) + questionId) ?? "null");
    } catch {
      return null;
    }
  },
  write(applicationId: string, questionId: string, typed: Typed, version: number) {
    localStorage.setItem(backupPrefix(applicationId) + questionId, JSON.stringify({ typed, version }));
  },
  remove(applicationId: string, questionId: string) {
    localStorage.removeItem(backupPrefix(applicationId) + questionId);
  },
  clear(applicationId: string) {
    const prefix = backupPrefix(applicationId);
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
  },
};

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
  const questionById = new Map(questions.map((question) => [question.questionId, question]));
  const pageOf = new Map(pages.flatMap((page, index) => page.questions.map((q) => [q.questionId, index] as const)));
  const numberOf = new Map(questions.map((question, index) => [question.questionId, index + 1]));

  const restored: string[] = [];
  const [answers, setAnswers] = createStore<Record<string, AnswerState>>(
    Object.fromEntries(
      questions.map((question) => {
        const saved = untrack(() => props.form.answers).find((answer) => answer.questionId === question.questionId);
        const state: AnswerState = {
          typed: typedOf(question, saved?.value),
          version: saved?.version ?? 0,
          saved: saved?.value ?? null,
          status: "idle",
          message: "",
          retryable: false,
          conflict: false,
          theirs: null,
        };
        const backup = backups.read(applicationId, question.questionId);
        if (backup) {
          const value = answerFor(question, backup.typed);
          if ("value" in value && sameAnswer(value.value, state.saved) && backup.version === state.version) {
            backups.remove(applicationId, question.questionId);
          } else {
            // Saved against the version it was typed on: if a colleague saved since, the person is asked.
            Object.assign(state, { typed: backup.typed, version: backup.version });
            restored.push(question.questionId);
          }
        }
        return [question.questionId, state];
      }),
    ),
  );

  // Saving: each answer on its own, one save at a time per answer; a change made while one is on
  // its way is saved right after it, with the version it returned.
  const savers = new Map<string, { timer?: ReturnType<typeof setTimeout>; running?: Promise<void>; again: boolean }>();
  const saverOf = (questionId: string) => {
    const saver = savers.get(questionId) ?? { again: false };
    savers.set(questionId, saver);
    return saver;
  };

  function saveSoon(questionId: string) {
    const saver = saverOf(questionId);
    clearTimeout(saver.timer);
    saver.timer = setTimeout(() => save(questionId), typingPause);
  }

  function save(questionId: string): Promise<void> {
    const saver = saverOf(questionId);
    clearTimeout(saver.timer);
    saver.timer = undefined;
    if (saver.running) {
      saver.again = true;
      return saver.running;
    }
    const running = (async () => {
      do {
        saver.again = false;
        await saveOnce(questionId);
      } while (saver.again);
    })().finally(() => {
      saver.running = undefined;
    });
    saver.running = running;
    return running;
  }

  async function saveOnce(questionId: string) {
    const question = questionById.get(questionId) as Question;
    const state = answers[questionId] as AnswerState;
    if (state.conflict) return;
    const next = answerFor(question, state.typed);
    if ("problem" in next) {
      setAnswers(questionId, { status: "error", message: next.problem, retryable: false });
      return;
    }
    if (sameAnswer(next.value, state.saved) && state.version > 0) {
      backups.remove(applicationId, questionId);
      if (state.status === "error") setAnswers(questionId, { status: "saved", message: "" });
      return;
    }
    if (state.version === 0 && isEmptyAnswer(next.value)) {
      backups.remove(applicationId, questionId);
      if (state.status === "error") setAnswers(questionId, { status: "idle", message: "" });
      return;
    }
    setAnswers(questionId, { status: "saving", message: "" });
    try {
      const result = await api.application.saveAnswer.mutate({
        ...key,
        questionId,
        value: next.value,
        version: state.version,
      });
      setAnswers(questionId, { version: result.version, saved: result.value, status: "saved" });
      // The form's cached copy is read when the form opens again, so it must hold this save too.
      queryClient.setQueryData(queries.applicationForm(siteId, organisationId, applicationId).queryKey, (cached) =>
        cached
          ? {
              ...cached,
              answers: [
                ...cached.answers.filter((answer) => answer.questionId !== questionId),
                { questionId, value: result.value, version: result.version, updatedAt: new Date().toISOString() },
              ],
            }
          : cached,
      );
      const latest = answerFor(question, (answers[questionId] as AnswerState).typed);
      if ("value" in latest && sameAnswer(latest.value, result.value)) backups.remove(applicationId, questionId);
      else backups.write(applicationId, questionId, (answers[questionId] as AnswerState).typed, result.version);
      if (!isEmptyAnswer(result.value)) setSendErrors(questionId, undefined);
    } catch (error) {
      const conflict = errorCode(error) === "CONFLICT";
      setAnswers(questionId, {
        status: "error",
        conflict,
        // Answers locked by sending cannot be saved by trying again.
        retryable: !conflict && errorCode(error) !== "PRECONDITION_FAILED" && retryCanHelp(error),
        message: conflict
          ? errorMessage(error)
          : `${errorMessage(error)} What you typed is kept on this device until it is saved.`,
      });
    }
  }

  function type(questionId: string, typed: Typed) {
    const state = answers[questionId] as AnswerState;
    setAnswers(questionId, { typed });
    backups.write(applicationId, questionId, typed, state.version);
  }

  /** Reads the answer saved now, so the person can compare it with theirs. */
  async function showSaved(questionId: string) {
    const fresh = await props.refetch();
    const answer = fresh?.answers.find((candidate) => candidate.questionId === questionId);
    setAnswers(questionId, { theirs: { value: answer?.value ?? null, version: answer?.version ?? 0 } });
  }

  function keepMine(questionId: string) {
    const theirs = (answers[questionId] as AnswerState).theirs;
    if (!theirs) return;
    setAnswers(questionId, { version: theirs.version, saved: theirs.value, conflict: false, theirs: null });
    save(questionId);
  }

  function useSaved(questionId: string) {
    const theirs = (answers[questionId] as AnswerState).theirs;
    const question = questionById.get(questionId) as Question;
    if (!theirs) return;
    setAnswers(questionId, {
      typed: typedOf(question, theirs.value),
      version: theirs.version,
      saved: theirs.value,
      conflict: false,
      theirs: null,
      status: "saved",
      message: "",
    });
    backups.remove(applicationId, questionId);
  }

  onMount(() => {
    for (const questionId of restored) save(questionId);
  });

  // Leaving the page saves what is waiting; closing the tab with words unsaved asks first.
  const unsaved = () =>
    [...savers.values()].some((saver) => saver.timer || saver.running) ||
    Object.values(answers).some((state) => state.status === "error");
  const warn = (event: BeforeUnloadEvent) => {
    if (unsaved()) event.preventDefault();
  };
  window.addEventListener("beforeunload", warn);
  onCleanup(() => {
    window.removeEventListener("beforeunload", warn);
    for (const [questionId, saver] of savers) if (saver.timer) save(questionId);
  });

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
  const [sendErrors, setSendErrors] = createStore<Record<string, string | undefined>>({});
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
      await Promise.all(questions.map((question) => save(question.questionId)));
      const notSaved = questions.filter((question) => answers[question.questionId]?.status === "error");
      if (notSaved.length) {
        setProblems(notSaved.map((question) => problemAt(question, "this answer is not saved yet.")));
        return;
      }
      await api.application.submit.mutate({ ...key, version: props.form.application.version });
      backups.clear(applicationId);
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
                  question={question}
                  number={numberOf.get(question.questionId) ?? 0}
                  state={answers[question.questionId] as AnswerState}
                  easyRead={easyReadFor(question.questionId)}
                  onEasyRead={(on) => setOverrides((all) => ({ ...all, [question.questionId]: on }))}
                  sendError={sendErrors[question.questionId]}
                  onType={(typed) => {
                    type(question.questionId, typed);
                    saveSoon(question.questionId);
                  }}
                  onChoose={(typed) => {
                    type(question.questionId, typed);
                    save(question.questionId);
                  }}
                  onBlur={() => save(question.questionId)}
                  onShowSaved={() => showSaved(question.questionId)}
                  onKeepMine={() => keepMine(question.questionId)}
                  onUseSaved={() => useSaved(question.questionId)}
                  onRetry={() => save(question.questionId)}
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

/** An application that can no longer change: where it is, what happens next, and what was sent. */
function SentApplication(props: { form: ApplicationForm; siteName: string; justSent: boolean }) {
  const application = () => props.form.application;
  const stage = () => props.form.process.definition.stages.find((s) => s.stageId === application().stageId);
  const easyRead = easyReadPreferred;
  let confirmation: HTMLDivElement | undefined;
  onMount(() => {
    if (props.justSent) confirmation?.focus();
    if (application().status !== "draft") backups.clear(application().applicationId);
  });

  return (
    <>
      <Show when={props.justSent}>
        <div ref={confirmation} class="notice notice-success sent-confirmation" tabindex="-1">
          <h2>Your application has been sent</h2>
          <p>Thank you. {props.siteName}'s team will read it. You can see below where it is and what happens next.</p>
        </div>
      </Show>
      <Switch>
        <Match when={application().status === "submitted"}>
          <p>
            You sent this application on {formatDate(application().submittedAt ?? application().stageEnteredAt)}. Its
            answers can no longer be changed.
          </p>
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
      <h2>Your answers</h2>
      <For each={props.form.process.definition.pages}>
        {(page) => {
          const answerOf = (questionId: string) =>
            props.form.answers.find((answer) => answer.questionId === questionId)?.value;
          return (
            <section class="card check-page" aria-labelledby={`page-${page.pageId}`}>
              <h3 id={`page-${page.pageId}`}>{wordingIn(page.title, easyRead())}</h3>
              <dl class="check-answers">
                <For each={page.questions}>
                  {(question) => (
                    <div class="check-answer">
                      <dt>{wordingIn(question.wording, easyRead())}</dt>
                      <dd>
                        <p class="answer-text" classList={{ muted: isEmptyAnswer(answerOf(question.questionId)) }}>
                          {answerText(question, answerOf(question.questionId), easyRead())}
                        </p>
                      </dd>
                    </div>
                  )}
                </For>
              </dl>
            </section>
          );
        }}
      </For>
    </>
  );
}
