import { randomBytes } from "node:crypto";
import * as z from "zod";

/** `name@domain.tld`, alone or in angle brackets after a display name. */
const address = String.raw`[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+`;
const sender = new RegExp(`^(?:${address}|[^<>@]+ <${address}>)$`);

/**
 * The API's configuration, read and checked once from the environment. Nothing else in the API
 * reads process.env; entry points (lambda.ts, the local launcher) call loadEnv() and pass it on.
 */
const envSchema = z.object({
  APP_MODE: z.enum(["local", "production"]).default("production"),
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default("eu-west-2"),
  DYNAMO_ENDPOINT: z.url().optional(),
  DEV_TOKEN_SECRET: z.string().min(32).optional(),
  CURSOR_SECRET: z.string().min(32).optional(),
  COGNITO_USER_POOL_ID: z.string().optional(),
  COGNITO_CLIENT_ID: z.string().optional(),
  MAIL_FROM: z
    .string()
    .regex(sender, "MAIL_FROM must hold an address, like Small Supports <no-reply@example.org>.")
    .optional(),
  APP_URL: z.url().optional(),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
});

export type ApiMode = "local" | "production";

export interface ApiConfig {
  mode: ApiMode;
  dynamo: { tableName: string; region: string; endpoint?: string };
  /** Signs and checks local sign-in tokens. Never set in production. */
  devTokenSecret?: Uint8Array;
  /** Signs pagination cursors, so a cursor the API did not issue for a list is refused. */
  cursorSecret: string;
  cognito?: CognitoConfig;
  mail: MailConfig;
}

export interface MailConfig {
  /** The web app's address with no trailing slash, for links in emails. Always set in production. */
  appUrl?: string;
  /** The sender, on a domain verified in SES. Always set in production. */
  from?: string;
  configurationSet?: string;
}

export interface CognitoConfig {
  clientId: string;
  /** The user pool's issuer URL, which ID tokens must name. */
  issuer: string;
  /** Where the user pool publishes its signing keys. */
  jwksUrl: string;
}

export function loadEnv(source: Record<string, string | undefined> = process.env): ApiConfig {
  const env = envSchema.parse(source);
  const dynamo = { tableName: env.TABLE_NAME, region: env.AWS_REGION, endpoint: env.DYNAMO_ENDPOINT };
  const mail = {
    appUrl: env.APP_URL?.replace(/\/+$/, ""),
    from: env.MAIL_FROM,
    configurationSet: env.SES_CONFIGURATION_SET,
  };
  if (env.APP_MODE === "local") {
    // Fresh secrets per start are fine locally: signing in again takes one click.
    return {
      mode: "local",
      dynamo,
      devTokenSecret: new TextEncoder().encode(env.DEV_TOKEN_SECRET ?? randomBytes(32).toString("hex")),
      cursorSecret: env.CURSOR_SECRET ?? randomBytes(32).toString("hex"),
      mail,
    };
  }
  if (!env.COGNITO_USER_POOL_ID || !env.COGNITO_CLIENT_ID || !env.CURSOR_SECRET || !env.MAIL_FROM || !env.APP_URL) {
    throw new Error(
      "COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, CURSOR_SECRET, MAIL_FROM and APP_URL are required in production.",
    );
  }
  // Links in emails are followed from people's inboxes: never over plain HTTP.
  if (new URL(env.APP_URL).protocol !== "https:") throw new Error("APP_URL must be an https URL in production.");
  const issuer = `https://cognito-idp.${env.AWS_REGION}.amazonaws.com/${env.COGNITO_USER_POOL_ID}`;
  return {
    mode: "production",
    dynamo,
    cursorSecret: env.CURSOR_SECRET,
    cognito: { clientId: env.COGNITO_CLIENT_ID, issuer, jwksUrl: `${issuer}/.well-known/jwks.json` },
    mail,
  };
}
