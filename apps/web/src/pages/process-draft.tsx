import type { RouterInputs, RouterOutputs } from "@smallsupports/api";
import { createMutation, type QueryClient, useQueryClient } from "@tanstack/solid-query";
import { createContext, type JSX, useContext } from "solid-js";
import { errorCode, errorMessage } from "../api/client";
import { afterProcessConflict, afterProcessEdit } from "../api/queries";

/** The draft of a site's approval process, and the parts of its definition. */
export type Draft = RouterOutputs["process"]["draft"];
export type Definition = Draft["definition"];
export type ProcessPage = Definition["pages"][number];
export type ProcessQuestion = ProcessPage["questions"][number];
export type Stage = Definition["stages"][number];
export type Criterion = Definition["criteria"][number];
export type ScalePoint = Definition["scale"][number];
export type Settings = Definition["settings"];
export type Wording = { plain: string; easyRead: string };
export type QuestionInput = RouterInputs["process"]["saveQuestion"]["question"];

/** What every part of the process editor shares: the draft, whether the viewer edits, and the page's live line. */
export interface ProcessEditorView {
  siteId: string;
  draft: () => Draft;
  /** The project lead edits; the team only reads. */
  canEdit: boolean;
  /** Says something in the page's live region (read out without moving focus); "problem" when a change failed. */
  announce: (message: string, tone?: "done" | "problem") => void;
}

const ProcessEditorContext = createContext<ProcessEditorView>();

export function ProcessEditorProvider(props: { value: ProcessEditorView; children: JSX.Element }) {
  return <ProcessEditorContext.Provider value={props.value}>{props.children}</ProcessEditorContext.Provider>;
}

export function useProcessEditor(): ProcessEditorView {
  const view = useContext(ProcessEditorContext);
  if (!view) throw new Error("The parts of the process editor are shown only inside the process editor.");
  return view;
}

/** Codes that mean the draft moved on under the editor: it needs the latest before trying again. */
const staleCodes = ["CONFLICT", "NOT_FOUND"];

/**
 * One kind of edit to the draft. It is sent with the draft version the editor last saw; the new
 * draft it answers with goes straight into the cache. If someone else changed the draft first,
 * the server's message is read out and the latest draft fetched, while whatever the person typed
 * stays where it is (a dialog or form keeps its own copy), so they can look again and save.
 */
export function createDraftEdit<Variables>(options: {
  send: (variables: Variables, key: { siteId: string; version: number }) => Promise<Draft>;
  /** What to say once it is saved. */
  saved: (variables: Variables, draft: Draft) => string;
  onSaved?: (variables: Variables, draft: Draft) => void;
  /** What else the change makes stale; by default the draft is cached and the activity refetched. */
  after?: (queryClient: QueryClient, siteId: string, draft: Draft) => Promise<unknown>;
}) {
  const editor = useProcessEditor();
  const queryClient = useQueryClient();
  return createMutation(() => ({
    mutationFn: (variables: Variables) =>
      options.send(variables, { siteId: editor.siteId, version: editor.draft().version }),
    onSuccess: async (draft: Draft, variables: Variables) => {
      editor.announce(options.saved(variables, draft));
      options.onSaved?.(variables, draft);
      await (options.after ?? afterProcessEdit)(queryClient, editor.siteId, draft);
    },
    onError: async (error: unknown) => {
      if (!staleCodes.includes(errorCode(error) ?? "")) return;
      editor.announce(`${errorMessage(error)} This page now shows the latest version of the process.`, "problem");
      await afterProcessConflict(queryClient, editor.siteId);
    },
  }));
}

/** Wording sent back as it was: only the two strings, whatever else the draft carried. */
export const wordingOf = (wording: Wording): Wording => ({ plain: wording.plain, easyRead: wording.easyRead });

export const emptyWording = (): Wording => ({ plain: "", easyRead: "" });
