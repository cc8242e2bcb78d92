/**
 * The Cloud API webhook over a plain node http server. GET answers Meta's verification challenge
 * when the verify token matches; POST is accepted only with a valid X-Hub-Signature-256 (an
 * HMAC-SHA256 of the raw body with the app secret), and answered 200 once the payload was handled
 * (500 makes Meta deliver it again; redelivery is harmless, messages are dropped by id).
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Logger } from "../../core/ports";
import { listenHttp } from "../../runtime/http-listen";

export type CloudWebhookOptions = {
  port: number;
  host?: string;
  /** Served path, e.g. "/whatsapp/webhook". */
  path: string;
  appSecret: string;
  verifyToken: string;
  /** Handles a signed payload; resolving answers 200, rejecting 500. */
  onPayload: (payload: unknown) => Promise<void>;
  logger: Logger;
  maxBodyBytes?: number;
};

export type CloudWebhookServer = { port: number; close(): Promise<void> };

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** True when `header` is "sha256=" + the hex HMAC-SHA256 of `rawBody` with the app secret. */
export function isSignedByMeta(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest("hex");
  return sameText(header.slice("sha256=".length).toLowerCase(), expected);
}

/** The answer to the subscription check: the challenge when mode and token match, else refused. */
export function toChallengeAnswer(
  query: URLSearchParams,
  verifyToken: string,
): { status: 200 | 403; body: string } {
  const challenge = query.get("hub.challenge") ?? "";
  const ok =
    query.get("hub.mode") === "subscribe" && sameText(query.get("hub.verify_token") ?? "", verifyToken);
  return ok && challenge !== "" ? { status: 200, body: challenge } : { status: 403, body: "" };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "tooLarge"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > limit ? "tooLarge" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startCloudWebhookServer(options: CloudWebhookOptions): Promise<CloudWebhookServer> {
  const limit = options.maxBodyBytes ?? 3 * 1024 * 1024;
  const log = options.logger;

  async function receive(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const raw = await readBody(req, limit);
    if (raw === "tooLarge") return { status: 413, body: "" };
    const signature = req.headers["x-hub-signature-256"];
    if (!isSignedByMeta(raw, Array.isArray(signature) ? signature[0] : signature, options.appSecret)) {
      log.warn(
        { bytes: raw.length, signed: Boolean(signature) },
        "whatsapp webhook refused: bad or missing signature",
      );
      return { status: 401, body: "" };
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString("utf8"));
    } catch {
      return { status: 400, body: "" };
    }
    await options.onPayload(payload);
    return { status: 200, body: "EVENT_RECEIVED" };
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const answer = (status: number, body: string) =>
      void res.writeHead(status, { "content-type": "text/plain" }).end(body);
    if (req.method === "GET" && url.pathname === "/health") return answer(200, "ok");
    if (url.pathname !== options.path) return answer(404, "");
    if (req.method === "GET") {
      const { status, body } = toChallengeAnswer(url.searchParams, options.verifyToken);
      if (status !== 200) log.warn({}, "whatsapp webhook verification refused: wrong verify token");
      return answer(status, body);
    }
    if (req.method !== "POST") return answer(405, "");
    receive(req).then(
      ({ status, body }) => answer(status, body),
      (error: unknown) => {
        log.error({ err: error }, "whatsapp webhook could not be handled; Meta will deliver it again");
        if (!res.headersSent) answer(500, "");
      },
    );
  });
  return listenHttp(server, options.port, options.host);
}
