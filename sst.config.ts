import type { SSTConfig } from "sst";
import { Api } from "./infra/api";
import { Auth } from "./infra/auth";
import { Storage } from "./infra/storage";
import { Web } from "./infra/web";

export default {
  config() {
    return { name: "smallsupports", region: "eu-west-2" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
    app.stack(Storage).stack(Auth).stack(Api).stack(Web);
  },
} satisfies SSTConfig;
