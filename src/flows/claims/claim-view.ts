/**
 * How a claim reads for its heir, in one message: stage, since when, what the stage means, and
 * below it what is still needed, staff notes, the SLA date, the amount paid or why it was refused
 * and what to do next. Names and NIKs are never part of it, so showing it leaks nothing about others.
 */
import type { Claim, ClaimStage } from "../../core/claims.port";
import type { Language, Reply } from "../../core/messages";
import type { Translator } from "../../core/ports";
import { toMissing, type DocumentType } from "../../domain/claim-documents";
import { slaRunningStages } from "../../domain/claim-lifecycle";
import { formatDate } from "../../domain/jakarta-time";
import { formatRupiah } from "../../domain/money";
import { programmeFacts } from "../../domain/programme-facts";
import { toDisplayDate, type WorkingCalendar } from "../../domain/working-days";

export type ViewContext = {
  translator: Translator;
  language: Language;
  calendar: WorkingCalendar;
  now: Date;
};
type Texts = Pick<ViewContext, "translator" | "language">;

export const stageKey = (stage: ClaimStage) => `claimStatus:stage.${stage}` as const;
export const documentKey = (type: DocumentType) => `deathReport:doc.${type}` as const;

export function toStageLabel(stage: ClaimStage, view: Texts): string {
  return view.translator.t(view.language, stageKey(stage));
}

/** "• Akta kematian\n• Kartu Keluarga" in the reader's language. */
export function toDocumentList(types: readonly DocumentType[], view: Texts): string {
  return types.map((type) => `• ${view.translator.t(view.language, documentKey(type))}`).join("\n");
}

export const documentStages: readonly ClaimStage[] = [
  "LAPORAN_DITERIMA",
  "VERIFIKASI_RT_KELURAHAN",
  "MENUNGGU_DOKUMEN",
  "DITOLAK_PERLU_TINDAK_LANJUT",
];

/** Whether the heir is still asked for documents (an open claim, not suspended or found false). */
export const takesDocuments = (claim: Claim) =>
  documentStages.includes(claim.stage) && !claim.suspended && !claim.falseReport;

/** Working days BPJS has to pay (DOMAIN §3.3: JKM 3, JKK cash benefits 7). */
export function toSlaDays(programme: Claim["programme"]): number {
  return (programme === "JKK" ? programmeFacts.jkkPaymentWorkingDays : programmeFacts.jkmPaymentWorkingDays)
    .value;
}

function toNeededLines(claim: Claim, view: Texts): string[] {
  if (!takesDocuments(claim)) return [];
  const t = (key: Parameters<Translator["t"]>[1], params?: Record<string, unknown>) =>
    view.translator.t(view.language, key, params);
  const missing = toMissing(claim);
  if (missing.length === 0) return [t("claimStatus:card.complete")];
  const lines = [t("claimStatus:card.needed", { list: toDocumentList(missing, view) })];
  for (const request of claim.requested)
    if (request.note && missing.includes(request.type))
      lines.push(
        t("claimStatus:card.requested", { document: t(documentKey(request.type)), note: request.note }),
      );
  return lines;
}

function toOutcomeLines(claim: Claim, view: ViewContext): string[] {
  const t = (key: Parameters<Translator["t"]>[1], params?: Record<string, unknown>) =>
    view.translator.t(view.language, key, params);
  const lines: string[] = [];
  if (claim.slaDue && slaRunningStages.includes(claim.stage)) {
    const overdue = view.calendar.isPast(claim.slaDue, view.now);
    const due = formatDate(toDisplayDate(claim.slaDue), view.language);
    lines.push(
      t(overdue ? "claimStatus:card.slaOverdue" : "claimStatus:card.sla", {
        due,
        days: toSlaDays(claim.programme),
      }),
    );
  }
  if (claim.stage === "DIBAYAR" && claim.payment)
    lines.push(
      t("claimStatus:card.paid", {
        amount: formatRupiah(claim.payment.amount, view.language),
        date: formatDate(toDisplayDate(claim.payment.paidOn), view.language),
      }),
    );
  if (claim.stage === "DITOLAK_PERLU_TINDAK_LANJUT" && claim.rejection)
    lines.push(t("claimStatus:card.rejected", claim.rejection));
  return lines;
}

/** What the stage means for this claim (a suspended or false report says only that staff check it). */
function toInfo(claim: Claim, view: Texts): string {
  const held = claim.suspended && claim.stage !== "DITOLAK_PERLU_TINDAK_LANJUT";
  const key = held ? "claimStatus:stageInfo.suspended" : (`claimStatus:stageInfo.${claim.stage}` as const);
  return view.translator.t(view.language, key);
}

function toDetails(claim: Claim, view: ViewContext, note?: string): string {
  const lines = [
    ...(note ? [view.translator.t(view.language, "claimStatus:card.note", { note })] : []),
    ...toOutcomeLines(claim, view),
    ...toNeededLines(claim, view),
  ];
  return lines.length > 0 ? `\n\n${lines.join("\n\n")}` : "";
}

export function toStatusCard(claim: Claim, view: ViewContext): Reply {
  return {
    key: "claimStatus:card.header",
    params: {
      reference: claim.reference,
      stage: toStageLabel(claim.stage, view),
      date: claim.stageAt,
      info: toInfo(claim, view),
      details: toDetails(claim, view),
    },
  };
}

/** A stage change as the heir receives it: one message. */
export function toStagePush(claim: Claim, view: ViewContext, note: string | undefined): Reply {
  return {
    key: "claimStatus:push.stageChanged",
    params: {
      reference: claim.reference,
      stage: toStageLabel(claim.stage, view),
      info: toInfo(claim, view),
      details: toDetails(claim, view, note),
    },
  };
}
