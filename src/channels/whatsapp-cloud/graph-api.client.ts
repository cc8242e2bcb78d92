/**
 * The Graph API calls the Cloud channel makes, over fetch: send a message (through the account's
 * rate gate), look up and download a received file, upload a file to send. A failure Meta marks
 * as temporary is retried with exponential backoff and jitter (a throughput limit holds every
 * send at once); what remains is thrown as a GraphApiError carrying Meta's code and what to do.
 * A request that may have reached Meta (connection lost mid-way) is never repeated.
 */
import { GraphApiError, toGraphFailure, type GraphErrorBody } from "./graph-api.errors";
import type { RateGate } from "./graph-api.pace";

export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

export type RetryPolicy = { attempts: number; baseMs: number; maxMs: number };
export const defaultRetryPolicy: RetryPolicy = { attempts: 5, baseMs: 500, maxMs: 30_000 };

export type GraphClientOptions = {
  apiRoot: string;
  version: string;
  phoneNumberId: string;
  accessToken: string;
  gate: RateGate;
  fetch?: FetchFn;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type MediaInfo = { url: string; mimeType: string; sha256?: string; size: number };

/** Network failures where the request certainly never left: safe to send again. */
const notSent = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/;

const toCode = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return String(cause?.code ?? (error instanceof Error ? error.message : error));
};

export function createGraphClient(options: GraphClientOptions) {
  const doFetch: FetchFn = options.fetch ?? ((url, init) => fetch(url, init));
  const retry = options.retry ?? defaultRetryPolicy;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const base = `${options.apiRoot.replace(/\/$/, "")}/${options.version}`;
  const auth = { authorization: `Bearer ${options.accessToken}` };

  /** Exponential with jitter, at least what Meta asked, at most `maxMs`. */
  const backoffMs = (attempt: number, atLeast: number) =>
    Math.min(retry.maxMs, Math.max(atLeast, retry.baseMs * 2 ** (attempt - 1) * (0.5 + random())));

  /** One call with retries; `paced` calls pass the rate gate first (messages count, lookups do not). */
  async function call<T>(url: string, init: RequestInit, paced: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (paced) await options.gate.acquire();
      let response: Response;
      try {
        response = await doFetch(url, { ...init, headers: { ...auth, ...init.headers } });
      } catch (error) {
        const code = toCode(error);
        if (!notSent.test(code) || attempt >= retry.attempts) throw error;
        await sleep(backoffMs(attempt, 0));
        continue;
      }
      if (response.ok) return (await response.json()) as T;
      const body = (await response.json().catch(() => undefined)) as GraphErrorBody | undefined;
      const failure = toGraphFailure(response.status, body);
      const description = (body?.error?.message ?? `HTTP ${response.status}`).slice(0, 160);
      if (failure.action !== "retry" || attempt >= retry.attempts)
        throw new GraphApiError(response.status, body?.error?.code, failure, description);
      const retryAfter = Number(response.headers.get("retry-after") ?? "0") * 1000;
      const wait = backoffMs(attempt, Math.max(failure.waitMs, retryAfter));
      if (failure.scope === "account") options.gate.holdOff(wait);
      else await sleep(wait);
    }
  }

  return {
    /** Sends one message payload (the `to`, `type` and content); resolves with its wamid. */
    async sendMessage(payload: Record<string, unknown>): Promise<string> {
      const result = await call<{ messages?: { id: string }[] }>(
        `${base}/${options.phoneNumberId}/messages`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", ...payload }),
        },
        true,
      );
      return result.messages?.[0]?.id ?? "";
    },

    /** Where a received file can be downloaded (a URL valid for minutes), its type and size. */
    async getMedia(mediaId: string): Promise<MediaInfo> {
      const info = await call<{
        url: string;
        mime_type: string;
        sha256?: string;
        file_size?: string | number;
      }>(
        `${base}/${encodeURIComponent(mediaId)}?phone_number_id=${options.phoneNumberId}`,
        { method: "GET" },
        false,
      );
      return {
        url: info.url,
        mimeType: info.mime_type,
        ...(info.sha256 ? { sha256: info.sha256 } : {}),
        size: Number(info.file_size ?? 0),
      };
    },

    /** Downloads a file from a media URL, stopping as soon as it exceeds `maxBytes`. */
    async download(url: string, maxBytes: number): Promise<Uint8Array> {
      const response = await doFetch(url, { headers: auth });
      if (!response.ok || !response.body) throw new Error(`Media download failed: HTTP ${response.status}`);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > maxBytes) throw new Error(`Media is larger than ${maxBytes} bytes`);
        chunks.push(chunk);
      }
      return new Uint8Array(Buffer.concat(chunks));
    },

    /** Uploads a file to send; resolves with its media id. */
    async uploadMedia(bytes: Uint8Array, mimeType: string, fileName: string): Promise<string> {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", mimeType);
      form.set("file", new Blob([bytes], { type: mimeType }), fileName);
      const result = await call<{ id: string }>(
        `${base}/${options.phoneNumberId}/media`,
        { method: "POST", body: form },
        false,
      );
      return result.id;
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;
