/**
 * Staff CLI for registrations, over the bot's storage (MONGODB_URI); `--help` lists everything.
 *   npm run registrations -- list [--status draft|pending|active|rejected|inactive|deceased|all] [--limit 100]
 *   npm run registrations -- search lebak bandung rt 22 [--limit 100]
 *   npm run registrations -- show DFT-XXXXXX
 *   npm run registrations -- verify DFT-XXXXXX [--note "…"]
 *   npm run registrations -- reject DFT-XXXXXX --note "…"
 *   npm run registrations -- export [--status active|all] [--format xlsx|csv] --out bpu.xlsx
 * Every view, decision and export is audited with the actor "cli:<os user>".
 */
import { userInfo } from "node:os";
import { Option } from "commander";
import type { App } from "../src/app";
import type { Person, PersonQuery, PersonStatus } from "../src/core/people.port";
import { maskNik } from "../src/domain/nik";
import { toBpjsSheet } from "../src/flows/staff-registrations/bpjs-export";
import { rejectRegistration, verifyRegistration } from "../src/flows/staff-registrations/review";
import { toStaffSearch } from "../src/flows/staff-registrations/staff-query";
import { toFlagWords } from "../src/flows/staff-registrations/staff-view";
import { createTranslator } from "../src/i18n/translator";
import { createProgram, subcommand, toTable, toWibText } from "./lib/cli";
import { openCliContext, refusedOnMemory, type CliContext } from "./lib/cli-context";
import { writeSheets, type SheetFormat } from "./lib/write-sheets";

const statuses: PersonStatus[] = ["draft", "pending", "active", "rejected", "inactive", "deceased"];
const statusLabels: Record<PersonStatus, string> = {
  draft: "draf",
  pending: "menunggu",
  active: "aktif",
  rejected: "ditolak",
  inactive: "nonaktif",
  deceased: "meninggal",
  deleted: "dihapus",
};
const statusOption = (fallback: string) =>
  new Option("--status <status>", "status pendaftaran").choices([...statuses, "all"]).default(fallback);
const toStatuses = (value: string): PersonStatus | PersonStatus[] =>
  value === "all" ? statuses : (value as PersonStatus);

const translator = createTranslator();

/** Flags in words, as staff read them in the chat. */
const toFlagList = (p: Person) =>
  p.flags.map((f) => toFlagWords(f, { translator, language: "id" })).join("; ") || "-";

/** The first `limit` matches (read from the store, no more) and how many there are in all. */
async function printPage(app: App, query: PersonQuery, limit: string): Promise<void> {
  const size = Math.max(1, Number(limit) || 100);
  const { people } = app.services;
  const [page, total] = await Promise.all([people.search(query, { limit: size }), people.count(query)]);
  printPeople(page, total);
}

function printPeople(people: Person[], total = people.length): void {
  if (people.length === 0) return console.log("Tidak ada pendaftaran yang cocok.");
  console.log(
    toTable(
      ["Referensi", "Status", "Nama", "Kelurahan", "RT/RW", "Tanda"],
      people.map((p) => [
        p.reference,
        statusLabels[p.status],
        p.name,
        p.address.kelurahan,
        `${p.address.rt}/${p.address.rw}`,
        toFlagList(p),
      ]),
    ),
  );
  console.log(
    total > people.length
      ? `${people.length} dari ${total} pendaftaran; pakai --limit untuk melihat lebih banyak.`
      : `${people.length} pendaftaran.`,
  );
}

async function byReference(app: App, reference: string): Promise<Person> {
  const person = await app.services.people.findByReference(reference.trim());
  if (!person) throw new Error(`Pendaftaran ${reference} tidak ditemukan`);
  return person;
}

async function show(context: CliContext, reference: string): Promise<void> {
  const { audit, vault, clock } = context.app.services;
  const p = await byReference(context.app, reference);
  await audit.record({
    at: clock.now(),
    actor: actor(),
    action: "person.viewed",
    target: `person:${p.reference}`,
  });
  const rows: Array<[string, string]> = [
    ["Referensi", p.reference],
    ["Status", statusLabels[p.status]],
    ["Nama", p.name],
    ["NIK", maskNik(vault.open(p.nik))],
    ["Lahir", p.birthDate],
    ["Alamat", `RT ${p.address.rt}/RW ${p.address.rw}, ${p.address.kelurahan}, ${p.address.kecamatan}`],
    ["Pekerjaan", p.occupation.other ?? p.occupation.code],
    ["Program", `${p.programmes.join("+")} (${p.fundedBy === "apbd" ? "APBD" : "mandiri"})`],
    ["No. KPJ", p.kpj ? vault.open(p.kpj) : "-"],
    ["Peserta sejak", p.membershipSince ?? "-"],
    ["Iuran dibayar s.d.", p.paidThrough ?? "-"],
    ["Perlindungan berakhir", toWibText(p.coverageEndsAt)],
    ["Didaftarkan", toWibText(p.createdAt)],
    ["Diverifikasi", toWibText(p.verifiedAt)],
    ["Tanda", toFlagList(p)],
  ];
  console.log(toTable(["", ""], rows));
}

