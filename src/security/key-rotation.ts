/**
 * `npm run keys -- rotate`: after ENCRYPTION_KEY/HASH_KEY changed (the old ones listed in
 * PREVIOUS_*), re-seals and re-hashes every stored secret in batches, then the documents on
 * disk, then retires the old keys. Resumable: a checkpoint (`key_rotation`) remembers the last
 * document done, so a stopped run continues there; running it again is always safe. A document
 * changed by the bot meanwhile is left for the next run (its guard field moved); `status` shows
 * what is left, and the old keys may be removed from the configuration once it shows nothing.
 */
import type { CollectionSpec, DocumentStore, Filter } from "../core/document-store.port";
import type { PersonalDataVault } from "../core/vault.port";
import { sessionsCollection } from "../core/session.store";
import type { FileKeys } from "../storage/files/disk-file.store";
import { claimsCollection } from "../storage/repositories/claims.repository";
import { peopleCollection } from "../storage/repositories/people.repository";
import { recordKeys, retireKeys, toKeyIds } from "./key-registry";
import { countStale, resealDocument, resealFiles } from "./reseal";
import type { VaultKeys } from "./vault";

type Doc = { _id: string } & Record<string, unknown>;

/** Collections holding sealed values, and how a re-sealed document makes a concurrent writer retry. */
type SealedCollection = { spec: CollectionSpec; guard: string; bump: (doc: Doc, now: Date) => Partial<Doc> };

export const sealedCollections: readonly SealedCollection[] = [
  { spec: peopleCollection, guard: "updatedAt", bump: (_doc, now) => ({ updatedAt: now }) },
  { spec: claimsCollection, guard: "version", bump: (doc) => ({ version: Number(doc.version) + 1 }) },
  { spec: sessionsCollection, guard: "version", bump: (doc) => ({ version: Number(doc.version) + 1 }) },
];

const checkpoints: CollectionSpec = { name: "key_rotation", indexes: [] };
type Checkpoint = { _id: "rotation"; target: string; collection: string; lastId: string; at: Date };

export type RotationDeps = {
  store: DocumentStore;
  vault: PersonalDataVault;
  keys: VaultKeys;
  files?: { dir: string; keys: FileKeys };
  now: () => Date;
  batchSize?: number;
  /** Stops after this many batches (a test of resuming; an operator's Ctrl-C does the same). */
  maxBatches?: number;
  onBatch?: (progress: { collection: string; scanned: number; resealed: number }) => void;
};

export type RotationReport = {
  resealed: number;
  /** Documents the bot changed meanwhile: left for the next run. */
  skipped: number;
  /** Documents with a sealed value no configured key opens: left as they are, for staff to look at. */
  unreadable: number;
  files: number;
  finished: boolean;
  retired: string[];
};

function tryReseal(doc: Doc, deps: RotationDeps): { value: Doc; changed: number } | undefined {
  try {
    return resealDocument(doc, deps.vault, deps.keys.current);
  } catch {
    return undefined;
  }
}

const targetOf = (keys: VaultKeys) => `${keys.current}/${toKeyIds(keys).hash[0] ?? ""}`;

export async function rotateKeys(deps: RotationDeps): Promise<RotationReport> {
  await recordKeys(deps.store, deps.keys, deps.now());
  const marks = deps.store.collection<Checkpoint>(checkpoints);
  const saved = await marks.findById("rotation");
  const resume = saved?.target === targetOf(deps.keys) ? saved : undefined;
  const report: RotationReport = {
    resealed: 0,
    skipped: 0,
    unreadable: 0,
    files: 0,
    finished: false,
    retired: [],
  };
  let batches = 0;
  let started = !resume;
  for (const sealed of sealedCollections) {
    if (!started && sealed.spec.name !== resume?.collection) continue;
    let lastId = !started && resume ? resume.lastId : "";
    started = true;
    const docs = deps.store.collection<Doc>(sealed.spec);
    for (;;) {
      if (deps.maxBatches !== undefined && batches >= deps.maxBatches) return report;
      const filter: Filter = lastId ? { _id: { $gt: lastId } } : {};
      const batch = await docs.find(filter, { sort: { _id: 1 }, limit: deps.batchSize ?? 200 });
      if (batch.length === 0) break;
      let resealed = 0;
      for (const doc of batch) {
        const resealedDoc = tryReseal(doc, deps);
        if (!resealedDoc) {
          report.unreadable += 1;
          continue;
        }
        const { value, changed } = resealedDoc;
        if (changed === 0) continue;
        const next = { ...value, ...sealed.bump(doc, deps.now()) };
        const guard = doc[sealed.guard] as Date | number;
        const ok = await docs.replace(next, { expect: { [sealed.guard]: guard } });
        if (ok) resealed += changed;
        else report.skipped += 1;
      }
      report.resealed += resealed;
      lastId = batch.at(-1)?._id ?? lastId;
      batches += 1;
      const checkpoint = {
        _id: "rotation" as const,
        target: targetOf(deps.keys),
        collection: sealed.spec.name,
      };
      await marks.replace({ ...checkpoint, lastId, at: deps.now() }, { upsert: true });
      deps.onBatch?.({ collection: sealed.spec.name, scanned: batch.length, resealed });
    }
  }
  if (deps.files) report.files = (await resealFiles(deps.files.dir, deps.files.keys)).files;
  await marks.delete({ _id: "rotation" });
  report.finished = true;
  if (report.skipped === 0 && report.unreadable === 0 && (await keyStatus(deps)).stale === 0) {
    const ids = toKeyIds(deps.keys);
    report.retired = [...ids.encryption.slice(1), ...ids.hash.slice(1)];
    await retireKeys(deps.store, report.retired, deps.now());
  }
  return report;
}

function countStaleSafely(doc: Doc, deps: Omit<RotationDeps, "now">): Map<string, number> {
  try {
    return countStale(doc, deps.vault, deps.keys.current);
  } catch {
    return new Map([["unreadable", 1]]);
  }
}

export type KeyStatus = {
  /** Sealed values not under the current keys, by collection and by the key id they name. */
  byCollection: Record<string, Record<string, number>>;
  /** Documents on disk not under the current key. */
  files: number;
  stale: number;
};

/** What still depends on old keys (reads everything in batches; changes nothing). */
export async function keyStatus(deps: Omit<RotationDeps, "now">): Promise<KeyStatus> {
  const status: KeyStatus = { byCollection: {}, files: 0, stale: 0 };
  for (const sealed of sealedCollections) {
    const docs = deps.store.collection<Doc>(sealed.spec);
    const counts: Record<string, number> = {};
    let lastId = "";
    for (;;) {
      const filter: Filter = lastId ? { _id: { $gt: lastId } } : {};
      const batch = await docs.find(filter, { sort: { _id: 1 }, limit: deps.batchSize ?? 200 });
      if (batch.length === 0) break;
      for (const doc of batch)
        for (const [id, count] of countStaleSafely(doc, deps)) {
          counts[id] = (counts[id] ?? 0) + count;
          status.stale += count;
        }
      lastId = batch.at(-1)?._id ?? lastId;
    }
    status.byCollection[sealed.spec.name] = counts;
  }
  if (deps.files) status.files = (await resealFiles(deps.files.dir, deps.files.keys, { dryRun: true })).stale;
  status.stale += status.files;
  return status;
}
