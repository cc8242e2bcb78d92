/**
 * The document-store contract against a real MongoDB: MONGODB_URI when set, else a mongod that
 * mongodb-memory-server already has (MONGOMS_SYSTEM_BINARY or its cache). With neither, the suite
 * is reported as skipped with the reason; it never pretends to pass. The adapter's pure parts and
 * its fail-fast connect are tested without a server.
 */
import { execFileSync } from "node:child_process";
import { MongoMemoryServer } from "mongodb-memory-server-core";
import { toDuplicateIndex, toMongoFilter, toMongoUpdate } from "../../src/storage/mongo/mongo-translate";
import { connectMongoDocumentStore, toSafeHost } from "../../src/storage/mongo/mongo-document.store";
import { describeDocumentStoreContract, type OpenStore } from "./document-store.contract";

const locateScript = `require("mongodb-memory-server-core").DryMongoBinary.generateOptions()
  .then((o) => require("mongodb-memory-server-core").DryMongoBinary.locateBinary(o))
  .then((p) => process.stdout.write(p || ""), () => process.stdout.write(""));`;

/** Decided before the tests are defined (jest cannot define tests asynchronously). */
function findMongo(): { uri: string } | { binary: string } | { skip: string } {
  const uri = process.env.MONGODB_URI;
  if (uri) return { uri };
  const binary = execFileSync(process.execPath, ["-e", locateScript], { encoding: "utf8", timeout: 15_000 });
  if (binary) return { binary };
  return {
    skip: "no MONGODB_URI and no mongod binary for mongodb-memory-server on this machine (offline); set MONGODB_URI or MONGOMS_SYSTEM_BINARY to run it",
  };
}

const mongo = findMongo();
const dbName = `jamsos_contract_${process.pid}_${Date.now().toString(36)}`;

const open: OpenStore = async () => {
  const server = "binary" in mongo ? await MongoMemoryServer.create() : undefined;
  const uri = "uri" in mongo ? mongo.uri : (server as MongoMemoryServer).getUri();
  const store = await connectMongoDocumentStore(uri, { dbName });
  return {
    store,
    close: async () => {
      await store.connection.dropDatabase();
      await store.close();
      await server?.stop();
    },
  };
};

if ("skip" in mongo) process.stderr.write(`\nMongoDB document store contract SKIPPED: ${mongo.skip}\n\n`);
describeDocumentStoreContract("MongoDB document store", open, "skip" in mongo ? mongo.skip : undefined);

describe("MongoDB document store without a server", () => {
  it("fails fast with STORAGE_UNAVAILABLE naming the host but not the password", async () => {
    const connecting = connectMongoDocumentStore("mongodb://jamsos:s3cret@127.0.0.1:1/jamsos", {
      serverSelectionTimeoutMS: 300,
    });

    const error: unknown = await connecting.catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AppError",
      code: "STORAGE_UNAVAILABLE",
      details: { host: "127.0.0.1:1" },
    });
    expect((error as Error).message).toContain("127.0.0.1:1");
    expect((error as Error).message).not.toContain("s3cret");
    expect((error as Error).cause).toBeDefined();
  });

  it("names hosts for logs without user name or password", () => {
    expect(toSafeHost("mongodb://user:p%40ss@db1:27017,db2:27018/app?replicaSet=rs0")).toBe(
      "db1:27017,db2:27018",
    );
    expect(toSafeHost("mongodb+srv://u:p/ss@cluster0.example.net/app")).toBe("cluster0.example.net");
    expect(toSafeHost("mongodb://localhost")).toBe("localhost");
  });

  it("reads the unique index of a duplicate-key error as the memory store names it", () => {
    expect(toDuplicateIndex({ code: 11000, keyPattern: { broadcastId: 1, recipient: 1 } })).toBe(
      "broadcastId_recipient",
    );
    expect(
      toDuplicateIndex({
        code: 11000,
        message: "E11000 duplicate key error collection: x.y index: phone_1 dup key",
      }),
    ).toBe("phone");
    expect(toDuplicateIndex({ code: 121 })).toBeUndefined();
  });

  it("sends MongoDB an update where $set to undefined unsets, and an upsert gets a string _id", () => {
    const update = toMongoUpdate({ $set: { a: 1, b: undefined }, $inc: { n: 1 } }, { kind: "x" }, true);

    expect(update).toEqual({
      $set: { a: 1 },
      $unset: { b: true },
      $inc: { n: 1 },
      $setOnInsert: { _id: expect.stringMatching(/^[0-9a-f]{24}$/) },
    });
    expect(toMongoUpdate({ $inc: { n: 1 } }, { _id: "c1" }, true)).toEqual({ $inc: { n: 1 } });
    expect(toMongoUpdate({}, { _id: "c1" }, false)).toEqual({ $set: {} });
  });

  it("drops undefined conditions from filters, inside $or too", () => {
    expect(toMongoFilter({ a: 1, b: undefined, $or: [{ c: undefined, d: 2 }] })).toEqual({
      a: 1,
      $or: [{ d: 2 }],
    });
  });
});
