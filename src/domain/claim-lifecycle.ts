/**
 * The stages of a death claim (DOMAIN §3.5) and the only moves allowed between them.
 *
 * Decisions (documented here because DOMAIN leaves them open):
 * - DITOLAK_PERLU_TINDAK_LANJUT (rejected, needs follow-up) can be reached from every stage
 *   before DIBAYAR: the Pemkot may find the report false at verification, and BPJS may reject
 *   at any point of its check.
 * - DITOLAK can reopen: to VERIFIKASI_RT_KELURAHAN (heirs or death to re-check) or to
 *   MENUNGGU_DOKUMEN (a document to add). A rejected claim is "needs follow-up", not closed.
 * - BPJS may ask for more documents while processing (DOMAIN §3.5 "verifikasi berkas"):
 *   DIAJUKAN_KE_BPJS and DIPROSES_BPJS may go back to MENUNGGU_DOKUMEN.
 * - DIBAYAR is final.
 */
export const claimStages = [
  "LAPORAN_DITERIMA",
  "VERIFIKASI_RT_KELURAHAN",
  "MENUNGGU_DOKUMEN",
  "BERKAS_LENGKAP",
  "DIAJUKAN_KE_BPJS",
  "DIPROSES_BPJS",
  "DIBAYAR",
  "DITOLAK_PERLU_TINDAK_LANJUT",
] as const;

export type Stage = (typeof claimStages)[number];

const rejected = "DITOLAK_PERLU_TINDAK_LANJUT" as const;

/** From → the stages it may move to. */
export const claimTransitions: Readonly<Record<Stage, readonly Stage[]>> = {
  LAPORAN_DITERIMA: ["VERIFIKASI_RT_KELURAHAN", rejected],
  VERIFIKASI_RT_KELURAHAN: ["MENUNGGU_DOKUMEN", "BERKAS_LENGKAP", rejected],
  MENUNGGU_DOKUMEN: ["BERKAS_LENGKAP", rejected],
  BERKAS_LENGKAP: ["MENUNGGU_DOKUMEN", "DIAJUKAN_KE_BPJS", rejected],
  DIAJUKAN_KE_BPJS: ["DIPROSES_BPJS", "MENUNGGU_DOKUMEN", rejected],
  DIPROSES_BPJS: ["DIBAYAR", "MENUNGGU_DOKUMEN", rejected],
  DIBAYAR: [],
  DITOLAK_PERLU_TINDAK_LANJUT: ["VERIFIKASI_RT_KELURAHAN", "MENUNGGU_DOKUMEN"],
};

export function isStage(value: string): value is Stage {
  return (claimStages as readonly string[]).includes(value);
}

/** Where a claim may go next. */
export function nextStages(from: Stage): readonly Stage[] {
  return claimTransitions[from];
}

export type MoveDecision = { ok: true } | { ok: false; reason: "sameStage" | "notAllowed" | "final" };

/** Decides a move; a refused move says why. */
export function decideMove(from: Stage, to: Stage): MoveDecision {
  if (from === to) return { ok: false, reason: "sameStage" };
  if (claimTransitions[from].length === 0) return { ok: false, reason: "final" };
  return claimTransitions[from].includes(to) ? { ok: true } : { ok: false, reason: "notAllowed" };
}

/** The stage from which the SLA clock runs (DOMAIN §3.3: 3 working days from a complete submission). */
export const slaStartStage: Stage = "DIAJUKAN_KE_BPJS";

/** Stages in which the SLA is still running (the claim is with BPJS and not yet paid). */
export const slaRunningStages: readonly Stage[] = ["DIAJUKAN_KE_BPJS", "DIPROSES_BPJS"];
