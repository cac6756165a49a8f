import { freePort } from "@smallsupports/local/dynamo-local";
import { startLocalPlatform } from "@smallsupports/local/platform";
import { measureWeb } from "./web";

/**
 * The web figures on their own: `npx tsx web-cli.ts` from bench/ (add `--desktop` for Lighthouse's
 * desktop preset), after `pnpm --filter @smallsupports/web build`. Starts the local platform on an
 * in-memory database and measures as one of the demo's project leads, whose site page has the
 * most on it.
 */
const preset = process.argv.includes("--desktop") ? "desktop" : "mobile";
console.log("Starting the local platform and writing the demo data (a minute or two)…");
const platform = await startLocalPlatform({ port: await freePort(), log: () => {} });
try {
  await platform.ready;
  const { people } = (await (await fetch(new URL("/api/dev/people", platform.url))).json()) as {
    people: { id: string; name: string; memberships: { siteId: string; role: string }[] }[];
  };
  const lead = people.find((person) => person.memberships.some((membership) => membership.role === "lead"));
  const siteId = lead?.memberships.find((membership) => membership.role === "lead")?.siteId;
  if (!lead || !siteId) throw new Error("The demo data has no project lead to sign in as.");

  console.log(`Measuring as ${lead.name}, project lead of ${siteId}…`);
  const figures = await measureWeb({
    baseUrl: platform.url,
    signInAs: { personId: lead.id },
    sitePath: `/sites/${siteId}`,
    preset,
  });

  const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
  console.log("\nInitial JavaScript per route");
  console.table(
    figures.initialJs.map(({ route, files, rawBytes, brotliBytes, budgetBytes }) => ({
      route,
      files: files.length,
      "raw KB": kb(rawBytes),
      "brotli KB": kb(brotliBytes),
      "budget KB": budgetBytes === null ? "-" : kb(budgetBytes),
    })),
  );
  console.log(`\nLighthouse 12.8.2, ${figures.preset} preset`);
  console.table(
    figures.lighthouse.map(({ page, performance, accessibility, failedAccessibilityAudits, lcpMs, tbtMs, cls }) => ({
      page,
      performance,
      accessibility,
      "LCP ms": lcpMs,
      "TBT ms": tbtMs,
      CLS: cls,
      "accessibility failures": failedAccessibilityAudits.join(", ") || "-",
    })),
  );
  for (const { page, warnings } of figures.lighthouse) {
    for (const warning of warnings) console.log(`${page}: ${warning}`);
  }
} finally {
  await platform.stop();
}
