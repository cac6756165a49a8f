import { join } from "node:path";
import type { LogSink } from "@smallsupports/api/log";
import { repoRoot, startLocalPlatform } from "./platform";

/**
 * `pnpm start`: the platform with demo data at http://localhost:3000 (PORT to change it).
 * Data is kept in .data/ between starts; delete that folder for a fresh demo.
 */
const port = Number(process.env.PORT ?? 3000);
// The pinned AWS SDK warns that its releases after January 2027 need Node 22; this one runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const quietLog: LogSink = (line) => {
  if (line.status >= 500)
    console.error(`${line.method} ${line.path} ${line.status} ${line.durationMs}ms ${line.error ?? ""}`);
};

try {
  console.log("Starting DynamoDB Local and the platform…");
  const platform = await startLocalPlatform({ port, dataDir: join(repoRoot, ".data/dynamodb"), log: quietLog });
  console.log(
    platform.seeded ? "Created the table and the demo data for twelve sites." : "Using the data kept in .data/.",
  );
  console.log(`\nSmall Supports is running at http://localhost:${port}\nPress Ctrl+C to stop.`);
  const stop = async () => {
    await platform.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`\nCould not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
