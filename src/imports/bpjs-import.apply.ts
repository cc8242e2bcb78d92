/**
 * Applies a planned BPJS import in batches (conflicts only with `overwrite`), each batch audited
 * with the references it changed, and the whole import audited with its counts and file digest.
 */
import type { AuditLog } from "../core/audit.port";
import type { PeopleRegister } from "../core/people.port";
import type { ImportPlan, PlannedRow } from "./bpjs-import.plan";

export type ApplyDeps = {
  people: Pick<PeopleRegister, "update" | "addFlag">;
  audit: AuditLog;
  now: Date;
  actor: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};

type Writable = Extract<PlannedRow, { type: "update" | "conflict" }>;

export async function applyBpjsImport(
  plan: ImportPlan,
  source: { file: string; sha256: string },
  options: { overwrite: boolean },
  deps: ApplyDeps,
): Promise<{ applied: number }> {
  const writable = plan.rows.filter(
    (r): r is Writable => r.type === "update" || (r.type === "conflict" && options.overwrite),
  );
  const size = deps.batchSize ?? 200;
  for (let start = 0; start < writable.length; start += size) {
    const batch = writable.slice(start, start + size);
    for (const row of batch) {
      if (Object.keys(row.changes).length > 0)
        await deps.people.update(row.person._id, row.changes, deps.now);
      for (const flag of row.flags) await deps.people.addFlag(row.person._id, flag, deps.now);
    }
    await deps.audit.record({
      at: deps.now,
      actor: deps.actor,
      action: "bpjs.import.batch",
      target: "people",
      details: { file: source.file, references: batch.map((r) => r.person.reference) },
    });
    deps.onProgress?.(Math.min(start + size, writable.length), writable.length);
  }
  await deps.audit.record({
    at: deps.now,
    actor: deps.actor,
    action: "bpjs.import.applied",
    target: "people",
    details: { ...source, ...plan.counts, applied: writable.length, overwrite: options.overwrite },
  });
  return { applied: writable.length };
}
