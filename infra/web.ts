import { type StackContext, StaticSite, use } from "sst/constructs";
import { Api } from "./api";
import { Auth } from "./auth";

/** The built SolidJS app on S3 and CloudFront, told where the API and user pool are. */
export function Web({ stack }: StackContext) {
  const { api } = use(Api);
  const { auth } = use(Auth);
  const site = new StaticSite(stack, "web", {
    path: "apps/web",
    buildOutput: "dist",
    buildCommand: "pnpm run build",
    environment: {
      VITE_API_URL: api.url,
      VITE_USER_POOL_ID: auth.userPoolId,
      VITE_USER_POOL_CLIENT_ID: auth.userPoolClientId,
    },
  });
  stack.addOutputs({ WebUrl: site.url });
  return { site };
}
