import { trpcServer } from "@hono/trpc-server";
import type { Outbox } from "@smallsupports/core";
import { roundTripCounter } from "@smallsupports/core/round-trips";
import { Hono, type Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createAuthenticator } from "./auth";
import { configureServices } from "./configure";
import { devSignInRoutes } from "./dev-sign-in";
import type { ApiConfig } from "./env";
import { type LogSink, stdoutSink } from "./log";
import { devOutboxRoutes } from "./mail/dev-outbox-routes";
import { appRouter } from "./root";
import type { Context, RequestLog } from "./trpc";

/** Request bodies above this are refused with 413; no procedure needs more. */
export const maxBodyBytes = 64 * 1024;

type Env = { Variables: { requestLog: RequestLog; requestId: string } };

/**
 * The whole HTTP API as a Hono app: used as is by the Lambda handler, by the local Node server
 * (which adds the web app's files) and by tests through `app.request()`.
 */
export interface AppOptions {
  log?: LogSink;
  /** Whether the platform is ready to serve (locally: false until the demo data is written). */
  ready?: () => boolean;
  /** Where emails go instead of the mode's own port (tests of production mode, which has no SES here). */
  mailPort?: Outbox.MessagePort;
  /**
   * The network address a request came from, as the runtime reports it (the HTTP API's source IP
   * in AWS, the socket's peer locally), for rate limits. Never taken from a header a caller sets.
   */
  sourceOf?: (c: HonoContext) => string | undefined;
}

export function createApp(config: ApiConfig, options: AppOptions = {}) {
  const { mailbox } = configureServices(config, options.mailPort ? { mailPort: options.mailPort } : {});
  const log = options.log ?? stdoutSink;
  const authenticate = createAuthenticator(config);
  const app = new Hono<Env>();

  app.use(requestId());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Kobalte positions popovers with inline style attributes; scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: config.mode === "production" ? "max-age=63072000; includeSubDomains" : false,
      referrerPolicy: "strict-origin-when-cross-origin",
      xContentTypeOptions: "nosniff",
      xFrameOptions: "DENY",
    }),
  );

  app.use(async (c, next) => {
    const started = performance.now();
    const requestLog: RequestLog = { requestId: c.get("requestId") };
    c.set("requestLog", requestLog);
    const counter = roundTripCounter();
    try {
      await counter.run(next);
    } finally {
      const error = requestLog.error ?? c.error?.name;
      const roundTrips = counter.figures();
      log({
        level: c.res.status >= 500 ? "error" : "info",
        ...requestLog,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
        ...(roundTrips.total ? { dynamoRoundTrips: roundTrips.total, dynamoSequential: roundTrips.sequential } : {}),
        ...(error ? { error } : {}),
      });
    }
  });

  // Every route that reads a body takes JSON only, at most 64 KB: a form post from another site
  // cannot reach it, and a huge body is refused before anything reads it. Mounted before every
  // route, so a route added later is covered too.
  app.use(async (c, next) => {
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      if (!c.req.header("content-type")?.toLowerCase().startsWith("application/json")) {
        return c.json({ error: { message: "Send the request as JSON (Content-Type: application/json)." } }, 415);
      }
    }
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => c.json({ error: { message: "That request is too large." } }, 413),
    }),
  );

  // Scripts and load balancers wait for "ok": before then the data may be half written.
  app.get("/health", (c) =>
    (options.ready?.() ?? true) ? c.json({ status: "ok" }) : c.json({ status: "starting" }, 503),
  );

  const sourceOf = (c: HonoContext) => {
    try {
      return options.sourceOf?.(c) || "unknown";
    } catch {
      return "unknown";
    }
  };
  if (config.mode === "local" && config.devTokenSecret) {
    app.route("/api/dev", devSignInRoutes(config.devTokenSecret, sourceOf));
  }
  if (mailbox) app.route("/api/dev", devOutboxRoutes(mailbox));

  app.use(
    "/trpc/*",
    trpcServer({
      endpoint: "/trpc",
      router: appRouter,
      // A bug inside a procedure becomes a plain 500 for the caller; the log keeps the error's
      // kind (never its message, which could quote a person's data) so it can be traced.
      onError: ({ error, ctx }) => {
        if (error.code === "INTERNAL_SERVER_ERROR" && ctx) {
          (ctx as Context).log.error = errorKind(error.cause ?? error);
        }
      },
      createContext: async (opts, c): Promise<Context & Record<string, unknown>> => {
        const log = c.get("requestLog");
        try {
          return {
            signIn: await authenticate(opts.req.headers.get("authorization") ?? undefined),
            log,
            source: sourceOf(c),
          };
        } catch (error) {
          log.error = errorKind(error);
          throw error;
        }
      },
    }),
  );

  app.notFound((c) => c.json({ error: { message: "Not found." } }, 404));
  app.onError((_error, c) => c.json({ error: { message: "Something went wrong on our side." } }, 500));
  return app;
}

export type App = ReturnType<typeof createApp>;

/** "TypeError", "ResourceNotFoundException": what kind of fault, without its message. */
function errorKind(error: unknown): string {
  return (error instanceof Error && error.name.replace(/[^A-Za-z]/g, "")) || "Error";
}
