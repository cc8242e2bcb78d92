/**
 * telegram-test-api as a local Bot API server on a free port, plus the `client.fetch` grammY uses
 * in tests: it answers what the emulator lacks (getFile, file downloads, sendChatAction,
 * setMyCommands, descriptions), can fail chosen calls, slows empty getUpdates (the emulator
 * answers at once, which would busy-poll) and passes everything else to the emulator.
 */
import { createServer } from "node:net";
import TelegramServer from "telegram-test-api";
import type { FetchFn } from "../../src/channels/telegram/telegram.files";

export type ApiCall = { method: string; payload: Record<string, unknown> };
export type StoredFile = { bytes: Uint8Array; size?: number };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmulator(): Promise<TelegramServer> {
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1" });
  await server.start();
  return server;
}

const answeredHere: Record<string, unknown> = {
  sendChatAction: true,
  setMyCommands: true,
  setMyDescription: true,
  setMyShortDescription: true,
};

type FetchInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: { aborted: boolean; addEventListener(type: "abort", listener: () => void): void } | null;
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** grammY's abort-controller shim is not a native AbortSignal, which global fetch insists on. */
function toNativeSignal(signal: FetchInit["signal"]): AbortSignal | undefined {
  if (!signal) return undefined;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", () => controller.abort());
  return controller.signal;
}

export function createBotApiFetch(apiRoot: string) {
  const calls: ApiCall[] = [];
  const files = new Map<string, StoredFile>();
  const failures = new Map<string, number>();
  let idleDelayMs = 20;

  async function answer(method: string, payload: Record<string, unknown>): Promise<Response | undefined> {
    const failing = failures.get(method) ?? 0;
    if (failing > 0) {
      failures.set(method, failing - 1);
      return json({ ok: false, error_code: 400, description: "Bad Request: failed on purpose" }, 400);
    }
    if (method in answeredHere) return json({ ok: true, result: answeredHere[method] });
    if (method !== "getFile") return undefined;
    const id = String(payload.file_id);
    const file = files.get(id);
    if (!file) return json({ ok: false, error_code: 400, description: "Bad Request: invalid file_id" }, 400);
    const size = file.size ?? file.bytes.length;
    return json({
      ok: true,
      result: { file_id: id, file_unique_id: id, file_size: size, file_path: `files/${id}` },
    });
  }

  const fetchFn = async (url: string, init: FetchInit = {}): Promise<Response> => {
    const path = url.slice(apiRoot.length);
    const download = /^\/file\/bot[^/]+\/files\/(.+)$/.exec(path);
    if (download) {
      const file = files.get(download[1] ?? "");
      calls.push({ method: "download", payload: { file_id: download[1] } });
      if (!file) return new Response("not found", { status: 404 });
      return new Response(file.bytes, { headers: { "content-length": String(file.bytes.length) } });
    }
    const method = path.split("/").pop() ?? "";
    const payload = typeof init.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    calls.push({ method, payload });
    const local = await answer(method, payload);
    if (local) return local;
    const signal = toNativeSignal(init.signal);
    const response = await fetch(url, {
      method: init.method ?? "POST",
      ...(init.headers ? { headers: init.headers } : {}),
      ...(typeof init.body === "string" ? { body: init.body } : {}),
      ...(signal ? { signal } : {}),
    });
    if (method === "getUpdates") {
      const body = (await response.clone().json()) as { result?: unknown[] };
      if (body.result?.length === 0) await new Promise((resolve) => setTimeout(resolve, idleDelayMs));
    }
    return response;
  };

  return {
    fetch: fetchFn as FetchFn,
    calls,
    files,
    /** The next `times` calls of `method` fail with a 400 error. */
    fail: (method: string, times = 1) => void failures.set(method, times),
    setIdleDelay: (ms: number) => void (idleDelayMs = ms),
    methods: () => calls.map((c) => c.method).filter((m) => m !== "getUpdates"),
  };
}

export type BotApiFetch = ReturnType<typeof createBotApiFetch>;
