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
 * Storage and keys come from the same configuration as the bot (.env / environment).
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
import { runCli } from "./lib/cli-context";

const usage = `Usage: npm run claims -- list [STAGE] | overdue | show KLM-… | move KLM-… STAGE [NOTE…] [--amount RUPIAH --paid-on DD-MM-YYYY | --reason "…" --next "…"] | verify-death KLM-… | false-report KLM-… REASON… | membership KLM-… DD-MM-YYYY [KPJ] | grant-access KLM-… PHONE | waive-doc KLM-… TYPE | request-doc KLM-… TYPE [NOTE…] | export-doc DOCUMENT_ID OUT_FILE
Stages: ${claimStages.join(", ")}
Document types: ${documentTypes.join(", ")}`;

const actor = `cli:${userInfo().username}`;

function print(app: App, replies: Reply[]): void {
  for (const message of renderReplies(replies, "id", app.translator))
    console.log(`${toNumberedText(message)}\n`);
}

/** What the CLI says about the push to the heir (queued: the running bot sends it). */
function toldLine(notification: ClaimNotification["status"]): string {
  if (notification === "sent") return " The heir was told.";
  if (notification === "queued")
    return " The message to the heir is queued; the running bot sends it (and retries) on their channel.";
  return " WARNING: the heir could not be told (recorded); contact them directly.";
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function referenceArg(value: string | undefined): string {
  return parseReference(value ?? "", claimPrefix) ?? fail(`Not a claim reference: ${value ?? "(missing)"}`);
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
  const claim = (await app.services.claims.findByReference(reference)) ?? fail(`No claim ${reference}`);
  const documents = await app.services.claimDocuments.listByClaim(reference);
  await app.services.audit.record({
    at: app.services.clock.now(),
    actor,
    action: "claim.view",
    target: `claim:${reference}`,
  });
  print(app, toClaimDetail(claim, documents, view(app)));
  console.log(`Allowed moves: ${nextStages(claim.stage).join(", ") || "(none: final)"}`);
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
      if (stage !== undefined && !isStage(stage)) fail(`Unknown stage ${stage}`);
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
      if (!to || !isStage(to)) fail(`Unknown stage ${to ?? "(missing)"}`);
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
      if (result.status === "refused") fail(`Refused: ${result.reason}`);
      console.log(`Moved ${result.claim.reference} to ${to}.${toldLine(result.notification)}`);
      return;
    }
    case "request-doc": {
      const type = args[1] as DocumentType | undefined;
      if (!type || !documentTypes.includes(type)) fail(`Unknown document type ${type ?? "(missing)"}`);
      const note = args.slice(2).join(" ").trim();
      const result = await requestDocument(deps, {
        reference: referenceArg(args[0]),
        type,
        actor,
        ...(note ? { note } : {}),
      });
      if (result.status === "notFound") fail("No such claim");
      console.log(`Requested ${type}.${toldLine(result.notification)}`);
      return;
    }
    case "export-doc": {
      const [id, out] = args;
      const doc =
        (id ? await app.services.claimDocuments.findById(id) : null) ??
        fail(`No document ${id ?? "(missing)"}`);
      if (!out) fail("Missing OUT_FILE");
      writeFileSync(path.resolve(out), await app.services.files.get(doc.fileKey), { mode: 0o600 });
      await app.services.audit.record({
        at: now,
        actor,
        action: "claim.document.export",
        target: `claim:${doc.claimReference}`,
        details: { document: doc._id },
      });
      console.log(`Wrote ${doc.mimeType} (${doc.size} bytes) to ${out}. Delete it when done.`);
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
      fail(command ? `Unknown command ${command}` : "No command");
  }
}

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
  run: async ({ app }, argv) => {
    await run(app, argv);
    return 0;
  },
});
