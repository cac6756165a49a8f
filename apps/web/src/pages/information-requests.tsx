import { may } from "@smallsupports/core/permissions";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { formatDate } from "../api/labels";
import { afterApplicationOutcome, queries } from "../api/queries";
import { ErrorNotice, Loading } from "../ui/page-state";
import { answerText, isEmptyAnswer } from "./application-question";
import type { ApplicationReview, Question } from "./board-parts";
import { RequestInformationDialog } from "./request-information-dialog";
import { useSiteView } from "./site-context";
import "../styles/panel.css";

/**
 * Every request for more information made on an application: what was asked, about which
 * questions, and, once the provider sent it back, their answers before and after. The lead asks
 * from here while the application is sent and no request is waiting.
 */
export function InformationRequests(props: { review: ApplicationReview; organisationName: string }) {
  const site = useSiteView();
  const queryClient = useQueryClient();
  const application = () => props.review.application;
  const requests = useQuery(() =>
    queries.informationRequests(site.siteId, application().organisationId, application().applicationId),
  );
  const [asking, setAsking] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;

  const questions = createMemo(
    () =>
      new Map(
        props.review.process.definition.pages.flatMap((page) =>
          page.questions.map((question) => [question.questionId, question] as const),
        ),
      ),
  );
  const waiting = () => application().openRequestId !== null;
  const mayAsk = () => may(site.myRole, "leadPanel") && application().status === "submitted" && !waiting();
  const refresh = () =>
    afterApplicationOutcome(queryClient, site.siteId, application().organisationId, application().applicationId);

  return (
    <section aria-labelledby="requests-heading" class="card review-section">
      <div class="section-heading">
        <h3 id="requests-heading" ref={heading} tabindex="-1" class="panel-focus-heading">
          Requests for more information
        </h3>
        <Show when={mayAsk()}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setNotice(null);
              setAsking(true);
            }}
          >
            Ask for more information
          </button>
        </Show>
      </div>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <Show when={waiting() && application().status === "submitted"}>
        <p class="notice notice-info">
          The provider is answering a request for more information. The panel can decide once they send their answers
          back.
        </p>
      </Show>
      <Switch>
        <Match when={requests.isPending}>
          <Loading label="Loading the requests…" />
        </Match>
        <Match when={requests.isError}>
          <ErrorNotice error={requests.error} retry={() => requests.refetch()} />
        </Match>
        <Match when={requests.data?.length === 0}>
          <p class="muted">Nobody has asked the provider for more information.</p>
        </Match>
        <Match when={requests.data}>
          {(list) => (
            <ul class="request-list">
              <For each={[...list()].reverse()}>
                {(request) => (
                  <li class="request-item">
                    <p class="request-meta">
                      <strong>
                        Asked on <time datetime={request.requestedAt}>{formatDate(request.requestedAt)}</time>
                      </strong>{" "}
                      by <bdi>{request.requestedByName}</bdi>
                    </p>
                    <p class="request-status">
                      <Show
                        when={request.status === "answered" && request.answeredAt}
                        fallback={<span class="badge badge-waiting">Waiting for the provider's answers</span>}
                      >
                        {(at) => (
                          <span class="badge">
                            Answered on <time datetime={at()}>{formatDate(at())}</time>
                          </span>
                        )}
                      </Show>
                    </p>
                    <p class="review-text request-message">{request.message}</p>
                    <Show
                      when={request.answersAfter}
                      fallback={
                        <>
                          <p class="request-subheading">Questions asked about</p>
                          <ul class="request-questions">
                            <For each={request.questionIds}>
                              {(questionId) => (
                                <li>
                                  {questions().get(questionId)?.wording.plain ?? "A question no longer on the form"}
                                </li>
                              )}
                            </For>
                          </ul>
                        </>
                      }
                    >
                      {(after) => (
                        <dl class="request-answers">
                          <For each={request.questionIds}>
                            {(questionId) => (
                              <ChangedAnswer
                                question={questions().get(questionId)}
                                before={request.answersBefore[questionId] ?? null}
                                after={after()[questionId] ?? null}
                              />
                            )}
                          </For>
                        </dl>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>

      <Show when={may(site.myRole, "leadPanel")}>
        <RequestInformationDialog
          open={asking()}
          review={props.review}
          organisationName={props.organisationName}
          onClose={() => setAsking(false)}
          onRequested={async () => {
            setNotice("Your request has been sent. We have emailed the provider.");
            await refresh();
          }}
          onConflict={refresh}
          returnFocusTo={() => heading}
        />
      </Show>
    </section>
  );
}

type AnswerValue = ApplicationReview["answers"][number]["value"];

/** One question's answer as it was when asked and as the provider sent it back. */
function ChangedAnswer(props: { question: Question | undefined; before: AnswerValue; after: AnswerValue }) {
  const words = (value: AnswerValue) =>
    props.question ? answerText(props.question, value, false) : String(value ?? "");
  const same = () => JSON.stringify(props.before) === JSON.stringify(props.after);
  return (
    <div class="request-answer">
      <dt>{props.question?.wording.plain ?? "A question no longer on the form"}</dt>
      <dd>
        <Show
          when={!same()}
          fallback={
            <>
              <p class="request-unchanged">Not changed:</p>
              <p class={isEmptyAnswer(props.after) ? "muted" : "review-text"}>{words(props.after)}</p>
            </>
          }
        >
          <p class="request-when">Before</p>
          <p class={isEmptyAnswer(props.before) ? "muted" : "review-text"}>{words(props.before)}</p>
          <p class="request-when">After</p>
          <p class={isEmptyAnswer(props.after) ? "muted" : "review-text"}>{words(props.after)}</p>
        </Show>
      </dd>
    </div>
  );
}
