/**
 * Downloads a file a user sent: the Graph API tells where it is, its type and size; type and size
 * are checked before downloading, the size again while downloading, and the checksum after.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media
 */
import { createHash } from "node:crypto";
import { AppError } from "../../core/errors";
import type { GraphClient } from "./graph-api.client";
import type { MediaRequest } from "./whatsapp-cloud.mapping";

const reject = (message: string, details: Record<string, unknown> = {}, cause?: unknown) =>
  new AppError("MEDIA_REJECTED", message, details, cause === undefined ? {} : { cause });

/** True when `expected` is the SHA-256 of `bytes`, in hex or base64 (Meta uses both). */
function matchesChecksum(bytes: Uint8Array, expected: string): boolean {
  const digest = createHash("sha256").update(bytes).digest();
  return expected.toLowerCase() === digest.toString("hex") || expected === digest.toString("base64");
}

export function createCloudMediaLoader(client: Pick<GraphClient, "getMedia" | "download">) {
  return async (request: MediaRequest): Promise<Uint8Array> => {
    const { limit } = request;
    let info;
    try {
      info = await client.getMedia(request.mediaId);
    } catch (error) {
      throw reject("The Cloud API no longer has this file (expired or deleted)", {}, error);
    }
    const mimeType = info.mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
    if (!limit.types.includes(mimeType)) throw reject("The file's type is not accepted", { mimeType });
    if (info.size > limit.maxBytes) throw reject("The file is larger than allowed", { size: info.size });
    let bytes: Uint8Array;
    try {
      bytes = await client.download(info.url, limit.maxBytes);
    } catch (error) {
      throw reject("Downloading the file failed", { maxBytes: limit.maxBytes }, error);
    }
    const expected = info.sha256 ?? request.sha256;
    if (expected && !matchesChecksum(bytes, expected)) throw reject("The file does not match its checksum");
    return bytes;
  };
}
