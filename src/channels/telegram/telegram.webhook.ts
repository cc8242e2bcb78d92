/**
 * Webhook mode: a plain node http server that hands POSTs on the webhook path to grammY, which
 * refuses a request without the right X-Telegram-Bot-Api-Secret-Token. GET /health answers "ok"
 * for load balancers. Closing waits for updates in flight.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot } from "grammy";
import type { Logger } from "../../core/ports";

export type WebhookServerOptions = {
  bot: Bot;
  /** The path of the public webhook URL, served here as is. */
  path: string;
  port: number;
  host?: string;
  secret: string;
  logger: Logger;
};

export type WebhookServer = { port: number; close(): Promise<void> };

/** A secret token derived from the bot token, for when TELEGRAM_WEBHOOK_SECRET is not set. */
export function toWebhookSecret(token: string): string {
  return createHash("sha256").update(`jamsos-webhook|${token}`).digest("base64url").slice(0, 48);
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  // "return" answers Telegram after the timeout while the update finishes, so a slow reply is
  // not redelivered; duplicates are dropped anyway.
  const handle = webhookCallback(options.bot, "http", {
    secretToken: options.secret,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
