import { RemovalPolicy } from "aws-cdk-lib";
import { EmailIdentity, Identity } from "aws-cdk-lib/aws-ses";
import type { App, StackContext } from "sst/constructs";

/** What a stage sends email as, read at deploy time by `sst.config.ts`. */
export interface MailConfig {
  /** The domain email comes from. SES sends once the DKIM records in the stack outputs are in its DNS. */
  domain: string;
  /** The web app's https address, for the links in emails. */
  appUrl: string;
}

// Stack functions get only SST's context, so the config travels with the app it was given for.
const configs = new WeakMap<App, MailConfig>();

export function setMailConfig(app: App, config: MailConfig) {
  if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(config.domain)) {
    throw new Error(`The mail domain must be a domain name, like smallsupports.example.org: "${config.domain}".`);
  }
  if (new URL(config.appUrl).protocol !== "https:") {
    throw new Error(`The app URL must be an https URL: "${config.appUrl}".`);
  }
  configs.set(app, config);
}

/** The domain identity the API sends from. */
export function Mail({ stack, app }: StackContext) {
  const config = configs.get(app);
  if (!config) throw new Error("Call setMailConfig(app, …) before adding the Mail stack.");
  const identity = new EmailIdentity(stack, "identity", { identity: Identity.domain(config.domain) });
  // A new identity gets new DKIM keys, so removing prod's would stop its mail until DNS is changed.
  identity.applyRemovalPolicy(app.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
  stack.addOutputs(
    Object.fromEntries(
      identity.dkimRecords.map((record, index) => [`MailDkim${index + 1}`, `${record.name} CNAME ${record.value}`]),
    ),
  );
  return {
    identity,
    from: `Small Supports <no-reply@${config.domain}>`,
    appUrl: config.appUrl,
  };
}
