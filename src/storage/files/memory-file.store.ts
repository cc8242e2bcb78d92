/** Files in memory, for tests and the demo without a data folder. Same contract as the disk store. */
import { createHash, randomUUID } from "node:crypto";
import type { FileStore } from "../../core/files.port";

export function createMemoryFileStore(): FileStore & { count(): number } {
  const files = new Map<string, Uint8Array>();
  return {
    async put(bytes, { extension, key }) {
      const fileKey = `mem/${key && /^[\w-]+$/.test(key) ? key : randomUUID()}.${extension}`;
      files.set(fileKey, new Uint8Array(bytes));
      return { key: fileKey, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    },
    async get(key) {
      const file = files.get(key);
      if (!file) throw new Error("No such file");
      return new Uint8Array(file);
    },
    async remove(key) {
      files.delete(key);
    },
    locate: (key) => `memory:${key}`,
    count: () => files.size,
  };
}
