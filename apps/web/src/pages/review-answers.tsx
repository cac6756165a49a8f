import { For } from "solid-js";
import { wordingIn } from "./application-easy-read";
import { type AnswerValue, answerText, isEmptyAnswer } from "./application-question";
import type { ReviewDefinition } from "./review-scores";

/**
 * The application's answers, page by page, read-only: what a reviewer scores. The questions read
 * in easy read when the reviewer chose it; the answers are the provider's own words either way.
 */
export function ReviewAnswers(props: {
  definition: ReviewDefinition;
  answers: { questionId: string; value: AnswerValue }[];
  easyRead: boolean;
}) {
  const answerOf = (questionId: string) => props.answers.find((answer) => answer.questionId === questionId)?.value;
  return (
    <For each={props.definition.pages}>
      {(page) => (
        <section class="card review-page" aria-labelledby={`answers-${page.pageId}`}>
          <h3 id={`answers-${page.pageId}`} class="review-page-title">
            {wordingIn(page.title, props.easyRead)}
          </h3>
          <dl class="review-answers" classList={{ "easy-read-text": props.easyRead }}>
            <For each={page.questions}>
              {(question) => (
                <div class="review-answer">
                  <dt>{wordingIn(question.wording, props.easyRead)}</dt>
                  <dd>
                    <span class={isEmptyAnswer(answerOf(question.questionId)) ? "muted" : "review-text"}>
                      {answerText(question, answerOf(question.questionId), props.easyRead)}
                    </span>
                  </dd>
                </div>
              )}
            </For>
          </dl>
        </section>
      )}
    </For>
  );
}
