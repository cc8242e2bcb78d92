import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { NewClaim } from "../../src/core/claims.port";
import { createDiskFileStore, deriveFileKey } from "../../src/storage/files/disk-file.store";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createClaimRepository } from "../../src/storage/repositories/claims.repository";
import { aNewClaim } from "../support/claim-factory";

const at = new Date("2026-03-02T02:00:00Z");
const newClaim = (overrides: Partial<NewClaim> = {}): NewClaim =>
  aNewClaim({ received: ["deathCertificate"], ...overrides }, at);

describe("claims repository", () => {
  it("lists claims still waiting for documents after a quiet period, with what is missing", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    const { claim: waiting } = await claims.create(newClaim());
    await claims.create(newClaim({ received: ["deathCertificate", "heirLetter"] }));
    await claims.create(newClaim({ stage: "DIBAYAR" }));
    const found = await claims.listAwaitingDocuments(new Date("2026-03-05T00:00:00Z"));
    expect(found).toEqual([
      {
        reference: waiting.reference,
        heir: { channel: "whatsapp", userId: "+6281200000009", language: "id" },
        missing: ["heirLetter"],
        since: at,
      },
    ]);
    expect(await claims.listAwaitingDocuments(at)).toEqual([]);
  });

  it("refuses a stale save instead of overwriting a newer one", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    const { claim } = await claims.create(newClaim());
    expect(await claims.save({ ...claim, stage: "BERKAS_LENGKAP" })).toBe(true);
    expect(await claims.save({ ...claim, stage: "DITOLAK_PERLU_TINDAK_LANJUT" })).toBe(false);
    expect((await claims.findByReference(claim.reference))?.stage).toBe("BERKAS_LENGKAP");
  });

  it("finds the open claim about a person by registration or NIK hash, never a paid or false one", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    const { claim: open } = await claims.create(
      newClaim({ deceased: { name: "A", deathDate: "2026-03-01", personId: "p1" } }),
    );
    await claims.create(
      newClaim({
        stage: "DIBAYAR",
        deceased: { name: "A", deathDate: "2026-03-01", nik: { cipher: "x", hash: "n2" } },
      }),
    );
    await claims.create(
      newClaim({
        falseReport: { at, by: "cli:ani" },
        deceased: { name: "A", deathDate: "2026-03-01", nik: { cipher: "x", hash: "n3" } },
      }),
    );
    expect((await claims.findOpenByDeceased({ personId: "p1", nikHash: "other" }))?.reference).toBe(
      open.reference,
    );
    expect(await claims.findOpenByDeceased({ nikHash: "n2" })).toBeNull();
    expect(await claims.findOpenByDeceased({ nikHash: "n3" })).toBeNull();
    expect(await claims.findOpenByDeceased({})).toBeNull();
    expect((await claims.findByDeceased({ nikHash: "n2" })).map((c) => c.stage)).toEqual(["DIBAYAR"]);
    expect((await claims.findByDeceased({ personId: "p1" })).map((c) => c.reference)).toEqual([
      open.reference,
    ]);
    expect(await claims.findByDeceased({})).toEqual([]);
  });

  it("keeps a person's data for a claim only once staff verified the death", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    const { claim } = await claims.create(
      newClaim({ deceased: { name: "A", deathDate: "2026-03-01", personId: "p1" } }),
    );
    expect(await claims.hasClaimFor("p1")).toBe(false);
    await claims.save({ ...claim, deceased: { ...claim.deceased, verifiedAt: at } });
    expect(await claims.hasClaimFor("p1")).toBe(true);
  });

  it("finds the claims staff gave a chat access to, without keeping the lookup keys in the claim", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    const { claim } = await claims.create(
      newClaim({ access: [{ channel: "whatsapp", userId: "+6281311112222" }] }),
    );
    const [found] = await claims.findByAccess({ channel: "whatsapp", userId: "+6281311112222" });
    expect(found?.reference).toBe(claim.reference);
    expect(found).not.toHaveProperty("accessKeys");
    expect(await claims.findByAccess({ channel: "telegram", userId: "+6281311112222" })).toEqual([]);
  });

  it("leaves a held claim out of the document reminders", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    await claims.create(newClaim({ suspended: { at, by: "whatsapp:+62812" } }));
    expect(await claims.listAwaitingDocuments(new Date("2026-03-05T00:00:00Z"))).toEqual([]);
  });

  it("draws a new reference when one is taken", async () => {
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const claims = createClaimRepository(createMemoryDocumentStore(), () => draws.shift() ?? 2);
    expect((await claims.create(newClaim())).claim.reference).toBe("KLM-222222");
    expect((await claims.create(newClaim())).claim.reference).toBe("KLM-333333");
  });

  it("keeps one open claim per deceased, whoever reports, and a new one once it is paid", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    const deceased = { name: "A", deathDate: "2026-03-01", personId: "p-1" };
    const first = await claims.create(newClaim({ deceased }));
    const other = newClaim({ deceased, heir: { ...newClaim().heir, name: "C" } });

    const second = await claims.create(other);
    expect(second).toEqual({ type: "alreadyOpen", claim: first.claim });
    expect(await claims.save({ ...first.claim, stage: "DIBAYAR" })).toBe(true);
    expect((await claims.create(other)).type).toBe("created");
    expect(await claims.list({})).toHaveLength(2);
  });

  it("returns the claim an earlier call with the same key created, creating nothing", async () => {
    const claims = createClaimRepository(createMemoryDocumentStore());
    const first = await claims.create(newClaim(), "fx-report-1");
    const again = await claims.create(newClaim(), "fx-report-1");

    expect(again).toEqual({ type: "created", claim: first.claim });
    expect(await claims.list({})).toHaveLength(1);
  });
});

describe("encrypted disk file store", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jamsos-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = createDiskFileStore({
    dir,
    keys: { current: "k1", keys: { k1: deriveFileKey(Buffer.alloc(32, 7)) } },
  });

  it("keeps files encrypted on disk and gives the same bytes back", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4 akta kematian Ahmad Yani");
    const stored = await files.put(bytes, { extension: "pdf" });
    const raw = readFileSync(files.locate(stored.key));
    expect(raw.toString("latin1")).not.toContain("Ahmad Yani");
    expect(await files.get(stored.key)).toEqual(bytes);
    expect(stored.size).toBe(bytes.length);
  });

  it("refuses a file that was altered on disk", async () => {
    const stored = await files.put(new Uint8Array([1, 2, 3, 4]), { extension: "jpg" });
    const raw = readFileSync(files.locate(stored.key));
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0xff;
    writeFileSync(files.locate(stored.key), raw);
    await expect(files.get(stored.key)).rejects.toThrow();
  });

  it("refuses keys that would leave its folder", async () => {
    await expect(files.get("../../etc/passwd")).rejects.toThrow("Invalid file key");
  });
});