const actor = () => `cli:${userInfo().username}`;

async function decide(context: CliContext, command: "verify" | "reject", reference: string, note?: string) {
  if (context.memory) return refusedOnMemory;
  const { services } = context.app;
  const p = await byReference(context.app, reference);
  const now = services.clock.now();
  const outcome =
    command === "verify"
      ? await verifyRegistration(services, p._id, actor(), now, note)
      : await rejectRegistration(services, p._id, actor(), now, note ?? "");
  console.log(
    outcome.type === "done"
      ? `${p.reference}: ${statusLabels[outcome.person.status]}${outcome.drafts ? ` (${outcome.drafts} warga draf kini menunggu verifikasi)` : ""}`
      : `${p.reference}: tidak menunggu verifikasi (${statusLabels[p.status]})`,
  );
  return outcome.type === "done" ? 0 : 1;
}

async function exportPeople(
  context: CliContext,
  options: { status: string; format: SheetFormat; out?: string },
) {
  const { people, audit, vault, clock } = context.app.services;
  const status = toStatuses(options.status);
  const found = await people.search({ status });
  const sheet = toBpjsSheet(found, {
    nik: (p) => vault.open(p.nik),
    kpj: (p) => (p.kpj ? vault.open(p.kpj) : undefined),
  });
  const where = await writeSheets([sheet], { format: options.format, out: options.out, personal: true });
  await audit.record({
    at: clock.now(),
    actor: actor(),
    action: "registrations.exported",
    target: "people",
    details: { count: found.length, status: options.status, format: options.format, file: where },
  });
  console.error(
    `${found.length} baris ditulis ke ${where} (berisi NIK utuh: simpan baik-baik, hapus setelah dipakai).`,
  );
  return 0;
}

/** Opens the bot's context for one command, closes it, exits with the command's code. */
function withContext(run: (context: CliContext) => Promise<number | void>) {
  return async () => {
    const context = await openCliContext();
    try {
      process.exitCode = (await run(context)) ?? 0;
    } finally {
      await context.close();
    }
  };
}

const program = createProgram(
  "registrations",
  "Pendaftaran peserta: daftar, cari, lihat, verifikasi, tolak, ekspor.",
);
subcommand(program, "list", "daftar pendaftaran (bawaan: yang menunggu verifikasi)")
  .addOption(statusOption("pending"))
  .option("--limit <n>", "paling banyak ditampilkan", "100")
  .action((options: { status: string; limit: string }) =>
    withContext(({ app }) => printPage(app, { status: toStatuses(options.status) }, options.limit))(),
  );
subcommand(program, "search <kata...>", 'cari nama, DFT-…, kelurahan, "rt 22", "rw 3"')
  .option("--limit <n>", "paling banyak ditampilkan", "100")
  .action((words: string[], options: { limit: string }) =>
    withContext(async (context) => {
      const search = toStaffSearch(words.join(" "));
      if (search.type === "reference") printPeople([await byReference(context.app, search.reference)]);
      else await printPage(context.app, search.query, options.limit);
    })(),
  );
subcommand(program, "show <referensi>", "satu pendaftaran (NIK disamarkan); dicatat di audit").action(
  (reference: string) => withContext((context) => show(context, reference))(),
);
subcommand(program, "verify <referensi>", "verifikasi (Ketua RT baru menggantikan yang lama)")
  .option("--note <catatan>", "catatan petugas")
  .action((reference: string, options: { note?: string }) =>
    withContext((context) => decide(context, "verify", reference, options.note))(),
  );
subcommand(program, "reject <referensi>", "tolak dengan alasan")
  .requiredOption("--note <catatan>", "alasan penolakan, dikirim ke pendaftar")
  .action((reference: string, options: { note: string }) =>
    withContext((context) => decide(context, "reject", reference, options.note))(),
  );
subcommand(program, "export", "ekspor untuk BPJS (NIK utuh; dicatat di audit)")
  .addOption(statusOption("active"))
  .addOption(new Option("--format <format>", "bentuk berkas").choices(["xlsx", "csv"]).default("xlsx"))
  .option("--out <berkas>", "berkas tujuan (wajib untuk xlsx)")
  .action((options: { status: string; format: SheetFormat; out?: string }) =>
    withContext((context) => exportPeople(context, options))(),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(`galat: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
