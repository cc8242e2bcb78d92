/**
 * Retention of claim documents (DOMAIN §5; UU PDP Art. 42–44): the KTP, KK, akta and bank-book
 * images heirs send are kept while their claim runs and for CLAIM_DOCUMENT_RETENTION_DAYS after it
 * was paid (time for staff to move what the archive schedule needs to the Pemkot's storage), then
 * the files are destroyed; their metadata stays marked `purgedAt` (type, size and hash: the
 * record that they were received). A rejected claim can reopen, so only paid claims count.
 * Runs daily on the scheduler (Agenda with MongoDB); a run is idempotent and audited.
 */
import type { AuditLog } from "../core/audit.port";
import type { Claim, ClaimDocument } from "../core/claims.port";
import type { DocumentStore } from "../core/document-store.port";
import type { FileStore } from "../core/files.port";
import type { Clock, Logger } from "../core/ports";
import { claimDocumentsCollection } from "../storage/repositories/claim-documents.repository";
import { claimsCollection } from "../storage/repositories/claims.repository";
import type { JobScheduler } from "./scheduler.port";

export const retentionJob = "retention.run";
const dayMs = 24 * 3600_000;
const batchSize = 200;

export type RetentionSettings = {
  /** Days after a claim was paid until its documents are destroyed (CLAIM_DOCUMENT_RETENTION_DAYS). */
  claimDocumentDays: number;
};

export type RetentionDeps = {
  store: DocumentStore;
  files: FileStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  scheduler: JobScheduler;
  settings: RetentionSettings;
};

type StoredDocument = ClaimDocument & { purgedAt?: Date };

export function createRetention(deps: RetentionDeps) {
  const claims = deps.store.collection<Claim>(claimsCollection);
  const documents = deps.store.collection<StoredDocument>(claimDocumentsCollection);

  async function purgeClaim(reference: string, now: Date): Promise<number> {
    const kept = await documents.find({ claimReference: reference, purgedAt: { $exists: false } });
    for (const document of kept) {
      await deps.files.remove(document.fileKey);
      await documents.update({ _id: document._id }, { $set: { purgedAt: now }, $unset: { fileName: true } });
    }
    if (kept.length > 0)
      await deps.audit.record({
        at: now,
        actor: "system",
        action: "retention.documents_destroyed",
        target: `claim:${reference}`,
        details: { files: kept.length, afterDays: deps.settings.claimDocumentDays },
      });
    return kept.length;
  }

  /** Destroys the documents of claims paid more than the retention period ago. */
  async function run(): Promise<{ claims: number; files: number }> {
    const now = deps.clock.now();
    const cutoff = new Date(now.getTime() - deps.settings.claimDocumentDays * dayMs);
    const total = { claims: 0, files: 0 };
    let lastId = "";
    for (;;) {
      const batch = await claims.find(
        { stage: "DIBAYAR", stageAt: { $lt: cutoff }, ...(lastId ? { _id: { $gt: lastId } } : {}) },
        { sort: { _id: 1 }, limit: batchSize },
      );
      for (const claim of batch) {
        const files = await purgeClaim(claim.reference, now);
        total.files += files;
        if (files > 0) total.claims += 1;
      }
      lastId = batch.at(-1)?._id ?? lastId;
      if (batch.length < batchSize) break;
    }
    if (total.files > 0) deps.logger.info(total, "retention: claim documents destroyed");
    return total;
  }

  deps.scheduler.define(retentionJob, async () => void (await run()));

  return {
    run,
    /** Daily, and once now (the scheduler must be started). */
    async start(): Promise<void> {
      await deps.scheduler.every(retentionJob, dayMs, { key: retentionJob });
      await deps.scheduler.schedule(retentionJob, deps.clock.now(), { key: `${retentionJob}:start` });
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
