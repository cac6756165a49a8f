import type { RouterOutputs } from "@smallsupports/api";
import { formatAverage } from "@smallsupports/core/review-shape";
import { createUniqueId, For, Show } from "solid-js";
import { roleLabels } from "../api/labels";
import "../styles/panel.css";

export type Panel = RouterOutputs["review"]["panel"];
type Summary = Panel["criteria"][number];

/** A point of the site's scale in its words: "3: Clearly shown". */
export function scaleWords(panel: Panel, score: number): string {
  return panel.scale[score - 1]?.wording.plain ?? "";
}

/** "Reviewers disagree: scores 1 to 4", from the scores given (abstentions have none). */
export function disagreementWords(summary: Summary): string {
  const given = summary.scores.filter((score): score is number => score !== null);
  return `Reviewers disagree: scores ${Math.min(...given)} to ${Math.max(...given)}`;
}

/**
 * Every submitted review's scores side by side: a row per criterion, a column per reviewer, and
 * the average, which leaves out abstentions. The criteria reviewers disagree on most say so in
 * words. On a narrow screen each criterion's row stacks, every score labelled with its reviewer.
 */
export function PanelScores(props: { panel: Panel }) {
  const captionId = createUniqueId();
  const wording = (criterionId: string) =>
    props.panel.criteriaWording.find((criterion) => criterion.criterionId === criterionId)?.wording.plain ??
    "A criterion no longer in the process";

  return (
    <>
      <div class="panel-scale">
        <p class="panel-scale-title">The scale</p>
        <ol class="panel-scale-points">
          <For each={props.panel.scale}>
            {(point, index) => (
              <li>
                <strong>{index() + 1}</strong>: {point.wording.plain}
              </li>
            )}
          </For>
        </ol>
      </div>
      {/* A wide panel scrolls sideways inside this box, which takes focus so the keyboard can scroll it. */}
      <section class="table-wrap panel-table-wrap" aria-labelledby={captionId} tabindex="0">
        <table class="table responsive-table panel-table">
          <caption id={captionId} class="panel-caption">
            Scores for each criterion, from 1 (lowest) to {props.panel.scale.length} (highest)
          </caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <For each={props.panel.reviewers}>
                {(reviewer) => (
                  <th scope="col">
                    <bdi>{reviewer.name}</bdi>
                    <span class="panel-reviewer-role">{roleLabels[reviewer.role]}</span>
                  </th>
                )}
              </For>
              <th scope="col">Average</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.panel.criteria}>
              {(summary, row) => (
                <tr classList={{ "panel-disagreement": summary.disagreement }}>
                  <th scope="row">
                    <div class="panel-criterion">
                      <span class="panel-criterion-number">Criterion {row() + 1}</span>
                      <span>{wording(summary.criterionId)}</span>
                      <Show when={summary.disagreement}>
                        <strong class="panel-disagreement-note">
                          <span aria-hidden="true">⚠ </span>
                          {disagreementWords(summary)}
                        </strong>
                      </Show>
                    </div>
                  </th>
                  <For each={summary.scores}>
                    {(score, column) => (
                      <td data-label={props.panel.reviewers[column()]?.name ?? "Reviewer"}>
                        <Show when={score !== null} fallback={<span class="panel-abstained">Abstained</span>}>
                          <span class="panel-score">
                            <span class="panel-score-number">{score}</span>
                            <span class="panel-score-words">{scaleWords(props.panel, score as number)}</span>
                          </span>
                        </Show>
                      </td>
                    )}
                  </For>
                  <td data-label="Average" class="panel-average">
                    {formatAverage(summary.average)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </>
  );
}
