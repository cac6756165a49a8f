import type { SSTConfig } from "sst";
import { addStacks } from "./infra/stacks";

export default {
  config() {
    return { name: "smallsupports", region: "eu-west-2" };
  },
  stacks(app) {
    addStacks(app, {
      domain: deploySetting(app.stage, "MAIL_DOMAIN", "smallsupports.example.org"),
      appUrl: deploySetting(app.stage, "APP_URL", "https://smallsupports.example.org"),
    });
  },
} satisfies SSTConfig;

/**
 * A setting read from the environment at deploy time. Other stages may fall back to the reserved
 * example domain, which SES never verifies, so they send nothing; prod must be told.
 */
function deploySetting(stage: string, name: string, fallback: string) {
  const value = process.env[name];
  if (value) return value;
  if (stage === "prod") throw new Error(`Set ${name} to deploy the prod stage.`);
  return fallback;
}
