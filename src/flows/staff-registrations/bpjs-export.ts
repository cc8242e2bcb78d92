/**
 * The CSV staff hand to BPJS Ketenagakerjaan for BPU enrolment (documented in the README).
 * The only place a NIK leaves the vault in clear; the caller audits every export.
 */
import type { Person } from "../../core/people.port";

/** Column names, in order. */
export const bpjsColumns = [
  "no_referensi",
  "nik",
  "nama_lengkap",
  "tanggal_lahir",
  "jenis_kelamin",
  "no_hp",
  "kecamatan",
  "kelurahan",
  "rw",
  "rt",
  "pekerjaan",
  "ketua_rt_untuk",
  "penghasilan",
  "program",
  "sumber_iuran",
  "status",
  "tanggal_daftar",
  "tanggal_verifikasi",
] as const;

/** Quotes a cell; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function toCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "+6281234567890" → "081234567890" (a leading "+" would look like a formula to a spreadsheet). */
const toNationalPhone = (phone: string | undefined) =>
  phone === undefined ? "" : phone.startsWith("+62") ? `0${phone.slice(3)}` : phone.replace(/^\+/, "00");

const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");

function toRow(person: Person, openNik: (p: Person) => string): string[] {
  const leads = person.leadsRt
    ? `RT ${person.leadsRt.rt}/RW ${person.leadsRt.rw} ${person.leadsRt.kelurahan}`
    : "";
  return [
    person.reference,
    openNik(person),
    person.name,
    person.birthDate,
    person.sex,
    toNationalPhone(person.phone),
    person.address.kecamatan,
    person.address.kelurahan,
    person.address.rw,
    person.address.rt,
    person.occupation.other ?? person.occupation.code,
    leads,
    String(person.income),
    person.programmes.join("+"),
    person.fundedBy === "apbd" ? "APBD" : "MANDIRI",
    person.status,
    day(person.createdAt),
    day(person.verifiedAt),
  ];
}

/** The whole file: a header line, one line per person, CRLF line ends (as spreadsheets expect). */
export function toBpjsCsv(people: Person[], openNik: (p: Person) => string): string {
  const lines = [bpjsColumns.join(","), ...people.map((p) => toRow(p, openNik).map(toCsvCell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
