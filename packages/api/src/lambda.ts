import { getConnInfo, handle } from "hono/aws-lambda";
import { createApp } from "./app";
import { loadEnv } from "./env";

export const handler = handle(createApp(loadEnv(), { sourceOf: (c) => getConnInfo(c).remote.address }));
