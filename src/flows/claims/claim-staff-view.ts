/**
 * How staff see claims: one-line summaries for lists, and the full record of one claim with its
 * history and documents (metadata and where the encrypted file is). NIKs stay masked.
 */
import type { Claim, ClaimDocument } from "../../core/claims.port";
import type { Reply } from "../../core/messages";
import type { I18nKey } from "../../i18n/keys";
import type { FileStore } from "../../core/files.port";
import type { PersonalDataVault } from "../../core/vault.port";
import { toMissing } from "../../domain/claim-documents";
import { formatDate, formatTime } from "../../domain/jakarta-time";
import { maskNik } from "../../domain/nik";
import { formatRupiah } from "../../domain/money";
import { toDisplayDate } from "../../domain/working-days";
import { documentKey, toDocumentList, toStageLabel, type ViewContext } from "./claim-view";

/** `fileLocations`: where each encrypted file is and its id (the staff CLI exports files by id). */
export type StaffView = ViewContext & { vault: PersonalDataVault; files: FileStore; fileLocations?: boolean };

const when = (date: Date, view: ViewContext) =>
  `${formatDate(date, view.language)} ${formatTime(date, view.language)}`;

/** "KLM-7HQ3XA · Menunggu dokumen · 2 Maret 2026 · SLA 5 Maret 2026 ⚠️" */
export function toClaimLine(claim: Claim, view: ViewContext): string {
  const parts = [claim.reference, toStageLabel(claim.stage, view), formatDate(claim.stageAt, view.language)];
  if (claim.slaDue) {
    const overdue =
      view.calendar.isPast(claim.slaDue, view.now) &&
      ["DIAJUKAN_KE_BPJS", "DIPROSES_BPJS"].includes(claim.stage);
    parts.push(`SLA ${formatDate(toDisplayDate(claim.slaDue), view.language)}${overdue ? " ⚠️" : ""}`);
  }
  if (claim.flags.length > 0) parts.push(`⚑ ${claim.flags.length}`);
  return parts.join(" · ");
}

export function toClaimList(claims: Claim[], view: ViewContext): Reply {
  if (claims.length === 0) return { key: "staffClaims:list.empty" };
  return {
    key: "staffClaims:list.header",
    params: { count: claims.length, list: claims.map((c) => toClaimLine(c, view)).join("\n") },
  };
}

function toDocumentLine(doc: ClaimDocument, view: StaffView): string {
  const label = doc.type ? view.translator.t(view.language, documentKey(doc.type)) : "?";
  const size = `${Math.max(1, Math.round(doc.size / 1024))} KB`;
  const line = `• ${label} · ${doc.mimeType} · ${size} · ${when(doc.receivedAt, view)}`;
  return view.fileLocations ? `${line} · ${view.files.locate(doc.fileKey)} (id ${doc._id})` : line;
}

/** A claim flag in words, or the code when it has none. */
function toClaimFlagWords(flag: string, view: ViewContext): string {
  const key = `staffClaims:flag.${flag}`;
  return view.translator.has(view.language, key) ? view.translator.t(view.language, key as I18nKey) : flag;
}

