/**
 * RemoteAuth's store over MongoDB GridFS: wwebjs-mongo's MongoStore, except `save`, which in
 * wwebjs-mongo 1.1.0 reads the session zip from the working directory while RemoteAuth writes it
 * to its dataPath (ENOENT after every login; whatsapp-web.js issue "RemoteAuth ENOENT - zip created
 * in dataPath but later opened from CWD"). Same buckets and file names, so sessions stay compatible.
 */
import { createReadStream } from "node:fs";
import path from "node:path";
import type { Mongoose } from "mongoose";
import type WAWebJS from "whatsapp-web.js";
import { MongoStore } from "wwebjs-mongo";

type MongooseLike = Pick<Mongoose, "connection" | "mongo">;
type SessionOptions = { session: string };
type StoreClass = new (options: { mongoose: MongooseLike }) => WAWebJS.Store;

export function createMongoAuthStore(mongoose: MongooseLike, dataPath: string): WAWebJS.Store {
  const store = new (MongoStore as unknown as StoreClass)({ mongoose });
  return {
    sessionExists: async (options) => Boolean(await store.sessionExists(options)),
    extract: async (options) => {
      await store.extract(options);
    },
    delete: async (options) => {
      await store.delete(options);
    },
    async save({ session }: SessionOptions) {
      const db = mongoose.connection.db;
      if (!db) throw new Error("MongoDB is not connected; the WhatsApp login could not be saved");
      const bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: `whatsapp-${session}` });
      const fileName = `${session}.zip`;
      await new Promise<void>((resolve, reject) => {
        createReadStream(path.join(dataPath, fileName))
          .on("error", reject)
          .pipe(bucket.openUploadStream(fileName))
          .on("error", reject)
          .on("finish", () => resolve());
      });
      const copies = await bucket.find({ filename: fileName }).sort({ uploadDate: -1 }).toArray();
      for (const old of copies.slice(1)) await bucket.delete(old._id);
    },
  };
}
