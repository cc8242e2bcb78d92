/**
 * Staff CLI for death claims (same actions as the staff chat flow, every one audited):
 *
 *   npm run claims -- list [STAGE]                       claims, optionally of one stage
 *   npm run claims -- overdue                            claims past the BPJS SLA date
 *   npm run claims -- show KLM-XXXXXX                    one claim, its history and documents
 *   npm run claims -- move KLM-XXXXXX STAGE [NOTE…]      move it (only allowed moves); the heir is told
 *       DIBAYAR needs --amount RUPIAH [--paid-on DD-MM-YYYY]; DITOLAK_PERLU_TINDAK_LANJUT needs
 *       --reason "…" --next "…" (what the heir can do next)
 *   npm run claims -- verify-death KLM-XXXXXX             the akta/surat kematian was seen: mark deceased
 *   npm run claims -- false-report KLM-XXXXXX REASON…     the person is alive: close it, record untouched
 *   npm run claims -- membership KLM-XXXXXX DD-MM-YYYY [KPJ] membership start (BPJS data), KPJ number
 *   npm run claims -- grant-access KLM-XXXXXX PHONE       another heir may follow the claim from WhatsApp
 *   npm run claims -- waive-doc KLM-XXXXXX TYPE           a document this claim does not need
 *   npm run claims -- request-doc KLM-XXXXXX TYPE [NOTE…] ask the heir for a document
 *   npm run claims -- export-doc DOCUMENT_ID OUT_FILE    decrypt one document to a file for review
 *
 * Storage and keys come from the same configuration as the bot (.env / environment);
 * `npm run claims -- --help` explains every command in Indonesian.
 */
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import type { App } from "../src/app";
import type { ClaimNotification } from "../src/core/claims.port";
import type { Reply } from "../src/core/messages";
import { renderReplies, toNumberedText } from "../src/core/render";
import { documentTypes, type DocumentType } from "../src/domain/claim-documents";
import { claimPrefix, parseReference } from "../src/domain/reference";
import { claimStages, isStage, nextStages, slaRunningStages } from "../src/domain/claim-lifecycle";
import { parseDateInput } from "../src/domain/date-input";
import { toJakartaDay } from "../src/domain/jakarta-time";
import { parseRupiah } from "../src/domain/rupiah-input";
import { moveClaim, requestDocument } from "../src/flows/claims/claim-actions";
import { runDecision } from "./lib/claims-decisions";
import { toClaimDetail, toClaimList } from "../src/flows/claims/claim-staff-view";
import { createProgram, subcommand } from "./lib/cli";
import { runCli } from "./lib/cli-context";

const usage = `Tahap: ${claimStages.join(", ")}
Jenis dokumen: ${documentTypes.join(", ")}
move … DIBAYAR perlu --amount RUPIAH [--paid-on DD-MM-YYYY]; move … DITOLAK_PERLU_TINDAK_LANJUT perlu --reason "…" --next "…"`;

const actor = `cli:${userInfo().username}`;

function print(app: App, replies: Reply[]): void {
  for (const message of renderReplies(replies, "id", app.translator))
    console.log(`${toNumberedText(message)}\n`);
}

/** What the CLI says about the push to the heir (queued: the running bot sends it). */
function toldLine(notification: ClaimNotification["status"]): string {
  if (notification === "sent") return " Ahli waris sudah diberi tahu.";
  if (notification === "queued")
    return " Pesan untuk ahli waris masuk antrean; bot yang berjalan mengirimnya (dan mengulang) di kanal mereka.";
  return " PERHATIAN: ahli waris tidak bisa diberi tahu (tercatat); hubungi langsung.";
}

function fail(message: string): never {
  console.error(`galat: ${message}\n\n${usage}`);
  process.exit(2);
}

function referenceArg(value: string | undefined): string {
  return parseReference(value ?? "", claimPrefix) ?? fail(`Bukan referensi klaim: ${value ?? "(kosong)"}`);
}

function view(app: App) {
  const { services } = app;
  return {
    translator: app.translator,
    language: "id" as const,
    calendar: services.calendar,
    now: services.clock.now(),
    vault: services.vault,
    files: services.files,
    fileLocations: true,
  };
}

async function show(app: App, reference: string): Promise<void> {
  const claim =
    (await app.services.claims.findByReference(reference)) ?? fail(`Klaim ${reference} tidak ditemukan`);
  const documents = await app.services.claimDocuments.listByClaim(reference);
  await app.services.audit.record({
    at: app.services.clock.now(),
    actor,
    action: "claim.view",
    target: `claim:${reference}`,
  });
  print(app, toClaimDetail(claim, documents, view(app)));
  console.log(
    `Tahap berikutnya yang boleh: ${nextStages(claim.stage).join(", ") || "(tidak ada: tahap akhir)"}`,
  );
}

/** `--amount 42jt --paid-on 12-03-2026`, `--reason "…" --next "…"`; the rest is the note. */
function toMoveOptions(args: string[], now: Date) {
  const rest: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith("--") && i + 1 < args.length) flags[arg.slice(2)] = args[++i] ?? "";
    else rest.push(arg);
  }
  let payment: { amount: number; paidOn: string } | undefined;
  if (flags.amount !== undefined) {
    const amount = parseRupiah(flags.amount, { min: 1 });
    const paidOn = parseDateInput(flags["paid-on"] ?? "hari ini", now, { relativeWords: true });
    if (!amount.ok) fail(`Not an amount: ${flags.amount}`);
    if (!paidOn.ok) fail(`Not a date: ${flags["paid-on"] ?? ""}`);
    payment = { amount: amount.value, paidOn: paidOn.value };
  }
  const rejection =
    flags.reason !== undefined
      ? { reason: flags.reason, nextStep: flags.next ?? "Hubungi kantor kelurahan." }
      : undefined;
  return { rest, payment, rejection };
}

