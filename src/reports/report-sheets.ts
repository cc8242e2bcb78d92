/**
 * The reports as sheets (src/core/sheet.ts), for the CLI's text tables, CSV and XLSX alike.
 * Column headers in Indonesian; no NIK, no name, only counts and rupiah.
 */
import type { Sheet, SheetColumn } from "../core/sheet";
import type { BudgetReport } from "./budget.report";
import type { ClaimsReport } from "./claims.report";
import type { CoverageReport, Tally } from "./coverage.report";

const text = (header: string, width = 16): SheetColumn => ({ header, kind: "text", width });
const number = (header: string, width = 11): SheetColumn => ({ header, kind: "number", width });

const tallyColumns = [
  number("Aktif"),
  number("Menunggu"),
  number("Nonaktif"),
  number("Ditolak"),
  number("Meninggal"),
  number("APBD"),
  number("Mandiri"),
  number("Jumlah"),
];
const tallyCells = (t: Tally) => [
  t.byStatus.active,
  t.byStatus.pending,
  t.byStatus.inactive,
  t.byStatus.rejected,
  t.byStatus.deceased,
  t.apbd,
  t.self,
  t.total,
];

export function toCoverageSheets(report: CoverageReport): Sheet[] {
  const area = report.kecamatanFilter ? ` (Kec. ${report.kecamatanFilter})` : "";
  const perKecamatan: Sheet = {
    name: "Per kecamatan",
    columns: [text("Kecamatan", 18), ...tallyColumns],
    rows: [
      ...report.kecamatan.map((k) => [k.name, ...tallyCells(k)]),
      ["JUMLAH", ...tallyCells(report.totals)],
    ],
    notes: [`Pendaftaran per kecamatan${area}; APBD = iuran JKK+JKM dibayar Pemkot.`],
  };
  const perRt: Sheet = {
    name: "Per RT",
    columns: [text("Kecamatan", 18), text("Kelurahan", 22), text("RW", 5), text("RT", 5), ...tallyColumns],
    rows: report.kecamatan.flatMap((k) =>
      k.kelurahan.flatMap((l) => l.rts.map((r) => [k.name, l.name, r.rw, r.rt, ...tallyCells(r)])),
    ),
  };
  const { rtHeads } = report;
  const heads: Sheet = {
    name: "Ketua RT",
    columns: [
      text("Kecamatan", 18),
      text("Kelurahan", 22),
      number("RT dgn ketua terdaftar", 12),
      number("RT dgn ketua aktif", 12),
      number("RT resmi", 10),
    ],
    rows: [
      ...rtHeads.rows.map((r) => [
        r.kecamatan,
        r.kelurahan,
        r.rtsWithHead,
        r.rtsWithActiveHead,
        r.officialRts,
      ]),
      [
        "JUMLAH",
        "",
        rtHeads.rtsWithHead,
        rtHeads.rows.reduce((s, r) => s + r.rtsWithActiveHead, 0),
        rtHeads.officialTotal,
      ],
    ],
    notes: [
      `Jumlah RT resmi ${rtHeads.officialTotal.toLocaleString("id-ID")}${rtHeads.confirmed ? "" : " (BELUM DIKONFIRMASI)"}: ${rtHeads.source}`,
      `Terisi ${((rtHeads.rtsWithHead / rtHeads.officialTotal) * 100).toLocaleString("id-ID", { maximumFractionDigits: 1 })}% dari RT resmi.`,
    ],
  };
  const quota: Sheet = {
    name: "Kuota APBD",
    columns: [
      text("Kelompok", 18),
      number("Target"),
      number("Aktif"),
      number("Menunggu"),
      { header: "Terpakai %", kind: "number", width: 11 },
    ],
    rows: report.quota.map((q) => [q.label, q.target, q.active, q.pending, q.percent]),
    notes: ["Terpakai = (aktif + menunggu verifikasi) / target."],
  };
  return [perKecamatan, perRt, heads, quota];
}

export function toBudgetSheets(report: BudgetReport): Sheet[] {
  const { byTarget, byRegistrations } = report;
  const programmeLabel = (p: string) => (p === "discount" ? "Diskon PP 50/2025" : p);
  return [
    {
      name: `APBD ${report.year} per target`,
      columns: [
        text("Kelompok", 18),
        number("Anggota"),
        number("Iuran/bulan", 12),
        number("Setahun (Rp)", 16),
        text("Sumber", 40),
      ],
      rows: [
        ...byTarget.rows.map((r) => [r.label, r.members, r.monthlyPerMember, r.yearly, r.source]),
        ["JUMLAH", byTarget.members, undefined, byTarget.yearly, ""],
      ],
      notes: report.assumptions,
    },
    {
      name: `${report.year} per pendaftaran`,
      columns: [text("Dibayar oleh", 12), text("Program", 18), number("Anggota"), number("Setahun (Rp)", 16)],
      rows: [
        ...byRegistrations.rows.map((r) => [
          r.fundedBy === "apbd" ? "APBD" : "Mandiri",
          programmeLabel(r.programme),
          r.members,
          r.yearly,
        ]),
        ["APBD", "JUMLAH", byRegistrations.apbdMembers, byRegistrations.apbdYearly],
        ["Mandiri", "JUMLAH", byRegistrations.selfMembers, byRegistrations.selfYearly],
      ],
    },
  ];
}

export function toClaimsSheets(report: ClaimsReport): Sheet[] {
  return [
    {
      name: "Klaim per tahap",
      columns: [
        text("Tahap", 28),
        number("Sekarang"),
        number("Lewat tenggat", 13),
        { header: "Rata-rata hari", kind: "number", width: 14 },
        number("Dihitung dari", 13),
      ],
      rows: [
        ...report.rows.map((r) => [r.stage, r.now, r.overdue, r.averageDays, r.stays]),
        ["JUMLAH", report.total, report.overdue, undefined, undefined],
      ],
      notes: [
        "Lewat tenggat: diajukan/diproses BPJS dan melewati tanggal bayar (3 hari kerja, WIB).",
        "Rata-rata hari: lama klaim di tahap itu sebelum pindah.",
      ],
    },
  ];
}
