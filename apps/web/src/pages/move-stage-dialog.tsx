import { createMutation } from "@tanstack/solid-query";
import { createEffect, createSignal, For, Show } from "solid-js";
import { api, errorCode } from "../api/client";
import { formatDate } from "../api/labels";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { LiveStatus } from "../ui/live-status";
import { Modal } from "../ui/modal";
import type { BoardApplication, Stage } from "./board-parts";

const ids = { stageId: "move-stage" };

/**
 * Moves a sent application to another stage of its own process version. The first stage is the
 * provider's (writing the application), so it is never offered, nor the stage it is in now. When
 * someone else moved it first, the server's message shows here and `onConflict` fetches the
 * application again, so the dialog says where it is now and the next try uses the new version.
 */
export function MoveStageDialog(props: {
  open: boolean;
  application: BoardApplication;
  organisationName: string;
  stages: Stage[];
  onClose: () => void;
  onMoved: (stage: Stage) => Promise<void>;
  onConflict: () => Promise<unknown>;
}) {
  const [stageId, setStageId] = createSignal<string | null>(null);
  // After someone else moved it first, and it has been fetched again: where it is now, read out.
  const [whereNow, setWhereNow] = createSignal("");
  const choices = () => props.stages.filter((stage, index) => index > 0 && stage.stageId !== props.application.stageId);
  const stageName = (id: string) =>
    props.stages.find((stage) => stage.stageId === id)?.name.plain ?? "an earlier stage";
  // A choice that is no longer offered (someone else moved it there first) is not kept.
  createEffect(() => {
    const chosen = stageId();
    if (chosen && !choices().some((stage) => stage.stageId === chosen)) setStageId(null);
  });

  const move = createMutation(() => ({
    mutationFn: (target: Stage) =>
      api.application.moveStage.mutate({
        siteId: props.application.siteId,
        organisationId: props.application.organisationId,
        applicationId: props.application.applicationId,
        stageId: target.stageId,
        version: props.application.version,
      }),
    onSuccess: async (_moved, target) => {
      await props.onMoved(target);
      close();
    },
    onError: async (error) => {
      if (errorCode(error) !== "CONFLICT") return;
      await props.onConflict();
      setWhereNow(
        props.application.status === "submitted"
          ? `It is now in ${stageName(props.application.stageId)}. Choose again if it still needs to move.`
          : "",
      );
    },
  }));

  function close() {
    move.reset();
    setStageId(null);
    setWhereNow("");
    props.onClose();
  }

  const movable = () => props.application.status === "submitted";

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && close()}
      title={
        <>
          Move <bdi>{props.organisationName}</bdi>'s application
        </>
      }
      description={
        <>
          Now in: {stageName(props.application.stageId)}, since {formatDate(props.application.stageEnteredAt)}.
        </>
      }
    >
      <Show
        when={movable()}
        fallback={
          <>
            <ErrorSummary error={move.error} fields={ids} />
            <p>
              {props.application.status === "withdrawn"
                ? "This application has been withdrawn, so it cannot move."
                : "This application has not been sent yet, so it stays with the provider."}
            </p>
            <div class="form-actions">
              <button type="button" class="button button-secondary" onClick={close}>
                Close
              </button>
            </div>
          </>
        }
      >
        <form
          class="form"
          onSubmit={(event) => {
            event.preventDefault();
            const target = choices().find((stage) => stage.stageId === stageId());
            if (target) move.mutate(target);
          }}
        >
          <ErrorSummary error={move.error} fields={ids} />
          <LiveStatus message={whereNow()} class="move-where-now" />
          <fieldset class="field">
            <legend class="field-label">Move it to</legend>
            <p class="field-hint">Under each stage is what the provider reads while their application is there.</p>
            <div class="radios">
              <For each={choices()}>
                {(stage, index) => (
                  <label class="radio">
                    <input
                      id={index() === 0 ? ids.stageId : `${ids.stageId}-${stage.stageId}`}
                      type="radio"
                      name="move-stage"
                      value={stage.stageId}
                      checked={stageId() === stage.stageId}
                      onChange={() => setStageId(stage.stageId)}
                    />
                    <span>
                      <span class="radio-label">{stage.name.plain}</span>
                      <span class="field-hint">{stage.description.plain}</span>
                    </span>
                  </label>
                )}
              </For>
            </div>
          </fieldset>
          <FormActions
            label="Move application"
            busyLabel="Moving…"
            busy={move.isPending}
            disabled={stageId() === null}
            onCancel={close}
          />
        </form>
      </Show>
    </Modal>
  );
}
