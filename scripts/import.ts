/**
 * Imports what BPJS Ketenagakerjaan knows into the bot's records:
 *   npm run import -- bpjs peserta.xlsx               dry run: what would change (nothing written)
 *   npm run import -- bpjs peserta.xlsx --apply       writes it, in audited batches
 *   npm run import -- bpjs peserta.csv --apply --overwrite   also where BPJS contradicts stored values
 * Columns are found by their header names (README "Import from BPJS"); unknown ones are listed.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyBpjsImport } from "../src/imports/bpjs-import.apply";
import { planBpjsImport, type ImportPlan } from "../src/imports/bpjs-import.plan";
import { readTable } from "../src/imports/table-reader";
import { createProgram, createProgress, subcommand, toTable } from "./lib/cli";
import { runWithStore } from "./lib/store-context";

const reasons: Record<string, string> = {
  nik: "NIK bukan 16 angka",
  kpj: "No. KPJ bukan angka",
  membershipSince: "tanggal kepesertaan tidak sah",
  paidThrough: "bulan iuran terakhir tidak sah",
  coverageEndsAt: "tanggal akhir perlindungan tidak sah",
  duplicate: "NIK yang sama sudah ada di baris sebelumnya",
};
const fields: Record<string, string> = {
  kpj: "No. KPJ",
  membershipSince: "tgl kepesertaan",
  paidThrough: "iuran terakhir (lebih lama)",
};

function printPlan(plan: ImportPlan): void {
  const { counts } = plan;
  console.log(
    toTable(
      ["Hasil", "Baris"],
      [
        ["cocok, akan diperbarui", counts.update],
        ["cocok, tidak ada perubahan", counts.unchanged],
        ["cocok, BERBEDA dengan data tersimpan (konflik)", counts.conflict],
        ["cocok, dilewati (meninggal / dihapus)", counts.skipped],
        ["baru: dikenal BPJS, belum terdaftar di bot", counts.new],
        ["tidak sah", counts.invalid],
      ],
      [1],
    ),
  );
  if (plan.unknownColumns.length > 0)
    console.log(`Kolom tidak dikenal (diabaikan): ${plan.unknownColumns.join(", ")}`);
  if (plan.coverageDerived)
    console.log(
      "Tanpa kolom akhir perlindungan: dihitung 3 bulan tak dibayar setelah iuran terakhir (DOMAIN §1.6, konfirmasi ke BPJS).",
    );
  const problems = plan.rows.flatMap((r) =>
    r.type === "invalid"
      ? [[r.row, "tidak sah", reasons[r.reason] ?? r.reason]]
      : r.type === "conflict"
        ? [[r.row, `konflik ${r.person.reference}`, r.fields.map((f) => fields[f] ?? f).join(", ")]]
        : [],
  );
  if (problems.length > 0) console.log(toTable(["Baris", "Masalah", "Rincian"], problems.slice(0, 50)));
  if (problems.length > 50) console.log(`… dan ${problems.length - 50} baris lagi.`);
}

type Options = { apply?: boolean; overwrite?: boolean };

const program = createProgram(
  "import",
  "Mengimpor data dari BPJS Ketenagakerjaan (No. KPJ, kepesertaan, iuran, akhir perlindungan).",
);
subcommand(program, "bpjs <berkas>", "daftar peserta BPJS (.xlsx atau .csv), dicocokkan lewat NIK")
  .option("--apply", "tulis perubahan (tanpa ini: uji coba saja)")
  .option("--overwrite", "dengan --apply: pakai data BPJS juga untuk baris konflik")
  .action((file: string, options: Options) =>
    runWithStore(async ({ people, vault, audit, clock, actor, memory }) => {
      const table = await readTable(file);
      const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
      const reading = createProgress("Mencocokkan", table.rows.length);
      const plan = await planBpjsImport(table, { people, vault, onProgress: (done) => reading.update(done) });
      reading.stop();
      printPlan(plan);
      const source = { file: path.basename(file), sha256 };
      if (!options.apply) {
        await audit.record({
          at: clock.now(),
          actor,
          action: "bpjs.import.dry_run",
          target: "people",
          details: { ...source, ...plan.counts },
        });
        console.log("Uji coba: belum ada yang ditulis. Jalankan lagi dengan --apply untuk menyimpan.");
        return 0;
      }
      if (memory) return (console.error("Ditolak di penyimpanan memori: tidak ada yang disimpan."), 2);
      const writing = createProgress(
        "Menyimpan",
        plan.counts.update + (options.overwrite ? plan.counts.conflict : 0),
      );
      const { applied } = await applyBpjsImport(
        plan,
        source,
        { overwrite: options.overwrite === true },
        {
          people,
          audit,
          now: clock.now(),
          actor,
          onProgress: (done) => writing.update(done),
        },
      );
      writing.stop();
      console.log(`${applied} peserta diperbarui dari ${source.file} (tercatat di audit).`);
      return 0;
    }),
  );
program.parse();
