import { createSignal, Show } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { createDraftEdit, type Settings, useProcessEditor, wordingOf } from "./process-draft";
import { ConflictChoice, ProcessSection } from "./process-section";
import { WordingFields, wordingErrors, wordingLinks } from "./process-wording-fields";

// The server's limits (packages/core/src/process-definition.ts).
const lookingForLimit = 800;
const minReviewers = 1;
const maxReviewers = 10;

const ids = {
  reviewers: "settings-reviewers",
  blind: "settings-blind-review",
  lookingFor: "settings-looking-for",
};

const blindReviewHint =
  "Used when the panel reviews: once each expert has said whether they have a conflict of interest, the organisation's name is hidden from them, so they score what is written.";

/** How the panel reviews, and what the site tells providers it looks for. */
export function ProcessSettings() {
  const editor = useProcessEditor();
  const [editing, setEditing] = createSignal(false);
  // Kept as typed, so a half-typed number is not turned into something else under the person's fingers.
  const [reviewers, setReviewers] = createSignal("");
  const [blindReview, setBlindReview] = createSignal(false);
  const [lookingFor, setLookingFor] = createSignal({ plain: "", easyRead: "" });

  const save = createDraftEdit({
    send: (settings: Settings, key) => api.process.saveSettings.mutate({ ...key, settings }),
    saved: () => "The review settings are saved.",
    onSaved: () => setEditing(false),
  });
  const errors = () => fieldErrors(save.error);
  const reviewersError = () => errors()["settings.reviewersPerApplication"];

  function edit() {
    const settings = editor.draft().definition.settings;
    setReviewers(String(settings.reviewersPerApplication));
    setBlindReview(settings.blindReview);
    setLookingFor(wordingOf(settings.lookingFor));
    save.reset();
    setEditing(true);
  }

  const settings = () => editor.draft().definition.settings;

  return (
    <ProcessSection
      id="process-settings"
      title="Review settings"
      editLabel="Change the settings"
      editing={editing()}
      onEdit={edit}
      intro={<p>How many people review each application, whether they see who wrote it, and what you look for.</p>}
      form={
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const typed = reviewers().trim();
            save.mutate({
              reviewersPerApplication: typed === "" ? Number.NaN : Number(typed),
              blindReview: blindReview(),
              lookingFor: lookingFor(),
            });
          }}
        >
          <ErrorSummary
            error={save.error}
            fields={{
              "settings.reviewersPerApplication": ids.reviewers,
              "settings.blindReview": ids.blind,
              ...wordingLinks("settings.lookingFor", ids.lookingFor),
            }}
          />
          <ConflictChoice error={save.error}>
            Save again to replace the settings with yours, or cancel to see the latest.
          </ConflictChoice>
          <div class="field">
            <label class="field-label" for={ids.reviewers}>
              Reviewers per application
            </label>
            <p id={`${ids.reviewers}-hint`} class="field-hint">
              How many panel members score each application: a whole number from {minReviewers} to {maxReviewers}.
            </p>
            <Show when={reviewersError()}>
              <p id={`${ids.reviewers}-error`} class="field-error">
                {reviewersError()}
              </p>
            </Show>
            <input
              id={ids.reviewers}
              class="input input-number"
              type="number"
              inputmode="numeric"
              min={minReviewers}
              max={maxReviewers}
              step={1}
              value={reviewers()}
              onInput={(event) => setReviewers(event.currentTarget.value)}
              aria-invalid={reviewersError() ? "true" : undefined}
              aria-describedby={[`${ids.reviewers}-hint`, reviewersError() && `${ids.reviewers}-error`]
                .filter(Boolean)
                .join(" ")}
            />
          </div>
          <div class="field">
            <label class="checkbox">
              <input
                id={ids.blind}
                type="checkbox"
                checked={blindReview()}
                onChange={(event) => setBlindReview(event.currentTarget.checked)}
                aria-describedby={`${ids.blind}-hint`}
              />
              <span>
                <span class="radio-label">Blind review</span>
                <span id={`${ids.blind}-hint`} class="field-hint">
                  {blindReviewHint}
                </span>
              </span>
            </label>
          </div>
          <WordingFields
            id={ids.lookingFor}
            legend="What you look for in a provider"
            hint="Shown on the public page of sites open to applications, so providers can tell whether to apply."
            value={lookingFor()}
            onChange={setLookingFor}
            maxLength={lookingForLimit}
            multiline
            errors={wordingErrors(errors(), "settings.lookingFor")}
          />
          <FormActions
            label="Save settings"
            busyLabel="Saving…"
            busy={save.isPending}
            onCancel={() => setEditing(false)}
          />
        </form>
      }
    >
      <dl class="process-facts">
        <div>
          <dt>Reviewers per application</dt>
          <dd>{settings().reviewersPerApplication}</dd>
        </div>
        <div>
          <dt>Blind review</dt>
          <dd>
            {settings().blindReview
              ? "On: experts do not see the organisation's name once they have declared any conflict of interest."
              : "Off: experts see the organisation's name."}
          </dd>
        </div>
        <div>
          <dt>What you look for</dt>
          <dd>
            <p>{settings().lookingFor.plain}</p>
            <p class="easy-read-line">Easy read: {settings().lookingFor.easyRead}</p>
          </dd>
        </div>
      </dl>
    </ProcessSection>
  );
}
