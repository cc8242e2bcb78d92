/**
 * Webhook mode: a plain node http server that hands POSTs on the webhook path to grammY, which
 * refuses a request without the right X-Telegram-Bot-Api-Secret-Token. GET /health answers "ok"
 * for load balancers. Closing waits for updates in flight. Several workers may serve the same
 * webhook behind a load balancer: conversations are ordered by their lease in the shared store.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { Logger } from "../../core/ports";
import { listenHttp } from "../../runtime/http-listen";

export type WebhookServerOptions = {
  bot: Bot;
  /** The path of the public webhook URL, served here as is. */
  path: string;
  port: number;
  host?: string;
  secret: string;
  logger: Logger;
  /** Longest an update may take before Telegram is answered with an error (and retries it). */
  timeoutMs?: number;
};

export type WebhookServer = { port: number; close(): Promise<void> };

/** A secret token derived from the bot token, for when TELEGRAM_WEBHOOK_SECRET is not set. */
export function toWebhookSecret(token: string): string {
  return createHash("sha256").update(`jamsos-webhook|${token}`).digest("base64url").slice(0, 48);
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  // Telegram gets its answer only once the update was handled, so its turn is saved: a worker
  // killed before that leaves the update to be delivered again (to any worker), never lost. An
  // update that takes too long is answered with an error and comes again; the engine drops it
  // then if it was finished meanwhile (by message id), or sends its replies if they never went out.
  const handle = webhookCallback(options.bot, "http", {
    secretToken: options.secret,
    onTimeout: "throw",
    timeoutMilliseconds: options.timeoutMs ?? 50_000,
  });
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/health") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method !== "POST" || path !== options.path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, "webhook update failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return listenHttp(server, options.port, options.host);
}
