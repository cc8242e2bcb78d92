/**
 * /health and /ready for load balancers, Docker and systemd watchdogs, in every mode:
 * - GET /health: 200 while the process runs (liveness);
 * - GET /ready: 200 when the storage answers and every enabled channel runs, else 503, with a
 *   JSON body naming each part's state, so an operator sees at once what is wrong.
 * A port already taken is one warning line, never a reason to stop the bot.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../core/ports";
import { listenHttp } from "./http-listen";

export type ReadinessReport = {
  ready: boolean;
  storage: { kind: string; reachable: boolean };
  channels: Record<string, string>;
};

export type HealthServerOptions = {
  port: number;
  host: string;
  logger: Logger;
  readiness: () => Promise<ReadinessReport>;
};

export type HealthServer = { port: number; close(): Promise<void> };

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Starts the server; resolves to undefined (with a warning) when the port cannot be used. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer | undefined> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { error: "GET only" });
    if (path === "/health") return send(res, 200, { status: "ok" });
    if (path !== "/ready") return send(res, 404, { error: "try /health or /ready" });
    options.readiness().then(
      (report) =>
        send(res, report.ready ? 200 : 503, { status: report.ready ? "ready" : "not ready", ...report }),
      (error: unknown) => send(res, 503, { status: "not ready", error: String(error) }),
    );
  });
  const listening = await listenHttp(server, options.port, options.host).catch((error: unknown) => {
    options.logger.warn(
      { err: error, port: options.port },
      "health server not started (port in use?): /health and /ready are unavailable",
    );
    return undefined;
  });
  if (listening)
    options.logger.info(
      { port: listening.port, host: options.host },
      "health server: GET /health and /ready",
    );
  return listening;
}
