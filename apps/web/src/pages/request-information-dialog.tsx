import { createMutation } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { api, errorCode, fieldErrors } from "../api/client";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";
import type { ApplicationReview } from "./board-parts";

// The server's limits (packages/core/src/information-request.ts).
const messageLimit = 3000;
const questionLimit = 10;

const ids = { questionIds: "request-questions", message: "request-message" };

/**
 * The lead asks the provider for more on named questions of a sent application. Those questions
 * open again to the provider, who answers them in place and sends the application back. When
 * someone changed the application first, `onConflict` fetches it again so the next try names its
 * new version.
 */
export function RequestInformationDialog(props: {
  open: boolean;
  review: ApplicationReview;
  organisationName: string;
  onClose: () => void;
  onRequested: () => Promise<void>;
  onConflict: () => Promise<unknown>;
  returnFocusTo?: FocusFallback;
}) {
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [message, setMessage] = createSignal("");
  const application = () => props.review.application;
  const pages = () => props.review.process.definition.pages.filter((page) => page.questions.length > 0);

  const request = createMutation(() => ({
    mutationFn: () =>
      api.decision.requestInformation.mutate({
        siteId: application().siteId,
        organisationId: application().organisationId,
        applicationId: application().applicationId,
        version: application().version,
        questionIds: chosen(),
        message: message(),
      }),
    onSuccess: async () => {
      await props.onRequested();
      close();
    },
    onError: async (error) => {
      if (errorCode(error) === "CONFLICT") await props.onConflict();
    },
  }));

  function close() {
    request.reset();
    setChosen([]);
    setMessage("");
    props.onClose();
  }

  function toggle(questionId: string, on: boolean) {
    setChosen((before) => (on ? [...before, questionId] : before.filter((id) => id !== questionId)));
  }

  const errors = () => fieldErrors(request.error);
  // The first checkbox carries the group's id, so the error summary's link lands in the list.
  const firstQuestionId = () => pages()[0]?.questions[0]?.questionId;

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && close()}
      title="Ask for more information"
      description={
        <>
          We email <bdi>{props.organisationName}</bdi> to say you have asked. The questions you choose open again for
          them to answer; the rest stay as they are. They send the application back when they are done.
        </>
      }
      returnFocusTo={props.returnFocusTo}
    >
      <form
        class="form request-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          request.mutate();
        }}
      >
        <ErrorSummary error={request.error} fields={ids} />
        <fieldset
          class="field"
          aria-describedby={
            errors().questionIds ? `${ids.questionIds}-hint ${ids.questionIds}-error` : `${ids.questionIds}-hint`
          }
        >
          <legend class="field-label">Which questions should they answer again?</legend>
          <span id={`${ids.questionIds}-hint`} class="field-hint">
            Choose up to {questionLimit}. {chosen().length} chosen.
          </span>
          <Show when={errors().questionIds}>
            <p id={`${ids.questionIds}-error`} class="field-error">
              {errors().questionIds}
            </p>
          </Show>
          <For each={pages()}>
            {(page) => (
              <div class="request-page">
                <p class="request-page-title">{page.title.plain}</p>
                <div class="radios">
                  <For each={page.questions}>
                    {(question) => (
                      <label class="checkbox">
                        <input
                          id={
                            question.questionId === firstQuestionId()
                              ? ids.questionIds
                              : `${ids.questionIds}-${question.questionId}`
                          }
                          type="checkbox"
                          checked={chosen().includes(question.questionId)}
                          onChange={(event) => toggle(question.questionId, event.currentTarget.checked)}
                        />
                        <span>{question.wording.plain}</span>
                      </label>
                    )}
                  </For>
                </div>
              </div>
            )}
          </For>
        </fieldset>
        <TextField
          id={ids.message}
          label="What would you like to know?"
          name="message"
          value={message()}
          onChange={setMessage}
          hint="Write to the provider, in plain words. Say what is missing or unclear in their answers."
          maxLength={messageLimit}
          error={errors().message}
          multiline
          required
        />
        <FormActions label="Send the request" busyLabel="Sending…" busy={request.isPending} onCancel={close} />
      </form>
    </Modal>
  );
}
