/**
 * The table staff hand to BPJS Ketenagakerjaan for BPU enrolment (columns documented in the
 * README), as a Sheet that src/exports writes as XLSX or CSV. The only place a NIK leaves the
 * vault in clear; the caller audits every export.
 */
import type { Person } from "../../core/people.port";
import type { Sheet, SheetColumn } from "../../core/sheet";

const text = (header: string, width: number): SheetColumn => ({ header, kind: "text", width });

/** Columns, in order. */
export const bpjsSheetColumns: SheetColumn[] = [
  text("no_referensi", 12),
  text("nik", 19),
  text("nama_lengkap", 28),
  { header: "tanggal_lahir", kind: "day", width: 13 },
  text("jenis_kelamin", 6),
  text("no_hp", 15),
  text("kecamatan", 16),
  text("kelurahan", 20),
  text("rw", 5),
  text("rt", 5),
  text("pekerjaan", 14),
  text("ketua_rt_untuk", 28),
  { header: "penghasilan", kind: "number", width: 13 },
  text("program", 13),
  text("sumber_iuran", 9),
  text("status", 10),
  { header: "tanggal_daftar", kind: "day", width: 13 },
  { header: "tanggal_verifikasi", kind: "day", width: 13 },
  text("no_kpj", 14),
  { header: "kepesertaan_sejak", kind: "day", width: 13 },
  text("iuran_dibayar_sampai", 10),
  { header: "perlindungan_berakhir", kind: "day", width: 13 },
];
export const bpjsColumns = bpjsSheetColumns.map((c) => c.header);

/** "+6281234567890" → "081234567890" (the form staff and BPJS type). */
const toNationalPhone = (phone: string | undefined) =>
  phone === undefined ? "" : phone.startsWith("+62") ? `0${phone.slice(3)}` : phone.replace(/^\+/, "00");

export type SealedOpeners = { nik: (p: Person) => string; kpj: (p: Person) => string | undefined };

function toRow(person: Person, open: SealedOpeners): Sheet["rows"][number] {
  const leads = person.leadsRt
    ? `RT ${person.leadsRt.rt}/RW ${person.leadsRt.rw} ${person.leadsRt.kelurahan}`
    : "";
  return [
    person.reference,
    open.nik(person),
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
    person.income,
    person.programmes.join("+"),
    person.fundedBy === "apbd" ? "APBD" : "MANDIRI",
    person.status,
    person.createdAt,
    person.verifiedAt,
    open.kpj(person),
    person.membershipSince,
    person.paidThrough,
    person.coverageEndsAt,
  ];
}

export function toBpjsSheet(people: Person[], open: SealedOpeners): Sheet {
  return { name: "Peserta BPU", columns: bpjsSheetColumns, rows: people.map((p) => toRow(p, open)) };
}
