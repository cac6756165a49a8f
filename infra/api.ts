import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Api as HttpApi, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { Auth } from "./auth";
import { Mail } from "./mail";
import { Storage } from "./storage";

/**
 * Exactly the DynamoDB actions the services use. Transactions are authorised per item by these
 * same actions. Never Scan, never a wildcard.
 */
export const apiTableActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
];

/** The Hono app on Lambda behind an HTTP API. */
export function Api({ stack, app }: StackContext) {
  const { table } = use(Storage);
  const { auth } = use(Auth);
  const mail = use(Mail);

  // Signs pagination cursors (HMAC), so a client cannot forge or alter one.
  const cursorSecret = new Secret(stack, "cursorSecret", {
    description: "Signs the API's pagination cursors",
    generateSecretString: { excludePunctuation: true, passwordLength: 64 },
  });

  // One function serves every path: the Hono app does its own routing and 404s.
  const handler = new LambdaFunction(stack, "handler", {
    handler: "packages/api/src/lambda.handler",
    memorySize: 1024,
    timeout: 10,
    environment: {
      APP_MODE: "production",
      TABLE_NAME: table.tableName,
      COGNITO_USER_POOL_ID: auth.userPoolId,
      COGNITO_CLIENT_ID: auth.userPoolClientId,
      // A CloudFormation dynamic reference, resolved at deploy time: the template never holds the
      // secret, and the function reads a plain variable with no Secrets Manager call or grant.
      CURSOR_SECRET: cursorSecret.secretValue.unsafeUnwrap(),
      MAIL_FROM: mail.from,
      APP_URL: mail.appUrl,
    },
    // Explicit grants rather than `bind`, which would give dynamodb:* on the table.
    permissions: [
      new PolicyStatement({
        actions: apiTableActions,
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
      // Sending only, and only as the platform's own domain.
      new PolicyStatement({ actions: ["ses:SendEmail"], resources: [mail.identity.emailIdentityArn] }),
    ],
  });

  const api = new HttpApi(stack, "api", {
    cors: {
      allowOrigins: ["*"],
      allowHeaders: ["authorization", "content-type"],
      allowMethods: ["GET", "POST"],
    },
    routes: { $default: handler },
  });

  stack.addOutputs({ ApiUrl: api.url, Stage: app.stage });
  return { api };
}
