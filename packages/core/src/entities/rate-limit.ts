import { Entity } from "electrodb";
import { timeToLiveAttribute } from "../table";
import { keyOptions } from "./common";

/**
 * How many times one key (a hashed address or network source) has used one limited action in one
 * window. Operational, not domain data: no audit, and DynamoDB deletes it once it has expired.
 */
export const RateLimitEntity = new Entity({
  model: { entity: "rateLimit", version: "1", service: "smallsupports" },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    window: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true },
    [timeToLiveAttribute]: { type: "number", required: true },
  },
  indexes: {
    // One key's uses of one action in one window.
    byWindow: {
      pk: { field: "pk", composite: ["bucket"], template: "rate#${bucket}", ...keyOptions },
      sk: { field: "sk", composite: ["window"], template: "window#${window}", ...keyOptions },
    },
  },
});
