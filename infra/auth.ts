import { Duration } from "aws-cdk-lib";
import { AccountRecovery } from "aws-cdk-lib/aws-cognito";
import { Cognito, type StackContext } from "sst/constructs";

/**
 * Production sign-in. Roles and memberships live in the table, not in Cognito groups.
 * Anyone may sign up with their email address, so a new provider can register interest in a site;
 * Cognito verifies the address with a code before the account can sign in, and the API accepts
 * only verified addresses. An account alone reaches nothing: it holds no membership until its
 * owner registers an organisation with a site open to applications, or accepts an invitation.
 */
export function Auth({ stack }: StackContext) {
  const auth = new Cognito(stack, "auth", {
    login: ["email"],
    // No identity pool: the browser never gets AWS credentials (and no cognito-sync:* grant).
    identityPoolFederation: false,
    cdk: {
      userPool: {
        selfSignUpEnabled: true,
        autoVerify: { email: true },
        signInAliases: { email: true },
        standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
        accountRecovery: AccountRecovery.EMAIL_ONLY,
      },
      userPoolClient: {
        authFlows: { userSrp: true },
        // Matches the API's 12-hour ceiling on any sign-in.
        idTokenValidity: Duration.hours(12),
      },
    },
  });
  return { auth };
}
