/**
 * Documents of a paid claim are destroyed once the retention period after payment has passed;
 * the record that they were received stays (issue 12, DOMAIN §5 retention).
 */
import { createRetention } from "../../src/jobs/retention.job";
import { createInProcessScheduler } from "../../src/jobs/in-process.scheduler";
import { silentLogger } from "../../src/security/pino.logger";
import { createMemoryFileStore } from "../../src/storage/files/memory-file.store";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createAuditLog } from "../../src/storage/repositories/audit.repository";
import { claimDocumentsCollection } from "../../src/storage/repositories/claim-documents.repository";
import { claimsCollection } from "../../src/storage/repositories/claims.repository";
import { createTestClock } from "../support/test-chat";

const day = 24 * 3600_000;
type Raw = { _id: string } & Record<string, unknown>;

async function world() {
  const store = createMemoryDocumentStore();
  const clock = createTestClock("2026-09-01T09:00:00+07:00");
  const files = createMemoryFileStore();
  const audit = createAuditLog(store);
  const claims = store.collection<Raw>(claimsCollection);
  const documents = store.collection<Raw>(claimDocumentsCollection);
  const ago = (days: number) => new Date(clock.now().getTime() - days * day);
  const claim = async (reference: string, stage: string, stageAt: Date, count = 1) => {
    await claims.insert({ _id: reference, reference, stage, stageAt, version: 1 });
    for (let i = 0; i < count; i++) {
      const stored = await files.put(new Uint8Array([i]), { extension: "jpg" });
      await documents.insert({
        _id: `${reference}-${i}`,
        claimReference: reference,
        fileKey: stored.key,
        fileName: "KTP_Budi_Santoso.jpg",
        mimeType: "image/jpeg",
        size: 1,
        sha256: stored.sha256,
        channel: "whatsapp",
        receivedAt: ago(200),
      });
    }
  };
  await claim("KLM-PAIDOLD", "DIBAYAR", ago(91), 2);
  await claim("KLM-PAIDNEW", "DIBAYAR", ago(30));
  await claim("KLM-WAITING", "MENUNGGU_DOKUMEN", ago(300));
  await claim("KLM-REJECTD", "DITOLAK_PERLU_TINDAK_LANJUT", ago(300));
  const scheduler = createInProcessScheduler({ clock, logger: silentLogger, timers: false });
  const retention = createRetention({
    store,
    files,
    audit,
    clock,
    logger: silentLogger,
    scheduler,
    settings: { claimDocumentDays: 90 },
  });
  return { store, files, audit, documents, retention, scheduler, clock };
}

describe("retention of claim documents", () => {
  it("destroys the files of claims paid more than the period ago, keeping that they were received", async () => {
    const { files, documents, retention, audit } = await world();
    expect(await retention.run()).toEqual({ claims: 1, files: 2 });
    expect(files.count()).toBe(3);
    const purged = await documents.find({ claimReference: "KLM-PAIDOLD" });
    expect(purged).toHaveLength(2);
    for (const doc of purged) {
      expect(doc.purgedAt).toBeInstanceOf(Date);
      expect(doc.fileName).toBeUndefined();
      await expect(files.get(String(doc.fileKey))).rejects.toThrow();
    }
    expect(await audit.list({ target: "claim:KLM-PAIDOLD" })).toEqual([
      expect.objectContaining({ action: "retention.documents_destroyed", actor: "system" }),
    ]);
    expect(await retention.run()).toEqual({ claims: 0, files: 0 });
  });

  it("runs once when the bot starts, through the scheduler", async () => {
    const { retention, scheduler, files } = await world();
    await scheduler.start();
    await retention.start();
    expect(await scheduler.runDue()).toBe(1);
    expect(files.count()).toBe(3);
    await scheduler.stop();
  });

  it("keeps documents of a claim paid within the period until the period has passed", async () => {
    const { retention, files, clock } = await world();
    await retention.run();
    clock.advance(60 * day);
    expect((await retention.run()).files).toBe(0);
    clock.advance(2 * day);
    expect(await retention.run()).toEqual({ claims: 1, files: 1 });
    expect(files.count()).toBe(2);
  });
});