/** Whether the death is verified, on hold, or found false; membership as the heir said and staff confirmed. */
function toStateReplies(claim: Claim, view: StaffView): Reply[] {
  const t = (key: Parameters<typeof view.translator.t>[1], params?: Record<string, unknown>) =>
    view.translator.t(view.language, key, params);
  const { deceased } = claim;
  const death = claim.falseReport
    ? t("staffClaims:detailState.falseReport", { date: claim.falseReport.at, by: claim.falseReport.by })
    : deceased.verifiedAt
      ? t("staffClaims:detailState.deathVerified", {
          date: deceased.verifiedAt,
          by: deceased.verifiedBy ?? "-",
        })
      : claim.suspended
        ? t("staffClaims:detailState.suspended", { date: claim.suspended.at, by: claim.suspended.by })
        : t("staffClaims:detailState.deathUnverified");
  const membership = claim.membership;
  const replies: Reply[] = [
    { key: "staffClaims:detail.death", params: { state: death } },
    {
      key: "staffClaims:detail.membership",
      params: {
        answer: t(`deathReport:membership.${membership?.answer ?? "unknown"}`),
        since: membership?.since ? formatDate(toDisplayDate(membership.since), view.language) : "-",
        state: t(
          membership?.confirmed
            ? "staffClaims:detailState.membershipConfirmed"
            : "staffClaims:detailState.membershipUnconfirmed",
        ),
      },
    },
  ];
  if (claim.payment)
    replies.push({
      key: "staffClaims:detail.outcome",
      params: {
        text: t("staffClaims:detailState.paid", {
          amount: formatRupiah(claim.payment.amount, view.language),
          date: formatDate(toDisplayDate(claim.payment.paidOn), view.language),
        }),
      },
    });
  if (claim.rejection)
    replies.push({
      key: "staffClaims:detail.outcome",
      params: { text: t("staffClaims:detailState.rejected", claim.rejection) },
    });
  const others = claim.otherReporters ?? [];
  if (others.length > 0)
    replies.push({
      key: "staffClaims:detail.otherReporters",
      params: {
        count: others.length,
        list: others
          .map(
            (o) =>
              `${o.name} (${t(`deathReport:relationship.${o.relationship}`)}, ${o.phone ?? o.contact.channel})`,
          )
          .join("; "),
      },
    });
  return replies;
}

export function toClaimDetail(claim: Claim, documents: ClaimDocument[], view: StaffView): Reply[] {
  const t = (key: Parameters<typeof view.translator.t>[1]) => view.translator.t(view.language, key);
  const { deceased, heir } = claim;
  const place = [deceased.kelurahan, deceased.rt ? `RT ${deceased.rt}` : undefined]
    .filter(Boolean)
    .join(", ");
  const history = claim.history
    .map(
      (h) =>
        `• ${when(h.at, view)} · ${toStageLabel(h.stage, view)} · ${h.by}${h.note ? ` · "${h.note}"` : ""}`,
    )
    .join("\n");
  const failed = claim.notifications.filter((n) => n.status === "failed").length;
  const replies: Reply[] = [
    {
      key: "staffClaims:detail.header",
      params: {
        reference: claim.reference,
        stage: toStageLabel(claim.stage, view),
        date: claim.stageAt,
        programme: claim.programme,
        cause: t(`deathReport:cause.${claim.cause}`),
      },
    },
    {
      key: "staffClaims:detail.deceased",
      params: {
        name: deceased.name,
        deathDate: toDisplayDate(deceased.deathDate),
        nik: deceased.nik ? maskNik(view.vault.open(deceased.nik)) : "-",
        kpj: deceased.kpj ? view.vault.open(deceased.kpj) : "-",
        place: place || "-",
        registration: deceased.personReference ?? t("staffClaims:detail.notFound"),
      },
    },
    {
      key: "staffClaims:detail.heir",
      params: {
        name: heir.name,
        relationship: t(`deathReport:relationship.${heir.relationship}`),
        standing: t(`staffClaims:standing.${heir.standing}`),
        nik: maskNik(view.vault.open(heir.nik)),
        phone: heir.phone ?? "-",
        channel: heir.contact.channel,
      },
    },
    ...toStateReplies(claim, view),
    { key: "staffClaims:detail.history", params: { list: history } },
    {
      key: "staffClaims:detail.documents",
      params: {
        count: documents.length,
        list: documents.map((d) => toDocumentLine(d, view)).join("\n") || "-",
      },
    },
  ];
  const missing = toMissing(claim);
  if (missing.length > 0)
    replies.push({ key: "staffClaims:detail.missing", params: { list: toDocumentList(missing, view) } });
  if (claim.flags.length > 0)
    replies.push({
      key: "staffClaims:detail.flags",
      params: { list: claim.flags.map((f) => toClaimFlagWords(f, view)).join("; ") },
    });
  if (claim.slaDue)
    replies.push({ key: "staffClaims:detail.sla", params: { due: toDisplayDate(claim.slaDue) } });
  if (failed > 0) replies.push({ key: "staffClaims:detail.notifyFailed", params: { count: failed } });
  return replies;
}
