import { useQueryClient } from "@tanstack/solid-query";
import { onCleanup, onMount, untrack } from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorCode, errorMessage, retryCanHelp } from "../api/client";
import { queries } from "../api/queries";
import {
  type AnswerState,
  type ApplicationForm,
  answerFor,
  isEmptyAnswer,
  type Question,
  sameAnswer,
  type Typed,
  typedOf,
} from "./application-question";

/** How long after the last key press an answer saves. */
const typingPause = 1000;

const backupPrefix = (applicationId: string) => `smallsupports.unsaved.${applicationId}.`;

/**
 * What a person typed and has not saved yet is kept in this browser too, until it is saved, so a
 * closed tab, a dropped connection or an expired sign-in never loses their words.
 */
export const backups = {
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

/**
 * The answers a person may change, each saving on its own as they type: a draft's every question,
 * or the questions a request for more information opens again. Call it inside a component: it
 * saves what is waiting when the component goes, and asks before a tab closes with words unsaved.
 */
export function createAnswers(options: {
  form: ApplicationForm;
  /** The questions that can be changed and saved. */
  questions: Question[];
  /** Reads the application again, to compare a colleague's answer with the person's. */
  refetch: () => Promise<ApplicationForm | undefined>;
  /** After an answer with something in it saves: a "needs an answer" message can go. */
  onAnswered: (questionId: string) => void;
}) {
  const queryClient = useQueryClient();
  const { siteId, organisationId, applicationId } = untrack(() => options.form.application);
  const key = { siteId, organisationId, applicationId };
  const questionById = new Map(options.questions.map((question) => [question.questionId, question]));
  const savedAnswers = untrack(() => options.form.answers);

  const restored: string[] = [];
  const [answers, setAnswers] = createStore<Record<string, AnswerState>>(
    Object.fromEntries(
      options.questions.map((question) => {
        const saved = savedAnswers.find((answer) => answer.questionId === question.questionId);
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
      if (!isEmptyAnswer(result.value)) options.onAnswered(questionId);
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
    const fresh = await options.refetch();
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

  /** Saves everything waiting, then names the questions whose answers are still not saved. */
  async function saveAll(): Promise<Question[]> {
    await Promise.all(options.questions.map((question) => save(question.questionId)));
    return options.questions.filter((question) => answers[question.questionId]?.status === "error");
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

  /** What a question's field needs to show and save its answer. */
  const fieldOf = (questionId: string) => ({
    state: answers[questionId] as AnswerState,
    onType: (typed: Typed) => {
      type(questionId, typed);
      saveSoon(questionId);
    },
    onChoose: (typed: Typed) => {
      type(questionId, typed);
      save(questionId);
    },
    onBlur: () => save(questionId),
    onShowSaved: () => showSaved(questionId),
    onKeepMine: () => keepMine(questionId),
    onUseSaved: () => useSaved(questionId),
    onRetry: () => save(questionId),
  });

  return {
    answers,
    /** Questions whose unsaved words came back from this browser, being saved now. */
    restored,
    fieldOf,
    saveAll,
    clearBackups: () => backups.clear(applicationId),
  };
}

export type Answers = ReturnType<typeof createAnswers>;
