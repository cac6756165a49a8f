import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

/**
 * Sign-in and home are the pages everyone opens first, often on an old council laptop or a phone
 * on a weak signal; 60 KB of brotli JavaScript keeps them quick there.
 */
export const initialJsBudgetBytes = 60 * 1024;

/** The routes weighed, each with the page modules the router loads to show it. */
export const weighedRoutes = [
  { route: "/sign-in", pages: ["src/pages/sign-in.tsx"], budgetBytes: initialJsBudgetBytes },
  { route: "/", pages: ["src/pages/home.tsx"], budgetBytes: initialJsBudgetBytes },
  // A site's address shows its summary with the Team tab nested inside, so both pages load.
  { route: "/sites/:siteId", pages: ["src/pages/site.tsx", "src/pages/members.tsx"], budgetBytes: null },
] as const;

export interface InitialJs {
  route: string;
  pages: string[];
  /** Files under dist, in the order they were found. */
  files: string[];
  rawBytes: number;
  /** Each file compressed on its own, as a server or CDN sends it, then added up. */
  brotliBytes: number;
  budgetBytes: number | null;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}

export type Manifest = Record<string, ManifestChunk>;

export function readManifest(distDir: string): Manifest {
  const path = join(distDir, ".vite", "manifest.json");
  if (!existsSync(path)) {
    throw new Error(
      `There is no build of the web app to weigh (${path} is missing). Run \`pnpm --filter @smallsupports/web build\` first.`,
    );
  }
  return JSON.parse(readFileSync(path, "utf8")) as Manifest;
}

/**
 * The files a browser must fetch before the chunk's code runs: the chunk and everything it
 * imports statically. Dynamic imports wait until a person goes somewhere, so they are left out.
 */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The web app's build manifest has no entry for ${key}.`);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

export function initialJavaScript(distDir: string): InitialJs[] {
  const manifest = readManifest(distDir);
  const sizes = new Map<string, { raw: number; brotli: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const content = readFileSync(join(distDir, file));
      const brotli = brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      });
      size = { raw: content.length, brotli: brotli.length };
      sizes.set(file, size);
    }
    return size;
  };
  return weighedRoutes.map(({ route, pages, budgetBytes }) => {
    const files = staticClosure(manifest, ["index.html", ...pages]);
    return {
      route,
      pages: [...pages],
      files,
      rawBytes: files.reduce((total, file) => total + sizeOf(file).raw, 0),
      brotliBytes: files.reduce((total, file) => total + sizeOf(file).brotli, 0),
      budgetBytes,
    };
  });
}
