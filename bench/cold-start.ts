import { execFile } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type BundleResult, bundleHandler, repoRoot } from "@smallsupports/infra/api-bundle";

const run = promisify(execFile);

/**
 * A proxy for a Lambda cold start on this machine: a fresh Node process imports the handler as the
 * deploy bundles it and answers its first request (a signed-in read) against DynamoDB Local.
 * Measured two ways, to decide with figures where the AWS SDK should come from: bundled and
 * minified with the handler (as deployed), or left out for the runtime's own copy, which Lambda's
 * Node.js runtimes carry unbundled in their node_modules (here the same packages from ours).
 */
export type SdkSource = "bundled" | "runtime";

export interface ColdStartFigures {
  sdk: SdkSource;
  bundleBytes: number;
  byPackage: Record<string, number>;
  runs: number;
  /** From the process starting to the first answer, median over the runs. */
  medianMs: number;
  /** Of that, importing the handler, and answering the first request. */
  medianImportMs: number;
  medianFirstRequestMs: number;
}

/** The packages the bundle imports from the AWS SDK when the SDK is left to the runtime. */
const sdkPackages = [
  ["@aws-sdk/client-dynamodb", "packages/core"],
  ["@aws-sdk/util-dynamodb", "packages/core"],
  ["@aws-sdk/client-sesv2", "packages/api"],
] as const;

const outDir = join(repoRoot, ".bench", "cold-start");

async function bundleFor(sdk: SdkSource): Promise<BundleResult & { outfile: string }> {
  const dir = join(outDir, sdk);
  rmSync(dir, { recursive: true, force: true });
  const outfile = join(dir, "handler.mjs");
  const result = await bundleHandler("packages/api/src/lambda.ts", {
    outfile,
    ...(sdk === "runtime" ? { external: ["@aws-sdk/*"] } : {}),
  });
  if (sdk === "runtime") {
    // Lambda puts its SDK on the module path; here the same packages are linked beside the bundle.
    const electrodb = createRequire(join(repoRoot, "packages/core/package.json")).resolve("electrodb");
    const links: [string, string][] = [
      ...sdkPackages.map(([name, from]): [string, string] => [name, packageDir(name, join(repoRoot, from))]),
      ["@aws-sdk/lib-dynamodb", packageDir("@aws-sdk/lib-dynamodb", electrodb)],
    ];
    for (const [name, target] of links) {
      const link = join(dir, "node_modules", name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(target, link, "dir");
    }
  }
  return { ...result, outfile };
}

function packageDir(name: string, from: string): string {
  const require = createRequire(from.endsWith(".js") ? from : join(from, "package.json"));
  return dirname(require.resolve(`${name}/package.json`));
}

/** What the fresh process runs: import the handler, answer one API Gateway (HTTP API v2) event. */
const childScript = `
const importStarted = performance.now();
const { handler } = await import(process.env.BENCH_HANDLER);
const imported = performance.now();
const [path, query] = process.env.BENCH_PATH.split("?");
const response = await handler({
  version: "2.0", routeKey: "$default", rawPath: path, rawQueryString: query ?? "",
  headers: { host: "bench.local", authorization: "Bearer " + process.env.BENCH_TOKEN },
  requestContext: {
    accountId: "bench", apiId: "bench", domainName: "bench.local", domainPrefix: "bench",
    http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
    requestId: "cold-start", routeKey: "$default", stage: "$default", time: "", timeEpoch: Date.now(),
  },
  isBase64Encoded: false,
}, {});
const answered = performance.now();
// The handler writes its own log line to stdout too; the figures go on a line of their own.
process.stdout.write("\\nbench-figures " + JSON.stringify({
  status: response.statusCode,
  totalMs: answered,
  importMs: imported - importStarted,
  firstRequestMs: answered - imported,
}));
`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function measureColdStart(options: {
  sdk: SdkSource;
  runs: number;
  env: Record<string, string>;
  /** The request answered first, e.g. "/trpc/member.list?input=…". */
  path: string;
  token: string;
}): Promise<ColdStartFigures> {
  const bundle = await bundleFor(options.sdk);
  const samples: { totalMs: number; importMs: number; firstRequestMs: number }[] = [];
  for (let index = 0; index < options.runs; index++) {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", childScript], {
      env: {
        ...options.env,
        PATH: process.env.PATH ?? "",
        BENCH_HANDLER: bundle.outfile,
        BENCH_PATH: options.path,
        BENCH_TOKEN: options.token,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
    });
    const figures = stdout.split("\n").find((line) => line.startsWith("bench-figures "));
    if (!figures) throw new Error(`The cold handler printed no figures: ${stdout.slice(0, 200)}`);
    const sample = JSON.parse(figures.slice("bench-figures ".length)) as {
      status: number;
      totalMs: number;
      importMs: number;
      firstRequestMs: number;
    };
    if (sample.status !== 200) throw new Error(`The cold handler answered ${sample.status}.`);
    samples.push(sample);
  }
  return {
    sdk: options.sdk,
    bundleBytes: bundle.bytes,
    byPackage: bundle.byPackage,
    runs: options.runs,
    medianMs: median(samples.map((sample) => sample.totalMs)),
    medianImportMs: median(samples.map((sample) => sample.importMs)),
    medianFirstRequestMs: median(samples.map((sample) => sample.firstRequestMs)),
  };
}
