import type { App } from "sst/constructs";
import { Api } from "./api";
import { Auth } from "./auth";
import { Mail, type MailConfig, setMailConfig } from "./mail";
import { Storage } from "./storage";
import { Web } from "./web";

/**
 * Adds every stack in dependency order. `sst.config.ts` and the infra test both call this, so the
 * test synthesises exactly what a deploy would.
 */
export function addStacks(app: App, mail: MailConfig) {
  // Lambda's Node 22 on Graviton, for every function: the runtime the code is written and tested for.
  app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
  setMailConfig(app, mail);
  app.stack(Storage).stack(Auth).stack(Mail).stack(Api).stack(Web);
}
