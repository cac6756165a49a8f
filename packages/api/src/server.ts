import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { type AppOptions, createApp } from "./app";
import type { ApiConfig } from "./env";

/**
 * The local server: the API plus the built web app on one port. Unknown paths that are not
 * files get index.html so the web app's own router can handle them.
 */
export function startServer(
  config: ApiConfig,
  options: AppOptions & { port: number; hostname?: string; webDist: string },
): Promise<{ server: ServerType; url: string }> {
  const app = createApp(config, {
    log: options.log,
    ready: options.ready,
    sourceOf: (c) => getConnInfo(c).remote.address,
  });
  const indexFile = join(options.webDist, "index.html");
  if (!existsSync(indexFile)) {
    throw new Error(`The web app is not built (${indexFile} is missing). Run: pnpm --filter @smallsupports/web build`);
  }
  const indexHtml = readFileSync(indexFile, "utf8");
  // precompressed: the build writes brotli and gzip copies of each file; a browser gets one it accepts.
  app.use("/*", serveStatic({ root: options.webDist, precompressed: true }));
  app.get("/*", (c, next) => {
    if (c.req.path.startsWith("/trpc") || c.req.path.startsWith("/api")) return next();
    return c.html(indexHtml);
  });
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info) =>
      resolve({ server, url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${info.port}` }),
    );
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${options.port} is already in use. Stop the other program or choose another port: PORT=3001 pnpm start`,
            )
          : error,
      ),
    );
  });
}
