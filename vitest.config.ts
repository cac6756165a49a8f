import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The pinned AWS SDK warns that its releases after January 2027 need Node 22; Lambda runs 22.
// Set here so both the test workers and the set-up that starts DynamoDB Local inherit it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Projects that talk to DynamoDB get one in-memory DynamoDB Local per run of that project.
const dynamoSetup = fileURLToPath(new URL("./test/dynamo-global-setup.ts", import.meta.url));
const withDynamo = { globalSetup: [dynamoSetup] };
const trustReport = fileURLToPath(new URL("./packages/api/trust/report.ts", import.meta.url));

// One vitest run covers every package; each is its own project so its tests run in its folder.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "core", root: "packages/core", include: ["src/**/*.test.ts"], ...withDynamo } },
      {
        extends: true,
        test: {
          name: "api",
          root: "packages/api",
          include: ["src/**/*.test.ts", "trust/**/*.test.ts"],
          globalSetup: [dynamoSetup, trustReport],
        },
      },
      { extends: true, test: { name: "local", root: "packages/local", include: ["src/**/*.test.ts"], ...withDynamo } },
      { extends: true, test: { name: "infra", root: "infra", include: ["*.test.ts"] } },
      { extends: true, test: { name: "web", root: "apps/web", include: ["*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "e2e",
          root: "e2e",
          include: ["*.test.ts"],
          // A whole panel or cohort story in a browser: generous, so a busy machine does not fail it.
          testTimeout: 120_000,
          // Each file starts the platform, which writes the whole demo first.
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
