import type { App } from "sst/constructs";
import { Api } from "./api";
import { Auth } from "./auth";
import { Storage } from "./storage";
import { Web } from "./web";

/**
 * Adds every stack in dependency order. `sst.config.ts` and the infra test both call this, so the
 * test synthesises exactly what a deploy would.
 */
export function addStacks(app: App) {
  // Lambda's Node 22 on Graviton, for every function: the runtime the code is written and tested for.
  app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
  app.stack(Storage).stack(Auth).stack(Api).stack(Web);
}
