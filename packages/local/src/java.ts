import { spawnSync } from "node:child_process";

const installHint = [
  "DynamoDB Local needs Java 17 or newer, and Java was not found.",
  "Install it, then run the command again:",
  "  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless",
  "  macOS:          brew install openjdk@17",
  "  Windows:        winget install Microsoft.OpenJDK.17",
].join("\n");

/** Returns Java's major version, or throws a message that says how to install it. */
export function requireJava(env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync("java", ["-version"], { encoding: "utf8", env });
  if (result.error || result.status !== 0) throw new Error(installHint);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : 0;
  if (major < 17) throw new Error(`${installHint}\n(Found Java ${major || "of an unknown version"}.)`);
  return major;
}
