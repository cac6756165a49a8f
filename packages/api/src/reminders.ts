import { CohortSession, Mentoring, Review } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { configureServices } from "./configure";
import { loadEnv } from "./env";

let configured = false;

/**
 * AWS entry point for the daily reminder sweep (a schedule in infra/api.ts): reminds reviewers
 * whose review is due in a week or was due three days ago, and people with a place at a cohort
 * session two days ahead, by email through SES. Running it twice sends nothing twice. Then sets
 * each site's count of mentoring pairings that need a check-in, which changes with the day. Logs
 * how many, never to whom.
 */
export async function handler(): Promise<{
  before: number;
  overdue: number;
  sessions: number;
  reminded: number;
  needCheckIn: number;
}> {
  if (!configured) {
    configureServices(loadEnv());
    configured = true;
  }
  const reviews = await withActor(systemActor, () => Review.remind());
  console.log(JSON.stringify({ level: "info", job: "review-reminders", ...reviews }));
  const sessions = await withActor(systemActor, () => CohortSession.remind());
  console.log(JSON.stringify({ level: "info", job: "session-reminders", ...sessions }));
  const checkIns = await withActor(systemActor, () => Mentoring.countCheckIns());
  console.log(JSON.stringify({ level: "info", job: "mentoring-check-ins", ...checkIns }));
  return { ...reviews, ...sessions, needCheckIn: checkIns.needCheckIn };
}
