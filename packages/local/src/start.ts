import type { LogSink } from "@smallsupports/api/log";
import { defaultDataDir, startLocalPlatform } from "./platform";

/**
 * `pnpm start`: the platform with demo data at http://localhost:3000 (PORT to change it).
 * Data is kept in .data/ between starts (DATA_DIR to keep it elsewhere); delete it for a fresh demo.
 */
const port = Number(process.env.PORT ?? 3000);
// The pinned AWS SDK warns that its releases after January 2027 need Node 22; this one runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const quietLog: LogSink = (line) => {
  // A 503 from /health only says the demo data is still being written.
  if (line.status >= 500 && line.path !== "/health")
    console.error(`${line.method} ${line.path} ${line.status} ${line.durationMs}ms ${line.error ?? ""}`);
};

function fail(error: unknown): never {
  console.error(`\nCould not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

console.log("Starting DynamoDB Local and the platform…");
const platform = await startLocalPlatform({
  port,
  // DATA_DIR keeps a second copy apart, say for a second server on another port.
  dataDir: defaultDataDir(),
  log: quietLog,
}).catch(fail);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await platform.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

if (platform.demoData === "kept") console.log("Using the data kept in .data/.");
else console.log("Writing the demo data for twelve sites…");
try {
  await platform.ready;
  if (platform.demoData === "rewritten") {
    console.log("The demo data in .data/ was incomplete or from an earlier version, so it has been written again.");
  }
  console.log(`\nSmall Supports is running at http://localhost:${port}\nPress Ctrl+C to stop.`);
} catch (error) {
  if (!stopping) {
    await platform.stop();
    fail(error);
  }
  // Ctrl+C while the data was being written: say what the next start will do; stop() exits.
  console.log(error instanceof Error ? error.message : String(error));
}
