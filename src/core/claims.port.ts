/**
 * Death claims (issue 5 owns the implementation). Broadcast reminders rely on
 * `listAwaitingDocuments`. Extend freely; do not rename.
 */
import type { Contact } from "./people.port";
import type { Language } from "./messages";

export type ClaimStage =
  | "LAPORAN_DITERIMA"
  | "VERIFIKASI_RT_KELURAHAN"
  | "MENUNGGU_DOKUMEN"
  | "BERKAS_LENGKAP"
  | "DIAJUKAN_KE_BPJS"
  | "DIPROSES_BPJS"
  | "DIBAYAR"
  | "DITOLAK_PERLU_TINDAK_LANJUT";

/** What a reminder about missing documents needs to know. */
export type ClaimAwaitingDocuments = {
  reference: string;
  heir: Contact & { language: Language };
  missing: string[];
  since: Date;
};

export interface ClaimRepository {
  /** Claims in MENUNGGU_DOKUMEN (or with missing documents) whose last document or stage change is older than `before`. */
  listAwaitingDocuments(before: Date): Promise<ClaimAwaitingDocuments[]>;
}
