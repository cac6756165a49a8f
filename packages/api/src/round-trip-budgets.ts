/**
 * The DynamoDB round trips of the reads people make most, counted per HTTP request with the
 * sign-in's own reads (round-trips.test.ts holds the API to exactly these; `pnpm bench` times
 * them). `sequential` is what latency follows, one round trip each: the budget is at most 2 once
 * the token is checked, the caller's record and membership read side by side, then the data.
 * `total` is what DynamoDB bills; it may grow only by reading more side by side.
 */
export const readBudgets = {
  // The caller's record, their sites, and whether they are a national mentor, side by side.
  "me.get": { total: 3, sequential: 1 },
  "me.inbox": { total: 4, sequential: 2 },
  "site.get": { total: 6, sequential: 2 },
  "member.list": { total: 3, sequential: 2 },
  // The board's columns (the site's own items) beside its national figures item.
  "application.boardSummary": { total: 5, sequential: 2 },
  "application.board": { total: 3, sequential: 2 },
  "application.get": { total: 4, sequential: 2 },
  "organisation.mine": { total: 3, sequential: 2 },
  // The dashboard for the last 12 months, for up to 100 sites and any amount of data: the
  // registry, then every site's all-time figures, this year's and last year's side by side.
  "analytics.national": { total: 5, sequential: 3 },
  "analytics.site": { total: 6, sequential: 3 },
  // Over by two, for national staff only: a page of the registry, then those sites' statistics
  // and openings, then the names of their leads.
  "site.list": { total: 5, sequential: 4 },
} as const;
