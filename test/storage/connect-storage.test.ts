/**
 * Start-up storage choice without a MongoDB server: the embedded attempt falls back to the memory
 * store quickly, says why, and remembers a failed download in DATA_DIR. The download is made
 * impossible by pointing mongodb-memory-server at a closed local port.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Logger, LogFields } from "../../src/core/ports";
import { connectStorage, type StorageOptions } from "../../src/storage/connect-storage";
import { obtainMongod, unavailableMarkerFile } from "../../src/storage/mongo/mongod-binary";

type Line = { level: string; fields: LogFields; message: string };

function createRecordingLogger(lines: Line[]): Logger {
  const at =
    (level: string) =>
    (fields: LogFields, message: string): void =>
      void lines.push({ level, fields, message });
  const logger: Logger = {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => logger,
  };
  return logger;
}

const locateScript = `require("mongodb-memory-server-core").DryMongoBinary.generateOptions()
  .then((o) => require("mongodb-memory-server-core").DryMongoBinary.locateBinary(o))
  .then((p) => process.stdout.write(p || ""), () => process.stdout.write(""));`;
const binaryHere = execFileSync(process.execPath, ["-e", locateScript], {
  encoding: "utf8",
  timeout: 15_000,
});
const withoutBinary = binaryHere ? describe.skip : describe;
const skipNote = binaryHere ? ` (skipped: a mongod binary exists here at ${binaryHere})` : "";

withoutBinary(`connectStorage when no MongoDB can be had${skipNote}`, () => {
  const saved = { url: process.env.MONGOMS_DOWNLOAD_URL, dir: process.env.MONGOMS_DOWNLOAD_DIR };
  let dataDir: string;
  let lines: Line[];
  let options: StorageOptions;

  beforeAll(() => {
    process.env.MONGOMS_DOWNLOAD_URL = "http://127.0.0.1:1/mongodb-linux-x86_64-debian12-8.2.6.tgz";
  });
  afterAll(() => {
    for (const [key, value] of [
      ["MONGOMS_DOWNLOAD_URL", saved.url],
      ["MONGOMS_DOWNLOAD_DIR", saved.dir],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "jamsos-storage-"));
    process.env.MONGOMS_DOWNLOAD_DIR = path.join(dataDir, "binaries");
    lines = [];
    const logger = createRecordingLogger(lines);
    options = { mongodbUri: undefined, embedded: true, embeddedTimeoutMs: 500, dataDir, logger };
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const marker = async () =>
    JSON.parse(await readFile(path.join(dataDir, unavailableMarkerFile), "utf8")) as {
      reason: string;
      at: string;
    };

  it("falls back to the memory store, says why, and remembers the failed download", async () => {
    const storage = await connectStorage(options);

    expect(storage.store.kind).toBe("memory");
    expect(storage.description).toMatch(/^memory/);
    expect(storage.connection).toBeUndefined();
    const warning = lines.find((line) => line.level === "warn" && line.fields.storage === "memory");
    expect(warning?.fields.reason).toMatch(
      /embedded MongoDB unavailable: download of MongoDB failed .*127\.0\.0\.1:1/,
    );
    expect(await marker()).toEqual({
      reason: expect.stringContaining("127.0.0.1:1"),
      at: expect.any(String),
      url: "http://127.0.0.1:1/mongodb-linux-x86_64-debian12-8.2.6.tgz",
    });
    await storage.close();
  });

  it("skips the download on the next start while the last failure is recent", async () => {
    const earlier = { reason: "download of MongoDB failed: offline", at: new Date().toISOString() };
    await writeFile(path.join(dataDir, unavailableMarkerFile), JSON.stringify(earlier));

    const storage = await connectStorage(options);

    expect(storage.store.kind).toBe("memory");
    const warning = lines.find((line) => line.fields.storage === "memory");
    expect(warning?.fields.reason).toContain(`the last download attempt (${earlier.at}) failed`);
    expect(await marker()).toEqual(earlier);
  });

  it("tries the download again once the failure is older than the retry period", async () => {
    const now = new Date("2026-03-10T00:00:00.000Z");
    await writeFile(
      path.join(dataDir, unavailableMarkerFile),
      JSON.stringify({ reason: "offline", at: "2026-03-06T00:00:00.000Z" }),
    );

    const lookup = await obtainMongod({ dataDir, timeoutMs: 500, logger: options.logger, now });

    expect(lookup).toMatchObject({ type: "missing", attempted: true });
    expect((await marker()).at).toBe(now.toISOString());
  });

  it("uses the memory store without trying MongoDB when EMBEDDED_MONGO is off", async () => {
    const storage = await connectStorage({ ...options, embedded: false });

    expect(storage.store.kind).toBe("memory");
    expect(lines.find((line) => line.fields.storage === "memory")?.fields.reason).toBe(
      "no MONGODB_URI and EMBEDDED_MONGO=false",
    );
    await expect(readFile(path.join(dataDir, unavailableMarkerFile))).rejects.toThrow(/ENOENT/);
  });
});

describe("connectStorage with MONGODB_URI", () => {
  it("refuses to start when the configured MongoDB cannot be reached, instead of silently using memory", async () => {
    const lines: Line[] = [];
    const connecting = connectStorage({
      mongodbUri: "mongodb://bot:hunter2@127.0.0.1:1/jamsos",
      embedded: true,
      embeddedTimeoutMs: 500,
      dataDir: os.tmpdir(),
      logger: createRecordingLogger(lines),
      serverSelectionTimeoutMs: 300,
    });

    await expect(connecting).rejects.toMatchObject({
      code: "STORAGE_UNAVAILABLE",
      details: { host: "127.0.0.1:1" },
    });
    expect(JSON.stringify(lines)).not.toContain("hunter2");
  });
});
