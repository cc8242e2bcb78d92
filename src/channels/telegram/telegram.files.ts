/**
 * Downloads a file the user sent: getFile for its path, then the Bot API file URL. The size is
 * checked from getFile and the Content-Length header before downloading, and again after.
 */
import type { Api } from "grammy";
import { AppError } from "../../core/errors";

/** The fetch the channel uses for downloads (global fetch in production, a fake in tests). */
export type FetchFn = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export type FileLoaderOptions = {
  api: Pick<Api, "getFile">;
  token: string;
  apiRoot: string;
  maxBytes: number;
  fetch: FetchFn;
  timeoutMs?: number;
};

function tooLarge(size: number, maxBytes: number): AppError {
  return new AppError("MEDIA_REJECTED", "The file is larger than the configured limit", { size, maxBytes });
}

/** Returns `loadFile(fileId)`, rejecting with MEDIA_REJECTED when the file is too large. */
export function createFileLoader(options: FileLoaderOptions): (fileId: string) => Promise<Uint8Array> {
  return async (fileId) => {
    const file = await options.api.getFile(fileId);
    if ((file.file_size ?? 0) > options.maxBytes) throw tooLarge(file.file_size ?? 0, options.maxBytes);
    if (!file.file_path)
      throw new AppError("MEDIA_REJECTED", "Telegram gave no download path for the file", { fileId });
    const url = `${options.apiRoot}/file/bot${options.token}/${file.file_path}`;
    let response: Response;
    try {
      response = await options.fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
    } catch (error) {
      throw new AppError("MEDIA_REJECTED", "Downloading the file failed", {}, { cause: error });
    }
    if (!response.ok)
      throw new AppError("MEDIA_REJECTED", "Downloading the file failed", { status: response.status });
    const announced = Number(response.headers.get("content-length") ?? 0);
    if (announced > options.maxBytes) {
      await response.body?.cancel();
      throw tooLarge(announced, options.maxBytes);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > options.maxBytes) throw tooLarge(bytes.length, options.maxBytes);
    return bytes;
  };
}
