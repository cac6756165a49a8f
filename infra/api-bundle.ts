import { mkdirSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FunctionProps } from "sst/constructs";

const builtins = new Set(builtinModules);

/** The repository's root, which SST resolves handler paths from. */
export const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/**
 * The AWS SDK's ways of finding credentials other than the environment: the SDK imports each only
 * when the one before it found nothing, and a Lambda function's environment always holds its
 * role's credentials, so none of them ever loads there. Left out of the bundle (about 110 KB),
 * they would still resolve, should one ever be asked for, to the copy of the SDK that Lambda's
 * Node.js runtime carries.
 */
export const credentialProvidersLambdaNeverLoads = [
  "@aws-sdk/credential-provider-ini",
  "@aws-sdk/credential-provider-sso",
  "@aws-sdk/credential-provider-process",
  "@aws-sdk/credential-provider-web-identity",
  "@aws-sdk/credential-provider-login",
  "@aws-sdk/credential-provider-http",
  "@aws-sdk/token-providers",
  "@aws-sdk/nested-clients",
  "@smithy/credential-provider-imds",
];

/**
 * How the API's functions are bundled for Lambda. Minified, because every byte of the bundle is
 * read and compiled on a cold start. The AWS SDK is bundled too rather than taken from the Lambda
 * runtime: BENCHMARKS.md has the cold-start figures that decided it.
 */
export const apiBundling = {
  format: "esm",
  minify: true,
  sourcemap: false,
  esbuild: {
    external: credentialProvidersLambdaNeverLoads,
    // SST keeps every function's and class's name by default, wrapping each in a call that
    // weighs about 50 KB across the bundle. Nothing here reads a minified name: errors name
    // themselves (DomainError, the SDK's and ElectroDB's), and api-bundle.test.ts answers a
    // request with the bundle to prove it still runs.
    keepNames: false,
  },
} satisfies FunctionProps["nodejs"];

/** What the bundled API handler may weigh; cold starts grow with it (see BENCHMARKS.md). */
export const apiBundleBudgetBytes = 1024 * 1024;

export interface BundleResult {
  bytes: number;
  /** Bytes in the bundle by package ("zod", "@aws-sdk/client-dynamodb", "packages/core"). */
  byPackage: Record<string, number>;
  /** Packages left out of the bundle that it imports as soon as it loads (not on demand). */
  staticExternal: string[];
  outfile?: string;
}

/**
 * Bundles a handler exactly as `sst deploy` does: SST v2's own esbuild, with the options its
 * Node.js handler builder passes (runtime/handlers/node.js in the sst package) and ours on top.
 * The size guard and the cold-start benchmark measure this output, so they measure what ships.
 */
export async function bundleHandler(
  entry: string,
  options: { outfile?: string; external?: string[] } = {},
): Promise<BundleResult> {
  const esbuild = sstEsbuild();
  const result = await esbuild.build({
    entryPoints: [join(repoRoot, entry)],
    platform: "node",
    bundle: true,
    keepNames: apiBundling.esbuild.keepNames,
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    banner: {
      js: [
        "import { createRequire as topLevelCreateRequire } from 'module';",
        "const require = topLevelCreateRequire(import.meta.url);",
        'import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"',
        'const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))',
      ].join("\n"),
    },
    external: ["sharp", "pg-native", ...apiBundling.esbuild.external, ...(options.external ?? [])],
    minify: apiBundling.minify,
    sourcemap: apiBundling.sourcemap,
    metafile: true,
    write: false,
    outfile: options.outfile ?? join(repoRoot, ".bundle", "handler.mjs"),
    logLevel: "silent",
  });
  const staticExternal = Object.values(result.metafile.outputs)
    .flatMap((out) => out.imports)
    .filter((imported) => imported.external && imported.kind === "import-statement")
    .map((imported) => imported.path)
    .filter((path) => !path.startsWith("node:") && !builtins.has(path));
  const output = result.outputFiles[0];
  const meta = Object.values(result.metafile.outputs)[0];
  if (!output || !meta) throw new Error(`esbuild wrote nothing for ${entry}.`);
  if (options.outfile) {
    mkdirSync(dirname(options.outfile), { recursive: true });
    writeFileSync(options.outfile, output.contents);
  }
  const byPackage: Record<string, number> = {};
  for (const [path, input] of Object.entries(meta.inputs)) {
    const name = packageOf(path);
    byPackage[name] = (byPackage[name] ?? 0) + input.bytesInOutput;
  }
  return {
    bytes: output.contents.byteLength,
    byPackage,
    staticExternal,
    ...(options.outfile ? { outfile: options.outfile } : {}),
  };
}

/** "node_modules/.pnpm/x/node_modules/@aws-sdk/core/dist/…" → "@aws-sdk/core"; our own code by package. */
function packageOf(path: string): string {
  const modules = path.split("node_modules/");
  const last = modules[modules.length - 1] ?? path;
  if (modules.length > 1) {
    const [scope, name] = last.split("/");
    return scope?.startsWith("@") ? `${scope}/${name}` : (scope ?? last);
  }
  const ours = /(packages|apps)\/([^/]+)/.exec(path);
  return ours ? `${ours[1]}/${ours[2]}` : path;
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles: { contents: Uint8Array }[];
    metafile: {
      outputs: Record<
        string,
        {
          inputs: Record<string, { bytesInOutput: number }>;
          imports: { path: string; kind: string; external?: boolean }[];
        }
      >;
    };
  }>;
}

/** The esbuild that SST itself depends on, so the bundle is the one a deploy would make. */
function sstEsbuild(): Esbuild {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve("sst/package.json"))("esbuild") as Esbuild;
}
