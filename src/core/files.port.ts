/**
 * Where documents people send (photos, PDFs) are kept: outside the chat and outside the database,
 * behind this port. The disk implementation encrypts every file (AES-256-GCM); metadata lives in
 * the `documents` collection.
 */
export type StoredFile = {
  /** Opaque key to read the file back. */
  key: string;
  size: number;
  /** hex SHA-256 of the plain bytes, to spot the same file sent twice. */
  sha256: string;
};

export interface FileStore {
  /**
   * Stores the bytes. With `key` (`ctx.effectKey("file")`, letters, digits, `-` and `_`) the file
   * is stored under a name derived from it, so storing it again overwrites instead of adding a copy.
   */
  put(bytes: Uint8Array, options: { extension: string; key?: string }): Promise<StoredFile>;
  /** The plain bytes; throws when the file is missing or was altered. */
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
  /** Where staff find it (a path on disk, an object URL), for the staff view. */
  locate(key: string): string;
}
