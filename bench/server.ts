import { loadEnv } from "@smallsupports/api/env";
import { startServer } from "@smallsupports/api/server";
import { webDist } from "@smallsupports/local/platform";

/**
 * The API and web app served on their own, over a table the benchmark has already seeded: run in
 * a process of its own, as the local platform serves them, so the load generator measuring it
 * does not share its event loop. Configured by the environment the benchmark passes; prints
 * "listening <url>" once it is.
 */
const { url } = await startServer(loadEnv({ ...process.env, APP_MODE: "local" }), {
  port: Number(process.env.PORT ?? 0),
  webDist,
  // One JSON line a request, as in production, but sent nowhere: the benchmark reads none of it.
  log: (line) => JSON.stringify(line),
});
process.stdout.write(`listening ${url}\n`);
// The benchmark stops the server with SIGTERM; exiting normally lets `--cpu-prof` write its profile.
process.once("SIGTERM", () => process.exit(0));
