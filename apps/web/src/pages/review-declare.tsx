import { useQueryClient } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { api, errorCode, errorMessage, fieldErrors } from "../api/client";
import { afterReviewChange, queries } from "../api/queries";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { type Problem, ProblemSummary } from "../ui/error-summary";
import { TextField } from "../ui/text-field";
import type { MyReview } from "./review-scores";

const question = "Do you know anyone at this organisation, or have any other reason you could not be fair?";
const noChoice = "Say whether you have a conflict of interest.";
const noReason = "Say briefly what the conflict of interest is, for the panel record.";

/**
 * Step 1: before any answer is shown, the reviewer says whether they have a conflict of interest.
 * The organisation's name is shown here even under blind review, so they can tell if they know
 * it. Having a conflict takes them off the application, so that choice is asked about first.
 */
export function DeclareStep(props: {
  review: MyReview;
  siteName: string;
  keys: { siteId: string; organisationId: string; applicationId: string };
}) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = createSignal<boolean | null>(null);
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<{ conflict?: string; reason?: string }>({});
  const [problems, setProblems] = createSignal<Problem[] | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [dialogError, setDialogError] = createSignal<unknown>(null);

  function check(): boolean {
    const found: { conflict?: string; reason?: string } = {};
    if (conflict() === null) found.conflict = noChoice;
    else if (conflict() && reason().trim().length < 3) found.reason = noReason;
    setErrors(found);
    const list: Problem[] = [];
    if (found.conflict) list.push({ message: found.conflict, targetId: "conflict-none" });
    if (found.reason) list.push({ message: found.reason, targetId: "conflict-reason" });
    setProblems(list.length ? list : null);
    return list.length === 0;
  }

  async function declare() {
    setBusy(true);
    setDialogError(null);
    try {
      const result = await api.review.declare.mutate({
        ...props.keys,
        version: props.review.version,
        conflict: conflict() === true,
        reason: conflict() ? reason().trim() : undefined,
      });
      setConfirming(false);
      queryClient.setQueryData(
        queries.myReview(props.keys.siteId, props.keys.organisationId, props.keys.applicationId).queryKey,
        result,
      );
      await afterReviewChange(queryClient, props.keys.siteId, props.keys.organisationId, props.keys.applicationId);
    } catch (error) {
      if (confirming()) {
        setDialogError(error);
        return;
      }
      const byField = fieldErrors(error);
      if (byField.reason) {
        setErrors({ reason: byField.reason });
        setProblems([{ message: byField.reason, targetId: "conflict-reason" }]);
      } else {
        setProblems([{ message: errorMessage(error) }]);
      }
      // Declared in another tab a moment ago: show where the review is now.
      if (["CONFLICT", "PRECONDITION_FAILED"].includes(errorCode(error) ?? "")) {
        await queryClient.invalidateQueries({
          queryKey: queries.myReview(props.keys.siteId, props.keys.organisationId, props.keys.applicationId).queryKey,
        });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section class="card highlight declare-who" aria-labelledby="declare-who-heading">
        <h2 id="declare-who-heading">The application is from</h2>
        <p class="declare-organisation">
          <bdi>{props.review.organisationName}</bdi>
        </p>
        <p>
          Before you read it, tell us if anything could stop you being fair. This keeps the panel fair for everyone.
        </p>
        <Show when={props.review.blind}>
          <p class="notice notice-info">
            {props.siteName} uses blind review. After this step the organisation's name is hidden from you, and you
            score the answers only.
          </p>
        </Show>
      </section>

      <ProblemSummary problems={problems()} />

      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!check()) return;
          if (conflict()) setConfirming(true);
          else declare();
        }}
      >
        <fieldset class="field" aria-describedby={errors().conflict ? "conflict-error" : undefined}>
          <legend class="field-label declare-question">{question}</legend>
          <Show when={errors().conflict}>
            <p id="conflict-error" class="field-error">
              {errors().conflict}
            </p>
          </Show>
          <div class="radios">
            <label class="radio">
              <input
                id="conflict-none"
                type="radio"
                name="conflict"
                checked={conflict() === false}
                onChange={() => {
                  setConflict(false);
                  setErrors({});
                }}
              />
              <span>
                <span class="radio-label">No conflict</span>
                <span class="field-hint">I can review this application fairly.</span>
              </span>
            </label>
            <label class="radio">
              <input
                id="conflict-yes"
                type="radio"
                name="conflict"
                checked={conflict() === true}
                onChange={() => {
                  setConflict(true);
                  setErrors({});
                }}
              />
              <span>
                <span class="radio-label">I have a conflict</span>
                <span class="field-hint">I know someone there, or something else means I could not be fair.</span>
              </span>
            </label>
          </div>
        </fieldset>
        <Show when={conflict() === true}>
          <TextField
            id="conflict-reason"
            name="reason"
            label="What is the conflict?"
            hint="For example: I used to work with their manager. The panel record keeps this reason."
            value={reason()}
            onChange={setReason}
            error={errors().reason}
            maxLength={1000}
            multiline
            required
          />
        </Show>
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy()}>
            {busy() && !confirming() ? "Saving…" : "Confirm"}
          </button>
        </div>
      </form>

      <ConfirmDialog
        open={confirming()}
        title="Step back from this application?"
        confirmLabel="Yes, I have a conflict"
        busyLabel="Saving…"
        cancelLabel="Go back"
        tone="go"
        busy={busy()}
        error={dialogError()}
        onConfirm={declare}
        onCancel={() => {
          setConfirming(false);
          setDialogError(null);
        }}
      >
        You will not read or score this application. The panel record will list you as stepping back, with your reason.
        You cannot undo this.
      </ConfirmDialog>
    </>
  );
}
