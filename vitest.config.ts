import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Projects that talk to DynamoDB get one in-memory DynamoDB Local per run of that project.
const withDynamo = { globalSetup: [fileURLToPath(new URL("./test/dynamo-global-setup.ts", import.meta.url))] };

// One vitest run covers every package; each is its own project so its tests run in its folder.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "core", root: "packages/core", include: ["src/**/*.test.ts"], ...withDynamo } },
      { extends: true, test: { name: "api", root: "packages/api", include: ["src/**/*.test.ts"], ...withDynamo } },
      { extends: true, test: { name: "local", root: "packages/local", include: ["src/**/*.test.ts"], ...withDynamo } },
      { extends: true, test: { name: "infra", root: "infra", include: ["*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "e2e",
          root: "e2e",
          include: ["*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
