import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { Mongoose } from "mongoose";
import { createMongoAuthStore } from "../../../src/channels/whatsapp/whatsapp-mongo.store";
import { createWhatsAppWebClient } from "../../../src/channels/whatsapp/whatsapp-web.client";

type Stored = { _id: number; filename: string; uploadDate: Date; bytes: string };

/** Just enough of mongoose + GridFS for the store: buckets of files in memory. */
function createFakeMongoose(readyState = 1) {
  const buckets = new Map<string, Stored[]>();
  let id = 0;
  class GridFSBucket {
    private readonly files: Stored[];
    constructor(_db: unknown, options: { bucketName: string }) {
      this.files = buckets.get(options.bucketName) ?? [];
      buckets.set(options.bucketName, this.files);
    }
    openUploadStream(filename: string) {
      let bytes = "";
      const files = this.files;
      return new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.toString();
          done();
        },
        final(done) {
          id += 1;
          files.push({ _id: id, filename, uploadDate: new Date(Date.UTC(2026, 2, 2, 0, 0, id)), bytes });
          done();
        },
      });
    }
    find(filter: { filename: string }) {
      const found = this.files.filter((f) => f.filename === filter.filename);
      return {
        sort: () => ({ toArray: async () => [...found].sort((a, b) => +b.uploadDate - +a.uploadDate) }),
        toArray: async () => found,
      };
    }
    async delete(fileId: number) {
      this.files.splice(
        this.files.findIndex((f) => f._id === fileId),
        1,
      );
    }
  }
  const mongoose = { connection: { readyState, db: {} }, mongo: { GridFSBucket } };
  return { mongoose: mongoose as unknown as Pick<Mongoose, "connection" | "mongo">, buckets };
}

describe("WhatsApp login in MongoDB (WHATSAPP_AUTH=mongo)", () => {
  it("uploads the session zip from RemoteAuth's data folder, not the working directory, keeping only the newest", async () => {
    const dataPath = mkdtempSync(path.join(tmpdir(), "wa-remote-"));
    const { mongoose, buckets } = createFakeMongoose();
    const store = createMongoAuthStore(mongoose, dataPath);
    writeFileSync(path.join(dataPath, "RemoteAuth-jamsos.zip"), "first");
    await store.save({ session: "RemoteAuth-jamsos" });
    writeFileSync(path.join(dataPath, "RemoteAuth-jamsos.zip"), "second");
    await store.save({ session: "RemoteAuth-jamsos" });
    expect(buckets.get("whatsapp-RemoteAuth-jamsos")?.map((f) => f.bytes)).toEqual(["second"]);
  });

  it("refuses clearly when the bot runs without a connected MongoDB", () => {
    const options = { chromiumPath: "/usr/bin/chromium", dataDir: tmpdir(), auth: "mongo" as const };
    expect(() => createWhatsAppWebClient(options)).toThrow(/needs a connected MongoDB.*Set MONGODB_URI/);
    const disconnected = createFakeMongoose(0).mongoose;
    expect(() => createWhatsAppWebClient({ ...options, mongoose: disconnected })).toThrow(/MONGODB_URI/);
  });

  it("builds a client on a connected mongoose without starting a browser", () => {
    const client = createWhatsAppWebClient({
      chromiumPath: "/usr/bin/chromium",
      dataDir: mkdtempSync(path.join(tmpdir(), "wa-remote-")),
      auth: "mongo",
      mongoose: createFakeMongoose().mongoose,
    });
    expect(typeof client.initialize).toBe("function");
  });
});
