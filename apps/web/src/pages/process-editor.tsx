import { may } from "@smallsupports/core/permissions";
import { useQuery } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { queries } from "../api/queries";
import { LiveStatus } from "../ui/live-status";
import { ErrorNotice, Loading } from "../ui/page-state";
import { ProcessCriteria } from "./process-criteria";
import { type Draft, ProcessEditorProvider } from "./process-draft";
import { ProcessPublishing } from "./process-publishing";
import { ProcessQuestions } from "./process-questions";
import { ProcessScale } from "./process-scale";
import { ProcessSettings } from "./process-settings";
import { ProcessStages } from "./process-stages";
import { useSiteView } from "./site-context";

/** The parts of the process, for the links at the top of the page. */
const parts = [
  { id: "process-questions", label: "Questions" },
  { id: "process-stages", label: "Stages" },
  { id: "process-criteria", label: "Criteria" },
  { id: "process-scale", label: "Scoring scale" },
  { id: "process-settings", label: "Review settings" },
];

/**
 * The site's Approval process tab: the draft of what providers are asked, the stages their
 * applications move through and how the panel scores them. The project lead changes and
 * publishes it; the team reads it.
 */
export default function ProcessEditor() {
  const site = useSiteView();
  const draft = useQuery(() => queries.processDraft(site.siteId));
  const canEdit = () => may(site.myRole, "editProcess");
  const [message, setMessage] = createSignal("");
  const [tone, setTone] = createSignal<"done" | "problem">("done");

  function announce(text: string, kind: "done" | "problem" = "done") {
    setTone(kind);
    // Cleared first, so the same words said twice are read out twice.
    setMessage("");
    requestAnimationFrame(() => setMessage(text));
  }

  return (
    <div class="process-editor">
      <Switch>
        <Match when={draft.isPending}>
          <h2>Approval process</h2>
          <Loading label="Loading the approval process…" />
        </Match>
        <Match when={draft.isError && !draft.data}>
          <h2>Approval process</h2>
          <ErrorNotice error={draft.error} retry={() => draft.refetch()} />
        </Match>
        <Match when={draft.data}>
          <ProcessEditorProvider
            value={{
              get siteId() {
                return site.siteId;
              },
              draft: () => draft.data as Draft,
              get canEdit() {
                return canEdit();
              },
              announce,
            }}
          >
            <Show when={!canEdit()}>
              <p class="notice notice-info">
                Only the project lead changes the approval process. You can read it here, as it is in the draft.
              </p>
            </Show>
            <ProcessPublishing siteName={site.siteName} myId={site.myId} />
            <nav class="process-nav" aria-label="Parts of the approval process">
              <ul>
                <For each={parts}>
                  {(part) => (
                    <li>
                      <a
                        href={`#${part.id}`}
                        onClick={(event) => {
                          // Focus the part's heading, which scrolls to it, without changing the address.
                          event.preventDefault();
                          document.getElementById(`${part.id}-heading`)?.focus();
                        }}
                      >
                        {part.label}
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
            <ProcessQuestions />
            <ProcessStages />
            <ProcessCriteria />
            <ProcessScale />
            <ProcessSettings />
          </ProcessEditorProvider>
        </Match>
      </Switch>
      {/* Always in the page, so what a change did is read out; it stays in view while the lead scrolls. */}
      <div class={`process-live ${message() ? `process-live-${tone()}` : "process-live-empty"}`}>
        <LiveStatus message={message()} class="process-live-message" />
        <Show when={message()}>
          <button type="button" class="icon-button" aria-label="Dismiss this message" onClick={() => setMessage("")}>
            <span aria-hidden="true">×</span>
          </button>
        </Show>
      </div>
    </div>
  );
}
