import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Prints the trust suite's figures once the API tests finish, e.g.
 *   isolation: 52 attacks, 0 leaks; fuzz: 8823 payloads, 0 server errors; national reach: 152 calls, 0 leaks
 * Each suite file writes its own figures (world.ts recordFigures); this adds them up.
 */
const dir = join(import.meta.dirname, "../../../.test-artifacts/trust");

export default function setup() {
  rmSync(dir, { recursive: true, force: true });
  return () => {
    if (!existsSync(dir)) return;
    const figures: Record<string, Record<string, number>> = {};
    for (const file of readdirSync(dir)) {
      figures[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(dir, file), "utf8"));
    }
    const isolation = figures.isolation;
    const fuzz = figures.fuzz;
    if (!isolation || !fuzz) return;
    const reach = figures["national-reach"];
    const national = reach ? `; national reach: ${reach.calls} calls, ${reach.leaks} leaks` : "";
    console.log(
      `\nisolation: ${isolation.attacks} attacks, ${isolation.leaks} leaks; fuzz: ${fuzz.payloads} payloads, ${fuzz.serverErrors} server errors${national}\n`,
    );
  };
}
