/**
 * The words and sums of panel review, shared by the services and the web app: a review's states,
 * and how a panel's scores are averaged. Plain constants and pure functions with no imports, so
 * the web app can share them.
 */

/**
 * Where one reviewer's review stands: `declare` until they say whether they have a conflict of
 * interest; `recused` if they have one; `scoring` while they score; `submitted` once sent.
 */
export const reviewStates = ["declare", "recused", "scoring", "submitted"] as const;
export type ReviewState = (typeof reviewStates)[number];

export const reviewStateLabels: Record<ReviewState, string> = {
  declare: "Conflict of interest not declared yet",
  recused: "Recused: conflict of interest",
  scoring: "Scoring",
  submitted: "Submitted",
};

/** One criterion's score by one reviewer: a point of the site's scale (1 = lowest), or null to abstain. */
export interface CriterionScore {
  score: number | null;
  comment: string;
}

export type Scores = Record<string, CriterionScore>;

/** A submitted review as the panel sees it. */
export interface PanelReview {
  reviewerId: string;
  scores: Scores;
}

export interface CriterionSummary {
  criterionId: string;
  /** Each submitted reviewer's score, in the order of the reviews given; null where they abstained. */
  scores: (number | null)[];
  /** The mean of the scores given, abstentions left out; null when nobody scored it. */
  average: number | null;
  /** The highest score given minus the lowest. */
  spread: number;
  /** Whether the reviewers disagree on it: their scores are `disagreementSpread` or more points apart. */
  disagreement: boolean;
}

/** Reviewers disagree when their scores for one criterion are at least this many points apart. */
export const disagreementSpread = 2;

/**
 * Each criterion's scores side by side with their average and spread. Abstentions (null) never
 * count in an average; recused reviewers have no scores to give, so they never reach this.
 */
export function summarisePanel(criterionIds: readonly string[], reviews: readonly PanelReview[]): CriterionSummary[] {
  return criterionIds.map((criterionId) => {
    const scores = reviews.map((review) => review.scores[criterionId]?.score ?? null);
    const given = scores.filter((score): score is number => score !== null);
    const average = given.length ? given.reduce((sum, score) => sum + score, 0) / given.length : null;
    const spread = given.length ? Math.max(...given) - Math.min(...given) : 0;
    return { criterionId, scores, average, spread, disagreement: spread >= disagreementSpread };
  });
}

/** The criteria a provider is weakest on: the lowest averages below the top of the scale, at most `count`. */
export function weakestCriteria(summaries: readonly CriterionSummary[], scaleSize: number, count = 3) {
  return summaries
    .filter((summary): summary is CriterionSummary & { average: number } => summary.average !== null)
    .filter((summary) => summary.average < scaleSize)
    .sort((a, b) => a.average - b.average)
    .slice(0, count);
}

/** An average to one decimal place, as the panel view and letters show it: "2.7". */
export const formatAverage = (average: number | null) => (average === null ? "No scores" : average.toFixed(1));
