import type { SSTConfig } from "sst";
import { addStacks } from "./infra/stacks";

export default {
  config() {
    return { name: "smallsupports", region: "eu-west-2" };
  },
  stacks: addStacks,
} satisfies SSTConfig;
