import { activityRouter } from "./router/activity";
import { analyticsRouter } from "./router/analytics";
import { applicationRouter } from "./router/application";
import { cohortRouter } from "./router/cohort";
import { decisionRouter } from "./router/decision";
import { invitationRouter } from "./router/invitation";
import { meRouter } from "./router/me";
import { memberRouter } from "./router/member";
import { mentoringRouter } from "./router/mentoring";
import { nationalEventRouter } from "./router/national-event";
import { nationalMentorRouter } from "./router/national-mentor";
import { organisationRouter } from "./router/organisation";
import { planRouter } from "./router/plan";
import { processRouter } from "./router/process";
import { reviewRouter } from "./router/review";
import { sessionRouter } from "./router/session";
import { siteRouter } from "./router/site";
import { timeRouter } from "./router/time";
import { router } from "./trpc";

/** Every procedure the web app can call, one router per domain area. */
export const appRouter = router({
  me: meRouter,
  site: siteRouter,
  member: memberRouter,
  invitation: invitationRouter,
  activity: activityRouter,
  process: processRouter,
  organisation: organisationRouter,
  application: applicationRouter,
  review: reviewRouter,
  decision: decisionRouter,
  plan: planRouter,
  time: timeRouter,
  cohort: cohortRouter,
  session: sessionRouter,
  mentoring: mentoringRouter,
  nationalEvent: nationalEventRouter,
  nationalMentor: nationalMentorRouter,
  analytics: analyticsRouter,
});

export type AppRouter = typeof appRouter;
