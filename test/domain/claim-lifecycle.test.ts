import { claimStages, claimTransitions, decideMove, nextStages } from "../../src/domain/claim-lifecycle";

const allowed = claimStages.flatMap((from) => claimTransitions[from].map((to) => [from, to] as const));
const refused = claimStages.flatMap((from) =>
  claimStages
    .filter((to) => to !== from && !claimTransitions[from].includes(to))
    .map((to) => [from, to] as const),
);

describe("claim lifecycle", () => {
  it.each(allowed)("allows %s → %s", (from, to) => {
    expect(decideMove(from, to)).toEqual({ ok: true });
  });

  it.each(refused)("refuses %s → %s", (from, to) => {
    expect(decideMove(from, to).ok).toBe(false);
  });

  it("follows the main path from report to payment", () => {
    const path = [
      "LAPORAN_DITERIMA",
      "VERIFIKASI_RT_KELURAHAN",
      "MENUNGGU_DOKUMEN",
      "BERKAS_LENGKAP",
      "DIAJUKAN_KE_BPJS",
      "DIPROSES_BPJS",
      "DIBAYAR",
    ] as const;
    for (let i = 1; i < path.length; i++) expect(decideMove(path[i - 1]!, path[i]!)).toEqual({ ok: true });
  });

  it("says why: paid is final, the same stage is no move, skipping ahead is not allowed", () => {
    expect(decideMove("DIBAYAR", "DITOLAK_PERLU_TINDAK_LANJUT")).toEqual({ ok: false, reason: "final" });
    expect(decideMove("BERKAS_LENGKAP", "BERKAS_LENGKAP")).toEqual({ ok: false, reason: "sameStage" });
    expect(decideMove("LAPORAN_DITERIMA", "DIBAYAR")).toEqual({ ok: false, reason: "notAllowed" });
  });

  it("lets a rejected claim reopen for follow-up, and only a paid claim is closed", () => {
    expect(nextStages("DITOLAK_PERLU_TINDAK_LANJUT")).toEqual([
      "VERIFIKASI_RT_KELURAHAN",
      "MENUNGGU_DOKUMEN",
    ]);
    expect(claimStages.filter((s) => nextStages(s).length === 0)).toEqual(["DIBAYAR"]);
    expect(claimStages.filter((s) => nextStages(s).includes("DITOLAK_PERLU_TINDAK_LANJUT"))).toHaveLength(6);
  });
});
