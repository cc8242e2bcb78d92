/**
 * The dry run of a BPJS participant import: every row parsed, matched by the keyed hash of its
 * NIK (500 rows per query), and classified: update, unchanged, new (BPJS knows them, the bot does
 * not), conflict (a KPJ or membership start that differs from what is stored), invalid, skipped
 * (deceased or deleted). Nothing is written here; bpjs-import.apply.ts applies the plan.
 */
import type { Person, PersonChanges, PeopleRepository } from "../core/people.port";
import type { PersonalDataVault } from "../core/vault.port";
import {
  parseParticipantRow,
  toColumnMap,
  type ParticipantRecord,
  type RawCell,
  type RowRefusal,
} from "../domain/bpjs-participant-row";
import { fromJakarta } from "../domain/jakarta-time";

export type PlannedRow =
  | {
      row: number;
      type: "update";
      person: Pick<Person, "_id" | "reference">;
      changes: PersonChanges;
      flags: string[];
    }
  | {
      row: number;
      type: "conflict";
      person: Pick<Person, "_id" | "reference">;
      changes: PersonChanges;
      flags: string[];
      fields: string[];
    }
  | { row: number; type: "unchanged" | "skipped"; person: Pick<Person, "_id" | "reference"> }
  | { row: number; type: "new" }
  | { row: number; type: "invalid"; reason: RowRefusal | "duplicate" };

export type ImportPlan = {
  rows: PlannedRow[];
  unknownColumns: string[];
  /** True when no "cover end" column: cover end derived as 3 unpaid months after the last paid one. */
  coverageDerived: boolean;
  counts: Record<PlannedRow["type"], number>;
};

export type PlanDeps = {
  people: Pick<PeopleRepository, "findByNikHashes">;
  vault: PersonalDataVault;
  onProgress?: (done: number) => void;
};

const batchSize = 500;

/** The first moment without cover: the day after the last covered day, 00:00 WIB. */
function toCoverageEnd(record: ParticipantRecord): Date | undefined {
  if (record.coverageEndsOn) {
    const [y, m, d] = record.coverageEndsOn.split("-").map(Number) as [number, number, number];
    return fromJakarta(y, m, d + 1);
  }
  if (!record.paidThrough) return undefined;
  // DOMAIN §1.6 [S]: three unpaid months make the membership non-active (to confirm with BPJS).
  const [y, m] = record.paidThrough.split("-").map(Number) as [number, number];
  return fromJakarta(y, m + 4, 1);
}

/** What the record changes on the person, and which stored values it contradicts. */
export function toChanges(person: Person, record: ParticipantRecord, vault: PersonalDataVault) {
  const changes: PersonChanges = {};
  const conflicts: string[] = [];
  if (record.kpj) {
    const hash = vault.hash(record.kpj);
    if (person.kpj && person.kpj.hash !== hash) conflicts.push("kpj");
    if (person.kpj?.hash !== hash) changes.kpj = vault.seal(record.kpj);
  }
  if (record.membershipSince && record.membershipSince !== person.membershipSince) {
    if (person.membershipSince) conflicts.push("membershipSince");
    changes.membershipSince = record.membershipSince;
  }
  if (record.paidThrough && record.paidThrough !== person.paidThrough) {
    if (person.paidThrough && record.paidThrough < person.paidThrough) conflicts.push("paidThrough");
    changes.paidThrough = record.paidThrough;
  }
  const ends = toCoverageEnd(record);
  if (ends && ends.getTime() !== person.coverageEndsAt?.getTime()) changes.coverageEndsAt = ends;
  if (Object.keys(changes).length > 0) changes.membershipSource = "bpjs_import";
  const flags: string[] = [];
  if (record.status === "inactive" && person.status === "active") flags.push("bpjs_nonaktif");
  if (record.status === "deceased") flags.push("bpjs_meninggal");
  const newFlags = flags.filter((f) => !person.flags.includes(f));
  return { changes, conflicts, flags: newFlags };
}

function toPlanned(
  row: number,
  person: Person | undefined,
  record: ParticipantRecord,
  vault: PersonalDataVault,
): PlannedRow {
  if (!person) return { row, type: "new" };
  const ref = { _id: person._id, reference: person.reference };
  if (person.status === "deceased" || person.status === "deleted")
    return { row, type: "skipped", person: ref };
  const { changes, conflicts, flags } = toChanges(person, record, vault);
  if (conflicts.length > 0) return { row, type: "conflict", person: ref, changes, flags, fields: conflicts };
  if (Object.keys(changes).length === 0 && flags.length === 0) return { row, type: "unchanged", person: ref };
  return { row, type: "update", person: ref, changes, flags };
}

/** Plans the import of a table (header row first); row numbers are 1-based as in a spreadsheet. */
export async function planBpjsImport(
  table: { headers: string[]; rows: RawCell[][] },
  deps: PlanDeps,
): Promise<ImportPlan> {
  const map = toColumnMap(table.headers);
  if (map.columns.nik === undefined) throw new Error("Kolom NIK tidak ditemukan di baris judul");
  const planned: PlannedRow[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < table.rows.length; start += batchSize) {
    const parsed = table.rows
      .slice(start, start + batchSize)
      .map((cells, i) => ({ row: start + i + 2, result: parseParticipantRow(cells, map) }));
    const hashes = parsed.flatMap(({ result }) => (result.ok ? [deps.vault.hash(result.value.nik)] : []));
    const byHash = new Map((await deps.people.findByNikHashes(hashes)).map((p) => [p.nik.hash, p]));
    for (const { row, result } of parsed) {
      if (!result.ok) {
        planned.push({ row, type: "invalid", reason: result.reason });
        continue;
      }
      const hash = deps.vault.hash(result.value.nik);
      if (seen.has(hash)) planned.push({ row, type: "invalid", reason: "duplicate" });
      else planned.push(toPlanned(row, byHash.get(hash), result.value, deps.vault));
      seen.add(hash);
    }
    deps.onProgress?.(Math.min(start + batchSize, table.rows.length));
  }
  const counts = { update: 0, conflict: 0, unchanged: 0, skipped: 0, new: 0, invalid: 0 };
  for (const p of planned) counts[p.type]++;
  return {
    rows: planned,
    unknownColumns: map.unknown,
    coverageDerived: map.columns.coverageEndsAt === undefined,
    counts,
  };
}
