/**
 * One row of BPJS Ketenagakerjaan Cabang Jambi's participant list, read by header names (the
 * order and extra columns do not matter). Documented in the README ("Import from BPJS"):
 * NIK (required), KPJ number, membership start, last month paid, end of cover, status.
 */
import { isRealDate } from "./date-input";

export type ParticipantField =
  "nik" | "kpj" | "name" | "membershipSince" | "paidThrough" | "coverageEndsAt" | "status";

/** Header names as BPJS lists write them, compared without case, spaces, dots or underscores. */
export const participantHeaders: Record<ParticipantField, string[]> = {
  nik: ["nik", "noktp", "nomorktp", "nomoridentitas", "noidentitas"],
  kpj: ["kpj", "nokpj", "nomorkpj", "nopeserta", "nomorpeserta"],
  name: ["nama", "namapeserta", "namatk", "namatenagakerja"],
  membershipSince: [
    "tglkepesertaan",
    "tanggalkepesertaan",
    "mulaikepesertaan",
    "tglefektif",
    "tglterdaftar",
    "tanggaldaftar",
  ],
  paidThrough: [
    "iuranterakhir",
    "bulaniuranterakhir",
    "blthiuranterakhir",
    "dibayarsampai",
    "iurandibayarsampai",
    "periodeiuranterakhir",
  ],
  coverageEndsAt: [
    "tglakhirperlindungan",
    "akhirperlindungan",
    "perlindungansampai",
    "masaberlaku",
    "tglberakhir",
    "berlakusampai",
  ],
  status: ["status", "statuskepesertaan", "statuspeserta"],
};

export const toHeaderKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

export type ColumnMap = {
  columns: Partial<Record<ParticipantField, number>>;
  /** Headers that match no known column (reported, ignored). */
  unknown: string[];
};

export function toColumnMap(headers: string[]): ColumnMap {
  const columns: ColumnMap["columns"] = {};
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    const key = toHeaderKey(header);
    const field = (Object.keys(participantHeaders) as ParticipantField[]).find((f) =>
      participantHeaders[f].includes(key),
    );
    if (field && columns[field] === undefined) columns[field] = index;
    else if (header.trim()) unknown.push(header.trim());
  });
  return { columns, unknown };
}

export type RawCell = string | number | Date | null | undefined;

export type ParticipantRecord = {
  nik: string;
  kpj?: string;
  /** YYYY-MM-DD. */
  membershipSince?: string;
  /** YYYY-MM. */
  paidThrough?: string;
  /** YYYY-MM-DD, the last day covered, when the list gives it. */
  coverageEndsOn?: string;
  status?: "active" | "inactive" | "deceased" | "other";
};

export type RowRefusal = "nik" | "kpj" | "membershipSince" | "paidThrough" | "coverageEndsAt";
export type RowResult = { ok: true; value: ParticipantRecord } | { ok: false; reason: RowRefusal };

const textOf = (cell: RawCell) => (cell instanceof Date ? "" : String(cell ?? "").trim());
/** Digits only: spreadsheet decorations (="…", a leading ', spaces, dots) removed. */
const digitsOf = (cell: RawCell) =>
  textOf(cell)
    .replace(/^="?|"$|^'/g, "")
    .replace(/[\s.\-]/g, "");
const pad = (n: number) => String(n).padStart(2, "0");

/** A calendar day from a spreadsheet date (already a day at 00:00 UTC) or dd/mm/yyyy, yyyy-mm-dd. */
export function toDay(cell: RawCell): string | undefined | null {
  if (cell === null || cell === undefined || (textOf(cell) === "" && !(cell instanceof Date)))
    return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = textOf(cell);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!y || !m || !d || !isRealDate(Number(y), Number(m), Number(d))) return null;
  return `${y}-${pad(Number(m))}-${pad(Number(d))}`;
}

/** A month from "03/2026", "03-2026", "2026-03", "202603" or a date. */
export function toMonth(cell: RawCell): string | undefined | null {
  if (cell instanceof Date) return toDay(cell)?.slice(0, 7) ?? null;
  const text = textOf(cell);
  if (!text) return undefined;
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  const ym = /^(\d{4})-?(\d{2})$/.exec(text);
  const [y, m] = my ? [my[2], my[1]] : ym ? [ym[1], ym[2]] : [];
  if (y && m && Number(m) >= 1 && Number(m) <= 12) return `${y}-${pad(Number(m))}`;
  return toDay(cell)?.slice(0, 7) ?? null;
}

function toStatus(cell: RawCell): ParticipantRecord["status"] | undefined {
  const key = toHeaderKey(textOf(cell));
  if (!key) return undefined;
  if (key === "aktif" || key === "active") return "active";
  if (key.startsWith("nonaktif") || key === "tidakaktif" || key === "inactive") return "inactive";
  if (key.startsWith("meninggal")) return "deceased";
  return "other";
}

export function parseParticipantRow(row: RawCell[], map: ColumnMap): RowResult {
  const at = (field: ParticipantField) => {
    const index = map.columns[field];
    return index === undefined ? undefined : row[index];
  };
  const nik = digitsOf(at("nik"));
  if (!/^\d{16}$/.test(nik)) return { ok: false, reason: "nik" };
  const kpj = digitsOf(at("kpj"));
  if (kpj && !/^\d{8,16}$/.test(kpj)) return { ok: false, reason: "kpj" };
  const since = toDay(at("membershipSince"));
  if (since === null) return { ok: false, reason: "membershipSince" };
  const paid = toMonth(at("paidThrough"));
  if (paid === null) return { ok: false, reason: "paidThrough" };
  const ends = toDay(at("coverageEndsAt"));
  if (ends === null) return { ok: false, reason: "coverageEndsAt" };
  const status = toStatus(at("status"));
  return {
    ok: true,
    value: {
      nik,
      ...(kpj ? { kpj } : {}),
      ...(since ? { membershipSince: since } : {}),
      ...(paid ? { paidThrough: paid } : {}),
      ...(ends ? { coverageEndsOn: ends } : {}),
      ...(status ? { status } : {}),
    },
  };
}
