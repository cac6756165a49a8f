import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { apiBundleBudgetBytes, type BundleResult, bundleHandler } from "./api-bundle";

/**
 * The handlers as the deploy bundles them, against their budget: a Lambda's cold start reads and
 * compiles every byte. Deterministic: the same sources and lockfile give the same bytes.
 */
describe.each(["lambda", "reminders"])("the %s handler's bundle", (name) => {
  let bundle: BundleResult;
  beforeAll(async () => {
    bundle = await bundleHandler(`packages/api/src/${name}.ts`);
  }, 60_000);

  it("stays within its budget", () => {
    const heaviest = Object.entries(bundle.byPackage)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 8)
      .map(([pkg, size]) => `${pkg} ${(size / 1024).toFixed(0)} KB`)
      .join(", ");
    expect(bundle.bytes, `${(bundle.bytes / 1024).toFixed(0)} KB; heaviest: ${heaviest}`).toBeLessThanOrEqual(
      apiBundleBudgetBytes,
    );
  });

  it("loads nothing from outside itself when it starts", () => {
    // The credential providers left out are imported only on demand, which Lambda never makes.
    expect(bundle.staticExternal).toEqual([]);
  });

  it("carries no zod locale but English, which every message is written in", () => {
    // zod is about 95 KB; with its 40 locales, imported through `{ z }`, it was about 360 KB more.
    expect(bundle.byPackage.zod ?? 0).toBeLessThan(150 * 1024);
  });
});

describe("the API handler, bundled", () => {
  it("starts and answers requests: minified names break nothing it reads", async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), "bundle-")), "lambda.mjs");
    await bundleHandler("packages/api/src/lambda.ts", { outfile });
    Object.assign(process.env, {
      TABLE_NAME: "smallsupports-bundle-test",
      AWS_REGION: "eu-west-2",
      COGNITO_USER_POOL_ID: "eu-west-2_example",
      COGNITO_CLIENT_ID: "example-client",
      CURSOR_SECRET: "a".repeat(32),
      MAIL_FROM: "Small Supports <no-reply@example.org>",
      APP_URL: "https://smallsupports.example.org",
    });
    const { handler } = (await import(pathToFileURL(outfile).href)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const request = (rawPath: string, rawQueryString = "") => ({
      version: "2.0",
      routeKey: "$default",
      rawPath,
      rawQueryString,
      headers: { host: "api.example.org" },
      requestContext: {
        http: { method: "GET", path: rawPath, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "test" },
        domainName: "api.example.org",
        requestId: "bundle-test",
        stage: "$default",
        timeEpoch: Date.now(),
      },
      isBase64Encoded: false,
    });
    const health = await handler(request("/health"), {});
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok" });
    // A signed-out call runs tRPC, the procedure builders and the error formatting, and reads nothing.
    const refused = await handler(request("/trpc/me.get"), {});
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain("Please sign in to continue.");
  }, 60_000);
});
