/**
 * A local stand-in for Meta's Graph API (WhatsApp Cloud API), over real HTTP: it checks the bearer
 * token and the message shapes Meta enforces (≤ 3 buttons of ≤ 20 characters, ≤ 10 list rows of
 * ≤ 24, bodies ≤ 1,024 / 4,096), records what the bot sent, serves media for download, answers
 * with the shapes recorded in test/fixtures/whatsapp-cloud/meta-shapes.ts, injects failures
 * (a 429 storm, an undeliverable number, a closed 24-hour window), and posts signed status
 * webhooks (sent, delivered, read) back to the bot.
 */
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import {
  toGraphError,
  toMediaUrlResponse,
  toSendResponse,
  toStatus,
  toWebhookEnvelope,
} from "../fixtures/whatsapp-cloud/meta-shapes";

type Choice = { id: string; title: string };
/** The parts of a message body the fake checks and tests read. */
export type GraphMessageBody = {
  messaging_product?: string;
  to?: string;
  type?: string;
  biz_opaque_callback_data?: string;
  text?: { body?: string };
  template?: {
    name?: string;
    language?: { code?: string };
    components?: { type: string; parameters?: { type: string; text?: string }[] }[];
  };
  interactive?: {
    type?: string;
    body?: { text?: string };
    action?: {
      buttons?: { reply: Choice }[];
      button?: string;
      sections?: { title?: string; rows?: Choice[] }[];
    };
  };
};
export type SentMessage = { id: string; to: string; type: string; body: GraphMessageBody; at: number };
type Failure = { status: number; body: unknown };

export type FakeGraphOptions = {
  accessToken?: string;
  appSecret?: string;
  phoneNumberId?: string;
  /** Statuses posted back to `webhookUrl` for every message accepted. */
  receipts?: ("sent" | "delivered" | "read")[];
  webhookUrl?: string;
};

export const signBody = (body: string, secret: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });

/** Why Meta would refuse this message body, or undefined when it is well-formed. */
export function toShapeProblem(body: GraphMessageBody): string | undefined {
  if (body.messaging_product !== "whatsapp" || !/^\d{6,15}$/.test(String(body.to)))
    return "messaging_product/to";
  const i = body.interactive;
  if (body.type === "text") return body.text?.body && body.text.body.length <= 4096 ? undefined : "text.body";
  if (body.type === "template")
    return body.template?.name && body.template?.language?.code ? undefined : "template name/language";
  if (body.type !== "interactive")
    return ["image", "document"].includes(body.type ?? "") ? undefined : "type";
  if (!i?.body?.text || i.body.text.length > 1024) return "interactive.body";
  if (i.type === "button") {
    const buttons = i.action?.buttons ?? [];
    return buttons.length >= 1 && buttons.length <= 3 && buttons.every((b) => b.reply.title.length <= 20)
      ? undefined
      : "buttons";
  }
  const rows = (i.action?.sections ?? []).flatMap((s) => s.rows ?? []);
  return rows.length >= 1 && rows.length <= 10 && rows.every((r) => r.title.length <= 24) && i.action?.button
    ? undefined
    : "list";
}

