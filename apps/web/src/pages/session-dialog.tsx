import {
  accessFeatureLabels,
  accessFeatures,
  type SessionFormat,
  type SessionKind,
  sessionKinds,
  sessionLimits,
} from "@smallsupports/core/cohort-shape";
import { createMutation, useQueryClient } from "@tanstack/solid-query";
import { createEffect, For, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { errorCode, fieldErrors } from "../api/client";
import type { FocusFallback } from "../ui/dialog-focus";
import { ErrorSummary } from "../ui/error-summary";
import { describedByError, FieldFrame } from "../ui/field-frame";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { TextField } from "../ui/text-field";
import type { SessionHost } from "./session-host";
import { type Session, sessionKindLabels } from "./session-labels";

interface SessionDraft {
  kind: SessionKind;
  title: string;
  description: string;
  easyRead: string;
  day: string;
  startTime: string;
  endTime: string;
  format: SessionFormat;
  place: string;
  stepFree: boolean;
  hearingLoop: boolean;
  quietRoom: boolean;
  link: string;
  audience: string;
  capacity: string;
  reason: string;
}

const emptyDraft: SessionDraft = {
  kind: "networking",
  title: "",
  description: "",
  easyRead: "",
  day: "",
  startTime: "10:00",
  endTime: "12:00",
  format: "in-person",
  place: "",
  stepFree: false,
  hearingLoop: false,
  quietRoom: false,
  link: "",
  audience: "Everyone in the cohort",
  capacity: "20",
  reason: "",
};

const draftOf = (session: Session | null): SessionDraft =>
  session
    ? {
        kind: session.kind,
        title: session.title,
        description: session.description,
        easyRead: session.easyRead,
        day: session.day,
        startTime: session.startTime,
        endTime: session.endTime,
        format: session.format,
        place: session.place,
        stepFree: session.stepFree,
        hearingLoop: session.hearingLoop,
        quietRoom: session.quietRoom,
        link: session.link,
        audience: session.audience,
        capacity: String(session.capacity),
        reason: "",
      }
    : { ...emptyDraft };

/**
 * The ids of the form's inputs, by the names the API gives its problems: "session.title" for a
 * field it refuses outright, "startTime" for a time the service refuses (one the clocks skip).
 */
const fieldIds: Record<string, string> = {
  "session.kind": "session-kind-networking",
  "session.title": "session-title",
  "session.description": "session-description",
  "session.easyRead": "session-easy-read",
  "session.day": "session-day",
  day: "session-day",
  "session.startTime": "session-start",
  startTime: "session-start",
  "session.endTime": "session-end",
  endTime: "session-end",
  "session.format": "session-format-in-person",
  "session.place": "session-place",
  "session.link": "session-link",
  "session.audience": "session-audience",
  "session.capacity": "session-capacity",
  capacity: "session-capacity",
  reason: "session-reason",
};

/**
 * Scheduling a session, or changing one (`session` set). A change needs a reason, which is sent
 * to everyone with a place or waiting; it names the version the person opened, so someone else's
 * change is never overwritten.
 */
export function SessionDialog(props: {
  host: SessionHost;
  session: Session | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (session: Session, message: string) => void;
  returnFocusTo?: FocusFallback;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = createStore<SessionDraft>({ ...emptyDraft });
  createEffect(
    on(
      () => props.open,
      (open) => open && setDraft(draftOf(props.session)),
    ),
  );

  const save = createMutation(() => ({
    mutationFn: () => {
      const { reason, capacity, ...fields } = draft;
      const session = { ...fields, capacity: Number(capacity.trim() || Number.NaN) };
      return props.session ? props.host.update(props.session, session, reason) : props.host.create(session);
    },
    onSuccess: (session) => {
      props.host.afterChange(queryClient, session);
      props.onSaved(
        session,
        props.session
          ? `“${session.title}” is changed. Everyone with a place or waiting has been told why.`
          : `“${session.title}” is scheduled.`,
      );
      close();
    },
    onError: (error) => {
      if (errorCode(error) === "CONFLICT") props.host.afterChange(queryClient);
    },
  }));

  function close() {
    save.reset();
    props.onOpenChange(false);
  }

  const errors = () => fieldErrors(save.error);
  const problem = (field: string) => errors()[`session.${field}`] ?? errors()[field];

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={
        props.session
          ? props.host.national
            ? "Change this event"
            : "Change this session"
          : props.host.national
            ? "Schedule a national event"
            : "Schedule a session"
      }
      description={
        props.host.national
          ? "Times are UK times. Every site's cohort can see the event once it is saved."
          : "Times are UK times. Everyone in the cohort can see the session once it is saved."
      }
      returnFocusTo={props.returnFocusTo}
    >
      <form
        class="form session-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ErrorSummary error={save.error} fields={fieldIds} />
        <Show when={errorCode(save.error) === "CONFLICT"}>
          <div class="notice notice-info">
            <p>
              Someone else changed this session while you had it open. Close this form and open it again to see their
              change; your words here are not saved.
            </p>
          </div>
        </Show>
        <fieldset class="field">
          <legend class="field-label">What kind of session</legend>
          <div class="radios">
            <For each={sessionKinds}>
              {(kind) => (
                <label class="radio">
                  <input
                    id={`session-kind-${kind}`}
                    type="radio"
                    name="session-kind"
                    checked={draft.kind === kind}
                    onChange={() => setDraft({ kind })}
                  />
                  <span class="radio-label">{sessionKindLabels[kind]}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <TextField
          id="session-title"
          name="title"
          label="Title"
          hint="Like “Recruiting support workers together”."
          maxLength={120}
          required
          value={draft.title}
          onChange={(title) => setDraft({ title })}
          error={problem("title")}
        />
        <TextField
          id="session-description"
          name="description"
          label="What happens at it"
          maxLength={3000}
          multiline
          required
          value={draft.description}
          onChange={(description) => setDraft({ description })}
          error={problem("description")}
        />
        <TextField
          id="session-easy-read"
          name="easyRead"
          label="The same in easy read"
          hint="Short sentences, one idea each."
          maxLength={2000}
          multiline
          required
          value={draft.easyRead}
          onChange={(easyRead) => setDraft({ easyRead })}
          error={problem("easyRead")}
        />
        <div class="session-time-fields">
          <TimeInput
            id="session-day"
            type="date"
            label="Day"
            value={draft.day}
            error={problem("day")}
            onInput={(day) => setDraft({ day })}
          />
          <TimeInput
            id="session-start"
            type="time"
            label="Starts (UK time)"
            value={draft.startTime}
            error={problem("startTime")}
            onInput={(startTime) => setDraft({ startTime })}
          />
          <TimeInput
            id="session-end"
            type="time"
            label="Ends (UK time)"
            value={draft.endTime}
            error={problem("endTime")}
            onInput={(endTime) => setDraft({ endTime })}
          />
        </div>
        <fieldset class="field">
          <legend class="field-label">Where</legend>
          <div class="radios">
            <label class="radio">
              <input
                id="session-format-in-person"
                type="radio"
                name="session-format"
                checked={draft.format === "in-person"}
                onChange={() => setDraft({ format: "in-person" })}
              />
              <span class="radio-label">In person</span>
            </label>
            <label class="radio">
              <input
                id="session-format-online"
                type="radio"
                name="session-format"
                checked={draft.format === "online"}
                onChange={() => setDraft({ format: "online" })}
              />
              <span class="radio-label">Online</span>
            </label>
          </div>
        </fieldset>
        <Show
          when={draft.format === "in-person"}
          fallback={
            <TextField
              id="session-link"
              name="link"
              label="Link to join"
              hint="Starting https://"
              maxLength={500}
              value={draft.link}
              onChange={(link) => setDraft({ link: link.trim() })}
              error={problem("link")}
            />
          }
        >
          <TextField
            id="session-place"
            name="place"
            label="The place, with its address"
            maxLength={300}
            value={draft.place}
            onChange={(place) => setDraft({ place })}
            error={problem("place")}
          />
          <fieldset class="field">
            <legend class="field-label">What the place has</legend>
            <For each={accessFeatures}>
              {(feature) => (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={draft[feature]}
                    onChange={(event) => setDraft({ [feature]: event.currentTarget.checked })}
                  />
                  <span>{accessFeatureLabels[feature]}</span>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <TextField
          id="session-audience"
          name="audience"
          label="Who it is for"
          hint="Like “New providers” or “Everyone in the cohort”."
          maxLength={200}
          value={draft.audience}
          onChange={(audience) => setDraft({ audience })}
          error={problem("audience")}
        />
        <TextField
          id="session-capacity"
          name="capacity"
          label="How many places"
          hint={`Up to ${sessionLimits.capacity}. When it is full, people can join a waiting list of up to ${sessionLimits.waiting}.`}
          numeric
          value={draft.capacity}
          onChange={(capacity) => setDraft({ capacity: capacity.replace(/\D/g, "") })}
          error={problem("capacity")}
        />
        <Show when={props.session}>
          <TextField
            id="session-reason"
            name="reason"
            label="Why it is changing"
            hint="This is sent to everyone with a place or on the waiting list."
            maxLength={500}
            multiline
            required
            value={draft.reason}
            onChange={(reason) => setDraft({ reason })}
            error={problem("reason")}
          />
        </Show>
        <FormActions
          label={props.session ? "Save and tell everyone" : "Schedule session"}
          busyLabel="Saving…"
          busy={save.isPending}
          onCancel={close}
        />
      </form>
    </Modal>
  );
}

/** A date or time box with its label and error, the browser's own picker behind it. */
function TimeInput(props: {
  id: string;
  type: "date" | "time";
  label: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
}) {
  return (
    <FieldFrame id={props.id} label={props.label} error={props.error}>
      <input
        id={props.id}
        class="input input-date"
        type={props.type}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        {...describedByError(props.id, props.error)}
      />
    </FieldFrame>
  );
}
