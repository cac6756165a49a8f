import { For, Show } from "solid-js";
import { type Panel, scaleWords } from "./panel-scores";
import "../styles/panel.css";

/**
 * What each reviewer wrote about each criterion, one criterion to a fold-out section, so the lead
 * opens the ones the panel talks about rather than reading every comment at once.
 */
export function PanelComments(props: { panel: Panel }) {
  const wording = (criterionId: string) =>
    props.panel.criteriaWording.find((criterion) => criterion.criterionId === criterionId)?.wording.plain ??
    "A criterion no longer in the process";
  const commentsOn = (criterionId: string) =>
    props.panel.reviewers.filter((reviewer) => reviewer.comments[criterionId]?.trim()).length;

  return (
    <section aria-labelledby="panel-comments-heading" class="review-section">
      <h3 id="panel-comments-heading">What the reviewers wrote</h3>
      <div class="panel-comments">
        <For each={props.panel.criteria}>
          {(summary, row) => (
            <details class="card panel-comment-group">
              <summary>
                <span>
                  Criterion {row() + 1}: {wording(summary.criterionId)}
                </span>
                <span class="muted panel-comment-count">
                  {commentsOn(summary.criterionId) === 1 ? "1 comment" : `${commentsOn(summary.criterionId)} comments`}
                </span>
              </summary>
              <dl class="panel-comment-list">
                <For each={props.panel.reviewers}>
                  {(reviewer, column) => {
                    const score = () => summary.scores[column()] ?? null;
                    const comment = () => reviewer.comments[summary.criterionId]?.trim() ?? "";
                    return (
                      <div class="panel-comment">
                        <dt>
                          <bdi>{reviewer.name}</bdi>
                          <span class="muted">
                            {" "}
                            (
                            {score() === null
                              ? "abstained"
                              : `${score()}: ${scaleWords(props.panel, score() as number)}`}
                            )
                          </span>
                        </dt>
                        <dd>
                          <Show when={comment()} fallback={<span class="muted">No comment</span>}>
                            <span class="review-text">{comment()}</span>
                          </Show>
                        </dd>
                      </div>
                    );
                  }}
                </For>
              </dl>
            </details>
          )}
        </For>
      </div>
    </section>
  );
}