export async function startFakeGraphApi(options: FakeGraphOptions = {}) {
  const token = options.accessToken ?? "EAAtest-token-0123456789";
  const secret = options.appSecret ?? "0123456789abcdef0123456789abcdef";
  const phoneNumberId = options.phoneNumberId ?? "106540352242922";
  const sent: SentMessage[] = [];
  const failures: Failure[] = [];
  const failFor = new Map<string, Failure>();
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const pending = new Set<Promise<unknown>>();
  const counts = { messages: 0, refused: 0 };
  const webhookAttempts = 150;
  let counter = 0;
  let closed = false;

  /** Posts a signed webhook; like Meta, tries again while the bot does not answer 200 (down, restarting). */
  async function deliverWebhook(url: string, body: string): Promise<void> {
    const headers = { "content-type": "application/json", "x-hub-signature-256": signBody(body, secret) };
    for (let attempt = 0; attempt < webhookAttempts && !closed; attempt++) {
      const response = await fetch(url, { method: "POST", headers, body }).catch(() => undefined);
      if (response?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  function postStatuses(message: SentMessage): void {
    if (!options.webhookUrl || !options.receipts?.length) return;
    const callbackData = message.body.biz_opaque_callback_data;
    const statuses = options.receipts.map((s, i) =>
      toStatus(message.id, s, message.to, {
        ...(callbackData ? { callbackData } : {}),
        timestamp: 1750263773 + i,
      }),
    );
    const body = JSON.stringify(toWebhookEnvelope({ statuses }));
    const post = deliverWebhook(options.webhookUrl, body);
    pending.add(post);
    void post.finally(() => pending.delete(post));
  }

  function onMessage(body: GraphMessageBody): { status: number; json: unknown } {
    counts.messages += 1;
    const problem = toShapeProblem(body);
    if (problem)
      return { status: 400, json: toGraphError(131009, `Parameter value is not valid: ${problem}`) };
    const failure = failures.shift() ?? failFor.get(body.to ?? "");
    if (failure) {
      counts.refused += 1;
      return { status: failure.status, json: failure.body };
    }
    const message: SentMessage = {
      id: `wamid.FAKE${++counter}`,
      to: String(body.to),
      type: body.type ?? "",
      body,
      at: Date.now(),
    };
    sent.push(message);
    postStatuses(message);
    return { status: 200, json: toSendResponse(message.to, message.id) };
  }

  const server = createServer((req, res) => {
    void (async (): Promise<unknown> => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const raw = await readBody(req);
      const reply = (status: number, json: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      if (req.headers.authorization !== `Bearer ${token}`)
        return reply(401, toGraphError(190, "Invalid OAuth access token"));
      const download = /^\/download\/(\w+)$/.exec(url.pathname)?.[1];
      if (download) return res.writeHead(200).end(media.get(download)?.bytes ?? Buffer.alloc(0));
      if (req.method === "POST" && url.pathname.endsWith(`/${phoneNumberId}/messages`)) {
        const answer = onMessage(JSON.parse(raw.toString("utf8")) as GraphMessageBody);
        return reply(answer.status, answer.json);
      }
      if (req.method === "POST" && url.pathname.endsWith(`/${phoneNumberId}/media`)) {
        const type = String(req.headers["content-type"]);
        const form = await new Response(raw, { headers: { "content-type": type } }).formData();
        const file = form.get("file");
        if (form.get("messaging_product") !== "whatsapp" || !(file instanceof Blob))
          return reply(400, toGraphError(100, "Invalid parameter"));
        const id = String(9_000_000_000 + media.size);
        media.set(id, { bytes: Buffer.from(await file.arrayBuffer()), mimeType: file.type });
        return reply(200, { id });
      }
      const mediaId = /^\/v[\d.]+\/(\d+)$/.exec(url.pathname)?.[1];
      const file = mediaId ? media.get(mediaId) : undefined;
      if (req.method === "GET" && file && mediaId) {
        const sha = createHash("sha256").update(file.bytes).digest("hex");
        const link = `http://127.0.0.1:${(server.address() as AddressInfo).port}/download/${mediaId}`;
        return reply(200, toMediaUrlResponse(mediaId, link, file.mimeType, sha, file.bytes.length));
      }
      return reply(404, toGraphError(100, "Unsupported get request"));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    secret,
    phoneNumberId,
    sent,
    counts,
    setWebhookUrl: (url: string) => void (options.webhookUrl = url),
    setReceipts: (receipts: NonNullable<FakeGraphOptions["receipts"]>) => void (options.receipts = receipts),
    /** The bytes of an uploaded or added file. */
    mediaBytes: (id: string) => media.get(id)?.bytes,
    /** A file a user sent: its media id for a webhook. */
    addMedia(bytes: Uint8Array, mimeType: string): string {
      const id = String(9_000_000_000 + media.size);
      media.set(id, { bytes: Buffer.from(bytes), mimeType });
      return id;
    },
    /** The next `count` messages fail with HTTP 429 and code 130429 (throughput). */
    storm(count: number): void {
      for (let i = 0; i < count; i++)
        failures.push({ status: 429, body: toGraphError(130429, "Rate limit hit") });
    },
    failNext(code: number, title: string, status = 400): void {
      failures.push({ status, body: toGraphError(code, title) });
    },
    /** Every message to `to` (digits) fails with `code`. */
    failTo(to: string, code: number, title: string): void {
      failFor.set(to, { status: 400, body: toGraphError(code, title) });
    },
    /** Resolves when every status webhook posted so far was answered. */
    async flushReceipts(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeGraphApi = Awaited<ReturnType<typeof startFakeGraphApi>>;
