import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { initialJavaScript, readManifest, staticClosure } from "./initial-js";

// `pnpm test` builds the web app before vitest runs, so this weighs what would be deployed.
const distDir = fileURLToPath(new URL("./dist", import.meta.url));

describe("initial JavaScript", () => {
  const routes = initialJavaScript(distDir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  for (const { route, brotliBytes, budgetBytes, files } of routes) {
    if (budgetBytes === null) continue;
    it(`${route} loads no more than ${kb(budgetBytes)} of JavaScript (brotli)`, () => {
      expect(
        brotliBytes,
        `${route} loads ${kb(brotliBytes)} brotli, over its ${kb(budgetBytes)}: ${files.join(", ")}`,
      ).toBeLessThanOrEqual(budgetBytes);
    });
  }

  it("splits the app by page: opening one page does not load another's code", () => {
    const manifest = readManifest(distDir);
    const entry = new Set(staticClosure(manifest, ["index.html"]));
    const pages = Object.entries(manifest).filter(
      ([key, chunk]) => key.startsWith("src/pages/") && chunk.isDynamicEntry,
    );
    // Every route in routes.ts is lazy; a page that turned up in the entry would be loaded by all.
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const [key, chunk] of pages) expect(entry.has(chunk.file), `${key} is in the entry chunk`).toBe(false);

    const signIn = routes.find(({ route }) => route === "/sign-in");
    const home = routes.find(({ route }) => route === "/");
    const homeChunk = manifest["src/pages/home.tsx"]?.file;
    const signInChunk = manifest["src/pages/sign-in.tsx"]?.file;
    expect(signIn?.files).not.toContain(homeChunk);
    expect(home?.files).not.toContain(signInChunk);
  });
});
