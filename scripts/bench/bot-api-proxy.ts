/**
 * For the crash bench: a Bot API server in front of telegram-test-api that keeps updates as
 * Telegram does. The emulator forgets an update once fetched; Telegram keeps it until a later
 * getUpdates `offset` confirms it, which is what lets a killed bot get it again. This proxy serves
 * getUpdates from the emulator's storage with those semantics (long-polling up to 1 s), answers
 * getFile and file downloads from `files`, answers the calls the emulator lacks, and passes every
 * other call (sendMessage…) to the emulator, which records what the bot sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import TelegramServer from "telegram-test-api";

type StoredUpdate = { updateId: number; botToken: string };
type Storage = { userMessages: StoredUpdate[] };

const answeredHere = new Set([
  "sendChatAction",
  "setMyCommands",
  "setMyDescription",
  "setMyShortDescription",
  "deleteWebhook",
]);

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => resolve(body));
  });

const send = (res: ServerResponse, status: number, body: unknown): void =>
  void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

export type BotApiProxy = { apiRoot: string; close(): Promise<void> };

export async function startBotApiProxy(
  server: TelegramServer,
  files: Map<string, Uint8Array>,
): Promise<BotApiProxy> {
  const storage = (server as unknown as { storage: Storage }).storage;
  const format = (update: StoredUpdate) =>
    (TelegramServer as unknown as { formatUpdate(u: StoredUpdate): unknown }).formatUpdate(update);

  /** Updates for `token` from `offset` on; everything below `offset` is confirmed and dropped. */
  function pending(token: string, offset: number, limit: number): unknown[] {
    if (offset > 0)
      storage.userMessages = storage.userMessages.filter((u) => u.botToken !== token || u.updateId >= offset);
    return storage.userMessages
      .filter((u) => u.botToken === token)
      .slice(0, limit)
      .map(format);
  }

  async function getUpdates(token: string, body: { offset?: number; timeout?: number; limit?: number }) {
    const until = Date.now() + Math.min(1, body.timeout ?? 0) * 1000;
    for (;;) {
      const updates = pending(token, body.offset ?? 0, body.limit ?? 100);
      if (updates.length > 0 || Date.now() >= until) return updates;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const download = /^\/file\/bot[^/]+\/files\/(.+)$/.exec(url);
    if (download) {
      const bytes = files.get(download[1] ?? "");
      if (!bytes) res.writeHead(404).end();
      else res.writeHead(200, { "content-length": String(bytes.length) }).end(bytes);
      return;
    }
    const [, token = "", method = ""] = /^\/bot([^/]+)\/(\w+)/.exec(url) ?? [];
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (method === "getUpdates")
      return void send(res, 200, { ok: true, result: await getUpdates(token, body) });
    if (answeredHere.has(method)) return void send(res, 200, { ok: true, result: true });
    if (method === "getFile") {
      const id = String(body.file_id);
      const size = files.get(id)?.length ?? 0;
      return send(res, 200, {
        ok: true,
        result: { file_id: id, file_unique_id: id, file_size: size, file_path: `files/${id}` },
      });
    }
    const forwarded = await fetch(`${server.config.apiURL}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw || "{}",
    });
    res.writeHead(forwarded.status, { "content-type": "application/json" }).end(await forwarded.text());
  }

  const proxy: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, description: String(error) }));
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}
