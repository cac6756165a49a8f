import { activityRouter } from "./router/activity";
import { applicationRouter } from "./router/application";
import { invitationRouter } from "./router/invitation";
import { meRouter } from "./router/me";
import { memberRouter } from "./router/member";
import { organisationRouter } from "./router/organisation";
import { processRouter } from "./router/process";
import { siteRouter } from "./router/site";
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
});

export type AppRouter = typeof appRouter;
