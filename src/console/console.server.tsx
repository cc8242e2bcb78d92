/**
 * The staff console: a small server-rendered web app (Hono + hono/jsx, no client build) served by
 * the bot process when CONSOLE_PORT is set, on localhost by default (a reverse proxy adds TLS).
 * Pages: inbox, claims, registrations, broadcasts, reports, unanswered questions, audit, staff.
 */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { consoleCss, consoleJs } from "./console.assets";
import { registerAuth, requireSession } from "./console-auth";
import { createConsoleSessions } from "./console-sessions";
import { notFound } from "./console-http";
import { defaultConsoleSettings, type ConsoleDeps, type ConsoleEnv } from "./console.types";
import { toHomePath } from "./pages/layout";
import { registerAudit } from "./routes/audit.routes";
import { registerBroadcasts } from "./routes/broadcasts.routes";
import { registerClaims } from "./routes/claims.routes";
import { registerExtensions } from "./routes/extensions.routes";
import { registerInbox } from "./routes/inbox.routes";
import { registerRegistrations } from "./routes/registrations.routes";
import { registerReports } from "./routes/reports.routes";
import { registerStaff } from "./routes/staff.routes";

export type ConsoleServer = {
  readonly app: Hono<ConsoleEnv>;
  /** Starts listening; resolves with the address (port 0 picks a free one). */
  listen(port: number, host: string): Promise<{ url: string }>;
  close(): Promise<void>;
};

const csp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

export function createConsoleServer(deps: ConsoleDeps): ConsoleServer {
  const settings = { ...defaultConsoleSettings, ...deps.settings };
  const auth = { ...deps, settings, sessions: createConsoleSessions(deps.store) };
  const app = new Hono<ConsoleEnv>();
  app.use(secureHeaders({ contentSecurityPolicy: csp, referrerPolicy: "no-referrer" }));
  // Forms only from this console's own origin (and the public one behind the proxy); the session's
  // CSRF token is checked as well (console-auth.tsx).
  const publicOrigin = settings.publicUrl ? new URL(settings.publicUrl).origin : undefined;
  app.use(csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }));
  app.get("/assets/console.css", (c) =>
    c.body(consoleCss, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "max-age=3600" }),
  );
  app.get("/assets/console.js", (c) =>
    c.body(consoleJs, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "max-age=3600",
    }),
  );
  app.get("/health", (c) => c.text("ok"));
  app.get("/favicon.ico", (c) => c.body(null, 204));
  registerAuth(app, auth);
  app.use("*", requireSession(auth));
  app.get("/", (c) => c.redirect(toHomePath(c.var.view), 303));
  registerInbox(app);
  registerClaims(app, deps);
  registerRegistrations(app);
  registerBroadcasts(app);
  registerReports(app);
  registerAudit(app);
  registerStaff(app, { ...deps, sessions: auth.sessions });
  registerExtensions(app, deps);
  app.notFound((c) => (c.var.view ? notFound(c) : c.text("Not found", 404)));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    deps.logger.error({ err: error, path: c.req.path }, "console request failed");
    return c.text("Internal error", 500);
  });

  let server: ServerType | undefined;
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve) => {
        server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) =>
          resolve({ url: `http://${host.includes(":") ? `[${host}]` : host}:${info.port}` }),
        );
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
