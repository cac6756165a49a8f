import { createEffect, createSignal, on } from "solid-js";
import { api, fieldErrors } from "../api/client";
import { ErrorSummary } from "../ui/error-summary";
import { FormActions } from "../ui/form-actions";
import { Modal } from "../ui/modal";
import { createDraftEdit, emptyWording, type ProcessPage, type Wording, wordingOf } from "./process-draft";
import { ConflictChoice } from "./process-section";
import { WordingFields, wordingErrors, wordingLinks } from "./process-wording-fields";

// The server's limit (packages/core/src/process-definition.ts).
const titleLimit = 120;
const titleId = "page-title";

/** Adding a page at the end of the form, or renaming one (`page`). */
export function ProcessPageDialog(props: { open: boolean; onClose: () => void; page: ProcessPage | null }) {
  const [title, setTitle] = createSignal(emptyWording());

  const save = createDraftEdit({
    send: (variables: { pageId?: string; title: Wording }, key) =>
      api.process.savePage.mutate({ ...key, page: variables }),
    saved: (variables) =>
      variables.pageId
        ? `The page is renamed "${variables.title.plain}".`
        : `The page "${variables.title.plain}" is added at the end of the form.`,
    onSaved: () => props.onClose(),
  });

  // Filled in as the dialog opens, and only then, so a fresh draft never overwrites the typing.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setTitle(props.page ? wordingOf(props.page.title) : emptyWording());
        save.reset();
      },
    ),
  );

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && props.onClose()}
      title={props.page ? "Rename the page" : "Add a page"}
      description={
        props.page
          ? "Providers see the page's title above its questions."
          : "The new page goes at the end of the form. Add questions to it once it is there."
      }
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ pageId: props.page?.pageId, title: title() });
        }}
      >
        <ErrorSummary error={save.error} fields={wordingLinks("page.title", titleId)} />
        <ConflictChoice error={save.error}>Save again to make your change to the latest version.</ConflictChoice>
        <WordingFields
          id={titleId}
          legend="Page title"
          value={title()}
          onChange={setTitle}
          maxLength={titleLimit}
          errors={wordingErrors(fieldErrors(save.error), "page.title")}
        />
        <FormActions
          label={props.page ? "Save title" : "Add page"}
          busyLabel="Saving…"
          busy={save.isPending}
          onCancel={() => props.onClose()}
        />
      </form>
    </Modal>
  );
}
