import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Api as HttpApi, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { Auth } from "./auth";
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

  // One function serves every path: the Hono app does its own routing and 404s.
  const handler = new LambdaFunction(stack, "handler", {
    handler: "packages/api/src/lambda.handler",
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: 1024,
    timeout: 10,
    environment: {
      APP_MODE: "production",
      TABLE_NAME: table.tableName,
      COGNITO_USER_POOL_ID: auth.userPoolId,
      COGNITO_CLIENT_ID: auth.userPoolClientId,
    },
    // Explicit grants rather than `bind`, which would give dynamodb:* on the table.
    permissions: [
      new PolicyStatement({
        actions: apiTableActions,
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
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
