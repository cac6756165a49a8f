import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal, Match, Show, Switch } from "solid-js";
import { api, errorCode, fieldErrors } from "../api/client";
import { formatDateTime } from "../api/labels";
import { afterReviewChange, queries } from "../api/queries";
import { ErrorSummary, focusWhenShown } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/text-field";
import type { Panel } from "./panel-scores";
import "../styles/panel.css";

// The server's limits (packages/core/src/review.ts).
const textLimit = 5000;

const ids = { agreedView: "panel-agreed-view", feedback: "panel-feedback" };

/**
 * The panel's agreed view and its feedback for the provider, which the decision letter carries.
 * The lead writes it once every review still expected is in (and changes it until the decision);
 * the team reads it.
 */
export function PanelRecord(props: {
  panel: Panel;
  siteId: string;
  organisationId: string;
  applicationId: string;
  /** The lead, on an application the panel has not decided yet. */
  mayRecord: boolean;
}) {
  const queryClient = useQueryClient();
  const record = () => props.panel.record;
  const [editing, setEditing] = createSignal(false);
  const [agreedView, setAgreedView] = createSignal("");
  const [feedback, setFeedback] = createSignal("");
  const [notice, setNotice] = createSignal<string | null>(null);

  const ready = () => props.panel.waiting.length === 0 && props.panel.reviewers.length > 0;
  const writing = () => props.mayRecord && ready() && (editing() || !record());

  const save = createMutation(() => ({
    mutationFn: () =>
      api.review.recordPanel.mutate({
        siteId: props.siteId,
        organisationId: props.organisationId,
        applicationId: props.applicationId,
        version: record()?.version ?? 0,
        agreedView: agreedView(),
        feedback: feedback(),
      }),
    onSuccess: async (panel) => {
      queryClient.setQueryData(queries.panel(props.siteId, props.organisationId, props.applicationId).queryKey, panel);
      setEditing(false);
      setNotice("The panel's view and feedback have been saved.");
      focusWhenShown("panel-record-heading");
      await afterReviewChange(queryClient, props.siteId, props.organisationId, props.applicationId);
    },
    onError: async (error) => {
      if (errorCode(error) === "CONFLICT") {
        await queryClient.invalidateQueries({
          queryKey: queries.panel(props.siteId, props.organisationId, props.applicationId).queryKey,
        });
      }
    },
  }));

  function startEditing() {
    setAgreedView(record()?.agreedView ?? "");
    setFeedback(record()?.feedback ?? "");
    setNotice(null);
    setEditing(true);
    focusWhenShown(ids.agreedView);
  }

  function cancel() {
    save.reset();
    setEditing(false);
    focusWhenShown("panel-record-heading");
  }

  const errors = () => fieldErrors(save.error);
  const stillToCome = () => props.panel.waiting.length;

  return (
    <section aria-labelledby="panel-record-heading" class="card review-section">
      <div class="section-heading">
        <h3 id="panel-record-heading" tabindex="-1" class="panel-focus-heading">
          The panel's agreed view and feedback
        </h3>
        <Show when={props.mayRecord && ready() && record() && !editing()}>
          <button type="button" class="button button-secondary" onClick={startEditing}>
            Change them
          </button>
        </Show>
      </div>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <Switch>
        <Match when={writing()}>
          <form
            class="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate();
            }}
          >
            <ErrorSummary error={save.error} fields={ids} />
            <TextField
              id={ids.agreedView}
              label="The panel's agreed view"
              name="agreedView"
              value={agreedView()}
              onChange={setAgreedView}
              hint="What the panel agreed when it met, in a few sentences. The site team reads this."
              maxLength={textLimit}
              error={errors().agreedView}
              multiline
              required
            />
            <TextField
              id={ids.feedback}
              label="Feedback for the provider"
              name="feedback"
              value={feedback()}
              onChange={setFeedback}
              hint="This goes in the decision letter. Write to the provider, in plain words: what is strong and what to work on."
              maxLength={textLimit}
              error={errors().feedback}
              multiline
              required
            />
            <Show
              when={record()}
              fallback={
                <div class="form-actions">
                  <button type="submit" class="button" disabled={save.isPending}>
                    {save.isPending ? "Saving…" : "Save the panel's view"}
                  </button>
                </div>
              }
            >
              <FormActions label="Save changes" busyLabel="Saving…" busy={save.isPending} onCancel={cancel} />
            </Show>
          </form>
        </Match>
        <Match when={record()}>
          {(saved) => (
            <>
              <dl class="review-list">
                <div class="review-fact">
                  <dt>The panel's agreed view</dt>
                  <dd class="review-text">{saved().agreedView}</dd>
                </div>
                <div class="review-fact">
                  <dt>Feedback for the provider</dt>
                  <dd class="review-text">{saved().feedback}</dd>
                </div>
              </dl>
              <p class="muted panel-recorded-at">
                Last saved <time datetime={saved().recordedAt}>{formatDateTime(saved().recordedAt)}</time>
              </p>
            </>
          )}
        </Match>
        <Match when={props.mayRecord && props.panel.reviewers.length === 0}>
          <p>You can write the panel's view once at least one review has been submitted.</p>
        </Match>
        <Match when={props.mayRecord && !ready()}>
          <p>
            You can write the panel's view once every review is in.{" "}
            {stillToCome() === 1 ? "1 review is still to come." : `${stillToCome()} reviews are still to come.`} If
            someone cannot review it, take them off the application.
          </p>
        </Match>
        <Match when={!record()}>
          <p class="muted">Not recorded yet. The project lead writes it once every review is in.</p>
        </Match>
      </Switch>
    </section>
  );
}
