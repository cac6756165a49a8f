import { Duration } from "aws-cdk-lib";
import { Cognito, type StackContext } from "sst/constructs";

/** Production sign-in. Roles and memberships live in the table, not in Cognito groups. */
export function Auth({ stack }: StackContext) {
  const auth = new Cognito(stack, "auth", {
    login: ["email"],
    // No identity pool: the browser never gets AWS credentials (and no cognito-sync:* grant).
    identityPoolFederation: false,
    cdk: {
      userPoolClient: {
        authFlows: { userSrp: true },
        // Matches the API's 12-hour ceiling on any sign-in.
        idTokenValidity: Duration.hours(12),
      },
    },
  });
  return { auth };
}
