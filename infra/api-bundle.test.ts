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
