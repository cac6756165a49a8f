import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

export default defineConfig({
  plugins: [solid()],
  build: { target: "es2022", sourcemap: true },
  server: {
    // `pnpm --filter @smallsupports/web dev` against a running `pnpm start`.
    proxy: { "/trpc": "http://localhost:3000", "/api": "http://localhost:3000" },
  },
});
