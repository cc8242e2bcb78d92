/**
 * Finds a mongod binary for the embedded MongoDB without holding start-up offline: an existing
 * binary first (MONGOMS_SYSTEM_BINARY, mongodb-memory-server's caches), then one download attempt
 * whose reachability check is bounded by a timeout. A failed attempt is remembered in a marker file
 * in DATA_DIR so later starts skip it until `retryAfterMs` has passed or a binary appears.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { DryMongoBinary, MongoBinary } from "mongodb-memory-server-core";
import { MongoBinaryDownloadUrl } from "mongodb-memory-server-core/lib/util/MongoBinaryDownloadUrl";
import {
  envToBool,
  resolveConfig,
  ResolveConfigVariables,
} from "mongodb-memory-server-core/lib/util/resolveConfig";
import type { Logger } from "../../core/ports";

export const unavailableMarkerFile = "embedded-mongo-unavailable.json";
const threeDays = 3 * 24 * 3600_000;

export type MongodLookup =
  { type: "found"; path: string } | { type: "missing"; reason: string; attempted: boolean };

export type MongodLookupOptions = {
  dataDir: string;
  /** Bound on the download's reachability check (EMBEDDED_MONGO_TIMEOUT_MS). */
  timeoutMs: number;
  logger: Logger;
  now: Date;
  /** After a failed attempt, how long later starts skip the download (default 3 days). */
  retryAfterMs?: number;
};

/** What the marker file holds: why the last download failed, and when. */
export type UnavailableMarker = { reason: string; at: string; url?: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The path of an already available mongod, or undefined. Throws when MONGOMS_SYSTEM_BINARY is wrong. */
export async function locateMongod(): Promise<string | undefined> {
  return DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions());
}

export async function readUnavailableMarker(dataDir: string): Promise<UnavailableMarker | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dataDir, unavailableMarkerFile), "utf8")) as unknown;
    const marker = parsed as Partial<UnavailableMarker>;
    return typeof marker.reason === "string" && typeof marker.at === "string"
      ? (parsed as UnavailableMarker)
      : undefined;
  } catch {
    return undefined;
  }
}

async function writeUnavailableMarker(dataDir: string, marker: UnavailableMarker): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, unavailableMarkerFile), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Resolves when `url` answers a HEAD request within `timeoutMs`; rejects with why not. */
function checkReachable(url: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "http:" ? http.request : https.request;
    const request = send(target, { method: "HEAD", agent: false, timeout: timeoutMs });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("response", (response) => {
      clearTimeout(timer);
      response.resume();
      request.destroy();
      const status = response.statusCode ?? 0;
      if (status < 400) resolve();
      else reject(new Error(`HTTP ${status}`));
    });
    request.end();
  });
}

async function download(options: MongodLookupOptions): Promise<MongodLookup> {
  let url: string | undefined;
  try {
    const binaryOptions = await DryMongoBinary.generateOptions();
    url = await new MongoBinaryDownloadUrl(binaryOptions).getDownloadUrl();
    await checkReachable(url, options.timeoutMs);
    options.logger.info(
      { url, downloadDir: binaryOptions.downloadDir },
      "downloading MongoDB for the embedded database (once, about 100 MB)",
    );
    const checkMD5 = envToBool(resolveConfig(ResolveConfigVariables.MD5_CHECK));
    const found = await MongoBinary.download({ ...binaryOptions, checkMD5 });
    await rm(path.join(options.dataDir, unavailableMarkerFile), { force: true });
    return { type: "found", path: found };
  } catch (error) {
    const reason = `download of MongoDB failed${url ? ` (${url})` : ""}: ${messageOf(error)}`;
    await writeUnavailableMarker(options.dataDir, {
      reason,
      at: options.now.toISOString(),
      ...(url ? { url } : {}),
    });
    return { type: "missing", reason, attempted: true };
  }
}

/** Finds or (once, bounded) downloads mongod; never throws. */
export async function obtainMongod(options: MongodLookupOptions): Promise<MongodLookup> {
  try {
    const found = await locateMongod();
    if (found) return { type: "found", path: found };
  } catch (error) {
    return { type: "missing", reason: `MONGOMS_SYSTEM_BINARY: ${messageOf(error)}`, attempted: false };
  }
  if (!envToBool(resolveConfig(ResolveConfigVariables.RUNTIME_DOWNLOAD)))
    return {
      type: "missing",
      reason: "no mongod binary and MONGOMS_RUNTIME_DOWNLOAD=false",
      attempted: false,
    };
  const marker = await readUnavailableMarker(options.dataDir);
  const retryAt = marker ? new Date(marker.at).getTime() + (options.retryAfterMs ?? threeDays) : 0;
  if (marker && retryAt > options.now.getTime()) {
    const reason = `no mongod binary; the last download attempt (${marker.at}) failed: ${marker.reason}; next attempt after ${new Date(retryAt).toISOString()} (delete ${unavailableMarkerFile} in DATA_DIR to retry now)`;
    return { type: "missing", reason, attempted: false };
  }
  return download(options);
}
