import { Review } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { configureServices } from "./configure";
import { loadEnv } from "./env";

let configured = false;

/**
 * AWS entry point for the daily reminder sweep (a schedule in infra/api.ts): reminds reviewers
 * whose review is due in a week or was due three days ago, by email through SES. Running it twice
 * sends nothing twice. Logs how many went, never to whom.
 */
export async function handler(): Promise<{ before: number; overdue: number }> {
  if (!configured) {
    configureServices(loadEnv());
    configured = true;
  }
  const sent = await withActor(systemActor, () => Review.remind());
  console.log(JSON.stringify({ level: "info", job: "review-reminders", ...sent }));
  return sent;
}
