import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

export default defineConfig({
  plugins: [solid()],
  // The manifest maps each page to the files it loads, so initial-js.ts can weigh every route.
  build: { target: "es2022", sourcemap: true, manifest: true },
  server: {
    // `pnpm --filter @smallsupports/web dev` against a running `pnpm start`.
    proxy: { "/trpc": "http://localhost:3000", "/api": "http://localhost:3000" },
  },
});
