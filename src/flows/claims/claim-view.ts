/**
 * How a claim reads for its heir: stage, since when, what the stage means, what is still needed,
 * and the SLA date. Names and NIKs are never part of it, so showing it leaks nothing about others.
 */
import type { Claim, ClaimStage } from "../../core/claims.port";
import type { Language, Reply } from "../../core/messages";
import type { Translator } from "../../core/ports";
import { toMissing, type DocumentType } from "../../domain/claim-documents";
import { slaRunningStages } from "../../domain/claim-lifecycle";
import { programmeFacts } from "../../domain/programme-facts";
import { toDisplayDate, type WorkingCalendar } from "../../domain/working-days";

export type ViewContext = {
  translator: Translator;
  language: Language;
  calendar: WorkingCalendar;
  now: Date;
};

export const stageKey = (stage: ClaimStage) => `claimStatus:stage.${stage}` as const;
export const documentKey = (type: DocumentType) => `deathReport:doc.${type}` as const;

export function toStageLabel(stage: ClaimStage, view: Pick<ViewContext, "translator" | "language">): string {
  return view.translator.t(view.language, stageKey(stage));
}

/** "• Akta kematian\n• Kartu Keluarga" in the reader's language. */
export function toDocumentList(
  types: readonly DocumentType[],
  view: Pick<ViewContext, "translator" | "language">,
): string {
  return types.map((type) => `• ${view.translator.t(view.language, documentKey(type))}`).join("\n");
}

const documentStages: readonly ClaimStage[] = [
  "LAPORAN_DITERIMA",
  "VERIFIKASI_RT_KELURAHAN",
  "MENUNGGU_DOKUMEN",
  "DITOLAK_PERLU_TINDAK_LANJUT",
];

/** What is still needed, or that nothing is, while documents still matter. */
export function toNeededReplies(claim: Claim, view: ViewContext): Reply[] {
  if (!documentStages.includes(claim.stage)) return [];
  const missing = toMissing(claim);
  const replies: Reply[] =
    missing.length > 0
      ? [{ key: "claimStatus:card.needed", params: { list: toDocumentList(missing, view) } }]
      : [{ key: "claimStatus:card.complete" }];
  for (const request of claim.requested)
    if (request.note && missing.includes(request.type))
      replies.push({
        key: "claimStatus:card.requested",
        params: { document: view.translator.t(view.language, documentKey(request.type)), note: request.note },
      });
  return replies;
}

/** Working days BPJS has to pay (DOMAIN §3.3: JKM 3, JKK cash benefits 7). */
export function toSlaDays(programme: Claim["programme"]): number {
  return (programme === "JKK" ? programmeFacts.jkkPaymentWorkingDays : programmeFacts.jkmPaymentWorkingDays)
    .value;
}

/** The SLA line for a claim with BPJS: the deadline, or that it has passed. */
export function toSlaReplies(claim: Claim, view: ViewContext): Reply[] {
  if (!claim.slaDue || !slaRunningStages.includes(claim.stage)) return [];
  const overdue = view.calendar.isPast(claim.slaDue, view.now);
  return [
    {
      key: overdue ? "claimStatus:card.slaOverdue" : "claimStatus:card.sla",
      params: { due: toDisplayDate(claim.slaDue), days: toSlaDays(claim.programme) },
    },
  ];
}

export function toStatusCard(claim: Claim, view: ViewContext): Reply[] {
  const last = claim.history.at(-1);
  const replies: Reply[] = [
    {
      key: "claimStatus:card.header",
      params: { reference: claim.reference, stage: toStageLabel(claim.stage, view), date: claim.stageAt },
    },
    { key: `claimStatus:stageInfo.${claim.stage}` },
  ];
  if (claim.stage === "DITOLAK_PERLU_TINDAK_LANJUT" && last?.note)
    replies.push({ key: "claimStatus:card.note", params: { note: last.note } });
  replies.push(...toNeededReplies(claim, view), ...toSlaReplies(claim, view));
  return replies;
}
