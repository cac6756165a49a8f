import { randomBytes } from "node:crypto";
import { z } from "zod";

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
  COGNITO_USER_POOL_ID: z.string().optional(),
  COGNITO_CLIENT_ID: z.string().optional(),
});

export type ApiMode = "local" | "production";

export interface ApiConfig {
  mode: ApiMode;
  dynamo: { tableName: string; region: string; endpoint?: string };
  /** Signs and checks local sign-in tokens. Never set in production. */
  devTokenSecret?: Uint8Array;
  cognito?: { region: string; userPoolId: string; clientId: string };
}

export function loadEnv(source: Record<string, string | undefined> = process.env): ApiConfig {
  const env = envSchema.parse(source);
  const config: ApiConfig = {
    mode: env.APP_MODE,
    dynamo: { tableName: env.TABLE_NAME, region: env.AWS_REGION, endpoint: env.DYNAMO_ENDPOINT },
  };
  if (env.APP_MODE === "local") {
    // A fresh secret per start is fine locally: signing in again takes one click.
    config.devTokenSecret = new TextEncoder().encode(env.DEV_TOKEN_SECRET ?? randomBytes(32).toString("hex"));
  } else {
    if (!env.COGNITO_USER_POOL_ID || !env.COGNITO_CLIENT_ID) {
      throw new Error("COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID are required in production.");
    }
    config.cognito = { region: env.AWS_REGION, userPoolId: env.COGNITO_USER_POOL_ID, clientId: env.COGNITO_CLIENT_ID };
  }
  return config;
}
