import { createEffect, type JSX, on, Show } from "solid-js";
import { errorCode } from "../api/client";
import { useProcessEditor } from "./process-draft";

/**
 * One part of the process (stages, criteria, scale, settings): read as it is in the draft, and
 * for the project lead changed in place. "Change" swaps the reading for a form holding its own
 * copy, so edits elsewhere in the draft never overwrite what the lead is typing. Focus goes to the
 * form's first field on opening and back to the "Change" button when it closes.
 */
export function ProcessSection(props: {
  id: string;
  title: string;
  intro: JSX.Element;
  editLabel: string;
  editing: boolean;
  onEdit: () => void;
  /** The part as it is in the draft. */
  children: JSX.Element;
  form: JSX.Element;
}) {
  const editor = useProcessEditor();
  let section!: HTMLElement;
  createEffect(
    on(
      () => props.editing,
      (editing) =>
        requestAnimationFrame(() => {
          const target = editing
            ? section.querySelector<HTMLElement>("form input, form select, form textarea")
            : document.getElementById(`${props.id}-edit`);
          target?.focus();
        }),
      { defer: true },
    ),
  );
  return (
    <section ref={section} id={props.id} class="process-section" aria-labelledby={`${props.id}-heading`}>
      <div class="section-heading">
        <h2 id={`${props.id}-heading`} tabindex="-1">
          {props.title}
        </h2>
        <Show when={editor.canEdit && !props.editing}>
          <button id={`${props.id}-edit`} type="button" class="button button-secondary" onClick={() => props.onEdit()}>
            {props.editLabel}
          </button>
        </Show>
      </div>
      <div class="process-intro">{props.intro}</div>
      <Show when={props.editing} fallback={props.children}>
        {props.form}
      </Show>
    </section>
  );
}

/**
 * Under a form's error summary when someone else changed the draft first: the form keeps what
 * this person typed, and `children` says what saving again would do.
 */
export function ConflictChoice(props: { error: unknown; children: JSX.Element }) {
  return (
    <Show when={errorCode(props.error) === "CONFLICT"}>
      <p class="notice notice-info">What you typed is still here. {props.children}</p>
    </Show>
  );
}
