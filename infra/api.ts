import type { TableIndexName } from "@smallsupports/core/table";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Cron, Api as HttpApi, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { apiBundling } from "./api-bundle";
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

/**
 * What the daily reminder sweeps (Review.remind, CohortSession.remind) do: query the reviews due
 * and the sessions starting on a day through the index that holds both by day, and a session's
 * places in the table; for each reminder mark the review or place, write the audit event and the
 * message in one transaction (transactions need no action of their own: each item in one is
 * authorised by its own action), then read whom to write to and record the message as sent.
 * Mentoring.countCheckIns then queries the site registry and each site's pairings in the table
 * and puts each site's count of pairings that need a check-in.
 */
export const reminderTableActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];
/**
 * The index of reviews by due date and sessions by the day they start (`byDueDate` in
 * packages/core/src/entities/review.ts, `byStartDay` in entities/cohort-session.ts).
 */
export const reminderIndex: TableIndexName = "gsi2";
/** 07:00 UTC every day: 7 or 8 in the morning in the UK, so reminders arrive at the start of a day. */
export const reminderSchedule = "cron(0 7 * * ? *)";

/** The Hono app on Lambda behind an HTTP API, and the daily reminders to reviewers and to people booked on sessions. */
export function Api({ stack, app }: StackContext) {
  const { table } = use(Storage);
  const { auth } = use(Auth);
  const mail = use(Mail);

  // Signs pagination cursors (HMAC), so a client cannot forge or alter one.
  const cursorSecret = new Secret(stack, "cursorSecret", {
    description: "Signs the API's pagination cursors",
    generateSecretString: { excludePunctuation: true, passwordLength: 64 },
  });

  // The API's configuration, which the reminders read the same way (packages/api/src/env.ts).
  const environment = {
    APP_MODE: "production",
    TABLE_NAME: table.tableName,
    COGNITO_USER_POOL_ID: auth.userPoolId,
    COGNITO_CLIENT_ID: auth.userPoolClientId,
    // A CloudFormation dynamic reference, resolved at deploy time: the template never holds the
    // secret, and the function reads a plain variable with no Secrets Manager call or grant.
    CURSOR_SECRET: cursorSecret.secretValue.unsafeUnwrap(),
    MAIL_FROM: mail.from,
    APP_URL: mail.appUrl,
  };
  // Sending only, and only as the platform's own domain.
  const sendMail = new PolicyStatement({ actions: ["ses:SendEmail"], resources: [mail.identity.emailIdentityArn] });

  // One function serves every path: the Hono app does its own routing and 404s.
  const handler = new LambdaFunction(stack, "handler", {
    handler: "packages/api/src/lambda.handler",
    nodejs: apiBundling,
    memorySize: 1024,
    timeout: 10,
    environment,
    // Explicit grants rather than `bind`, which would give dynamodb:* on the table.
    permissions: [
      new PolicyStatement({
        actions: apiTableActions,
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
      sendMail,
    ],
  });

  // Reminders to reviewers whose review is due in a week or overdue, and to people booked on a
  // session two days ahead. The sweeps are idempotent, so EventBridge's retry of a failed run
  // never sends a reminder twice.
  const reminders = new LambdaFunction(stack, "reminders", {
    handler: "packages/api/src/reminders.handler",
    nodejs: apiBundling,
    memorySize: 512,
    timeout: 300,
    environment,
    permissions: [
      new PolicyStatement({
        actions: ["dynamodb:Query"],
        // The day's reviews and sessions on the index; a session's places in the table.
        resources: [`${table.tableArn}/index/${reminderIndex}`, table.tableArn],
      }),
      new PolicyStatement({ actions: reminderTableActions, resources: [table.tableArn] }),
      sendMail,
    ],
  });
  new Cron(stack, "reviewReminders", { schedule: reminderSchedule, job: { function: reminders } });

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
