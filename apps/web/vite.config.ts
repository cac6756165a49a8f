import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";
import solid from "vite-plugin-solid";

export default defineConfig({
  plugins: [
    solid(),
    // Brotli and gzip copies beside each file, which the local server sends to browsers that
    // accept them (the entry script is 119 KB as it is, 36 KB in brotli). In AWS, CloudFront
    // compresses on its own and these copies go unused.
    compression({ algorithms: ["brotliCompress", "gzip"], exclude: [/\.map$/] }),
  ],
  // The manifest maps each page to the files it loads, so initial-js.ts can weigh every route.
  build: { target: "es2022", sourcemap: true, manifest: true },
  server: {
    // `pnpm --filter @smallsupports/web dev` against a running `pnpm start`.
    proxy: { "/trpc": "http://localhost:3000", "/api": "http://localhost:3000" },
  },
});
