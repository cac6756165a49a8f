import { CohortSession, Review } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { configureServices } from "./configure";
import { loadEnv } from "./env";

let configured = false;

/**
 * AWS entry point for the daily reminder sweep (a schedule in infra/api.ts): reminds reviewers
 * whose review is due in a week or was due three days ago, and people with a place at a cohort
 * session two days ahead, by email through SES. Running it twice sends nothing twice. Logs how
 * many went, never to whom.
 */
export async function handler(): Promise<{ before: number; overdue: number; sessions: number; reminded: number }> {
  if (!configured) {
    configureServices(loadEnv());
    configured = true;
  }
  const reviews = await withActor(systemActor, () => Review.remind());
  console.log(JSON.stringify({ level: "info", job: "review-reminders", ...reviews }));
  const sessions = await withActor(systemActor, () => CohortSession.remind());
  console.log(JSON.stringify({ level: "info", job: "session-reminders", ...sessions }));
  return { ...reviews, ...sessions };
}
