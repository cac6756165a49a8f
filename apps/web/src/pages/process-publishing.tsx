import { A } from "@solidjs/router";
import { createMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api/client";
import { formatDateTime } from "../api/labels";
import { afterProcessPublished, afterSiteOpenChange, queries } from "../api/queries";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorNotice, Loading } from "../ui/page-state";
import { createDraftEdit, useProcessEditor } from "./process-draft";

const publishId = "process-publish";
const openingId = "process-opening";

/**
 * Where the draft stands: whether it is published and changed since, the button that publishes
 * it, whether the site is open to applications, and every version published so far.
 */
export function ProcessPublishing(props: { siteName: string; myId: string | undefined }) {
  const editor = useProcessEditor();
  const queryClient = useQueryClient();
  const site = useQuery(() => queries.site(editor.siteId));
  const versions = useQuery(() => queries.processVersions(editor.siteId));
  const [confirmingPublish, setConfirmingPublish] = createSignal(false);
  const [confirmingClose, setConfirmingClose] = createSignal(false);

  const draft = () => editor.draft();
  const published = () => draft().publishedVersion;
  const next = () => published() + 1;
  const isOpen = () => site.data?.openToApplications ?? false;
  const hasChanges = () => published() === 0 || draft().changedSincePublished;

  const status = () => {
    if (published() === 0) return "Not published yet. Providers cannot apply until you publish the process.";
    return draft().changedSincePublished
      ? `Version ${published()} is published. You have changes not published yet.`
      : `Version ${published()} is published. The draft has no changes since.`;
  };

  const publish = createDraftEdit({
    send: (_: undefined, key) => api.process.publish.mutate(key),
    saved: (_, saved) =>
      `Version ${saved.publishedVersion} is published. New applications use it; applications already started keep theirs.`,
    onSaved: () => setConfirmingPublish(false),
    after: afterProcessPublished,
  });

  const setOpen = createMutation(() => ({
    mutationFn: (open: boolean) => api.site.setOpen.mutate({ siteId: editor.siteId, open }),
    onSuccess: async (_result: unknown, open: boolean) => {
      editor.announce(
        open
          ? `${props.siteName} is open to applications and listed on the public page.`
          : `${props.siteName} is closed to applications and no longer listed on the public page.`,
      );
      setConfirmingClose(false);
      await afterSiteOpenChange(queryClient, editor.siteId);
      focusSoon();
    },
  }));

  /** After publishing or opening, focus stays in this part of the page (the button pressed may have gone). */
  function focusSoon() {
    requestAnimationFrame(() => document.getElementById(openingId)?.focus());
  }

  return (
    <section class="card process-publishing" aria-labelledby="process-publishing-heading">
      <h2 id="process-publishing-heading">Draft and publishing</h2>
      <p class="process-status">
        <strong>{status()}</strong>
      </p>
      <p>
        You change a draft. Nothing reaches providers or the panel until you publish it: each publishing makes a new
        numbered version. Applications already started keep the version they started on.
      </p>
      <Show when={editor.canEdit && hasChanges()}>
        <button
          id={publishId}
          type="button"
          class="button"
          onClick={() => {
            publish.reset();
            setConfirmingPublish(true);
          }}
        >
          Publish version {next()}
        </button>
      </Show>

      <h3 id={openingId} tabindex="-1">
        Applications
      </h3>
      <Switch>
        <Match when={site.isPending}>
          <Loading label="Loading whether the site is open…" />
        </Match>
        <Match when={site.isError}>
          <ErrorNotice error={site.error} retry={() => site.refetch()} />
        </Match>
        <Match when={isOpen()}>
          <p>
            <strong>Open to applications.</strong> {props.siteName} is listed on the public page{" "}
            <A href="/apply">/apply</A>, where new providers register interest and apply to the published version.
          </p>
          <Show when={editor.canEdit}>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setOpen.reset();
                setConfirmingClose(true);
              }}
            >
              Close to applications
            </button>
          </Show>
        </Match>
        <Match when={published() === 0}>
          <p>
            <strong>Closed to applications.</strong> Once the process is published you can open the site: opening lists{" "}
            {props.siteName} on the public page <A href="/apply">/apply</A>, where new providers register interest.
          </p>
        </Match>
        <Match when={!isOpen()}>
          <p>
            <strong>Closed to applications.</strong> Opening lists {props.siteName} on the public page{" "}
            <A href="/apply">/apply</A>, where new providers register interest and apply to the published version.
          </p>
          <Show when={editor.canEdit}>
            <button type="button" class="button" disabled={setOpen.isPending} onClick={() => setOpen.mutate(true)}>
              {setOpen.isPending ? "Opening…" : "Open to applications"}
            </button>
          </Show>
        </Match>
      </Switch>
      <Show when={setOpen.isError && !confirmingClose()}>
        <div class="notice notice-error" role="alert">
          <p>{errorMessage(setOpen.error)}</p>
        </div>
      </Show>

      <h3>Published versions</h3>
      <Switch>
        <Match when={versions.isPending}>
          <Loading label="Loading the published versions…" />
        </Match>
        <Match when={versions.isError}>
          <ErrorNotice error={versions.error} retry={() => versions.refetch()} />
        </Match>
        <Match when={(versions.data?.length ?? 0) === 0}>
          <p class="muted">None yet.</p>
        </Match>
        <Match when={versions.data}>
          {(list) => (
            <ul class="process-versions">
              <For each={list()}>
                {(version) => (
                  <li>
                    <strong>Version {version.number}</strong>
                    <span class="muted">
                      {" "}
                      · published <time datetime={version.publishedAt}>{formatDateTime(version.publishedAt)}</time>
                      {version.publishedBy === props.myId ? " by you" : ""}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>

      <ConfirmDialog
        open={confirmingPublish()}
        title={`Publish version ${next()}?`}
        confirmLabel={`Publish version ${next()}`}
        busyLabel="Publishing…"
        tone="go"
        busy={publish.isPending}
        error={publish.error}
        onConfirm={() => publish.mutate(undefined)}
        onCancel={() => {
          publish.reset();
          setConfirmingPublish(false);
        }}
        returnFocusTo={() => document.getElementById(openingId)}
      >
        Providers who start an application from now on answer version {next()}, and panels score them on its criteria.
        Applications already started keep the version they started on.
        {isOpen() ? " What you look for changes on the public page too." : ""}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmingClose()}
        title={`Close ${props.siteName} to applications?`}
        confirmLabel="Close to applications"
        cancelLabel="Keep it open"
        busyLabel="Closing…"
        busy={setOpen.isPending}
        error={setOpen.error}
        onConfirm={() => setOpen.mutate(false)}
        onCancel={() => {
          setOpen.reset();
          setConfirmingClose(false);
        }}
        returnFocusTo={() => document.getElementById(openingId)}
      >
        It comes off the public page /apply and new providers cannot register interest. Organisations already applying
        carry on. You can open it again at any time.
      </ConfirmDialog>
    </section>
  );
}