async function run(app: App, [command, ...args]: string[]): Promise<void> {
  const deps = { services: app.services, translator: app.translator };
  const now = app.services.clock.now();
  switch (command) {
    case "list": {
      const stage = args[0];
      if (stage !== undefined && !isStage(stage)) fail(`Tahap tidak dikenal: ${stage}`);
      const claims = await app.services.claims.list(stage ? { stage } : {});
      await app.services.audit.record({
        at: now,
        actor,
        action: "claim.list",
        target: "claims",
        details: { stage, count: claims.length },
      });
      return print(app, [toClaimList(claims, view(app))]);
    }
    case "overdue": {
      const claims = await app.services.claims.list({
        stage: [...slaRunningStages],
        slaDueBefore: toJakartaDay(now),
      });
      await app.services.audit.record({
        at: now,
        actor,
        action: "claim.list",
        target: "claims",
        details: { overdue: true, count: claims.length },
      });
      return print(app, [toClaimList(claims, view(app))]);
    }
    case "show":
      return show(app, referenceArg(args[0]));
    case "move": {
      const to = args[1];
      if (!to || !isStage(to)) fail(`Tahap tidak dikenal: ${to ?? "(kosong)"}`);
      const { rest, payment, rejection } = toMoveOptions(args.slice(2), now);
      const note = rest.join(" ").trim();
      const result = await moveClaim(deps, {
        reference: referenceArg(args[0]),
        to,
        actor,
        ...(note ? { note } : {}),
        ...(payment ? { payment } : {}),
        ...(rejection ? { rejection } : {}),
      });
      if (result.status === "refused") fail(`Ditolak: ${result.reason}`);
      console.log(`${result.claim.reference} dipindah ke ${to}.${toldLine(result.notification)}`);
      return;
    }
    case "request-doc": {
      const type = args[1] as DocumentType | undefined;
      if (!type || !documentTypes.includes(type)) fail(`Jenis dokumen tidak dikenal: ${type ?? "(kosong)"}`);
      const note = args.slice(2).join(" ").trim();
      const result = await requestDocument(deps, {
        reference: referenceArg(args[0]),
        type,
        actor,
        ...(note ? { note } : {}),
      });
      if (result.status === "notFound") fail("Klaim tidak ditemukan");
      console.log(`${type} diminta.${toldLine(result.notification)}`);
      return;
    }
    case "export-doc": {
      const [id, out] = args;
      const doc =
        (id ? await app.services.claimDocuments.findById(id) : null) ??
        fail(`Dokumen ${id ?? "(kosong)"} tidak ditemukan`);
      if (!out) fail("Berkas tujuan belum diisi");
      writeFileSync(path.resolve(out), await app.services.files.get(doc.fileKey), { mode: 0o600 });
      await app.services.audit.record({
        at: now,
        actor,
        action: "claim.document.export",
        target: `claim:${doc.claimReference}`,
        details: { document: doc._id },
      });
      console.log(`${doc.mimeType} (${doc.size} bita) ditulis ke ${out}. Hapus setelah selesai.`);
      return;
    }
    case "verify-death":
    case "false-report":
    case "membership":
    case "grant-access":
    case "waive-doc": {
      const outcome = await runDecision(deps, command, referenceArg(args[0]), args.slice(1), actor);
      if (!outcome.ok) fail(outcome.message);
      console.log(outcome.message);
      return;
    }
    default:
      fail(`Perintah tidak dikenal: ${command ?? "(kosong)"}`);
  }
}

const program = createProgram(
  "claims",
  "Klaim kematian: daftar, lewat tenggat, rincian, pindah tahap, minta dokumen.",
);
const commands: Array<[string, string]> = [
  ["list [tahap]", "daftar klaim, bisa per tahap (mis. MENUNGGU_DOKUMEN)"],
  ["overdue", "klaim yang melewati tenggat bayar BPJS (hari kerja, WIB)"],
  ["show <referensi>", "satu klaim: riwayat, dokumen, yang kurang (dicatat di audit)"],
  ["move <referensi> <tahap> [catatan...]", "pindah ke tahap berikutnya yang boleh; ahli waris diberi tahu"],
  ["verify-death <referensi>", "akta/surat kematian sudah dilihat: tandai meninggal"],
  ["false-report <referensi> <alasan...>", "orangnya masih hidup: tutup laporan, data tidak diubah"],
  ["membership <referensi> <DD-MM-YYYY> [kpj]", "mulai kepesertaan (data BPJS) dan No. KPJ"],
  ["grant-access <referensi> <hp>", "ahli waris lain boleh mengikuti klaim dari WhatsApp"],
  ["waive-doc <referensi> <jenis>", "dokumen yang tidak diperlukan klaim ini"],
  ["request-doc <referensi> <jenis> [catatan...]", "minta dokumen ke ahli waris"],
  ["export-doc <id-dokumen> <berkas>", "buka satu dokumen (terenkripsi) ke berkas untuk diperiksa"],
];
for (const [spec, description] of commands)
  subcommand(program, spec, description)
    .addHelpText("after", `\n${usage}`)
    // --amount, --paid-on, --reason, --next: read by the command itself (scripts/claims.ts run()).
    .allowUnknownOption()
    .action((...args: unknown[]) => {
      const name = spec.split(" ")[0] ?? "";
      const command = args.at(-1) as { args: string[] };
      runCli({
        changing: new Set([
          "move",
          "request-doc",
          "verify-death",
          "false-report",
          "membership",
          "grant-access",
          "waive-doc",
        ]),
        argv: [name, ...command.args],
        run: async ({ app }, argv) => {
          await run(app, argv);
          return 0;
        },
      });
    });
program.parse();
