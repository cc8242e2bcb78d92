/** The staff CLI's decisions about a report (verify, false report, membership, access, waive), each audited. */
import { documentTypes, type DocumentType } from "../../src/domain/claim-documents";
import { parseDateInput } from "../../src/domain/date-input";
import { parsePhone } from "../../src/domain/phone";
import type { ActionDeps } from "../../src/flows/claims/claim-actions";
import {
  confirmMembership,
  grantAccess,
  rejectFalseReport,
  verifyDeath,
  waiveDocument,
} from "../../src/flows/claims/claim-verification";

export type Outcome = { ok: boolean; message: string };

const nextStep =
  "Bila Anda yakin laporan ini benar, datang ke kantor kelurahan membawa surat keterangan kematian.";

export async function runDecision(
  deps: ActionDeps,
  command: string,
  reference: string,
  args: string[],
  actor: string,
): Promise<Outcome> {
  const now = deps.services.clock.now();
  switch (command) {
    case "verify-death": {
      const claim = await verifyDeath(deps, { reference, actor });
      return claim
        ? {
            ok: true,
            message: `Kematian pada ${reference} terverifikasi; orangnya ditandai meninggal dunia.`,
          }
        : { ok: false, message: "Klaim tidak ada, atau sudah diverifikasi atau ditutup" };
    }
    case "false-report": {
      const reason = args.join(" ").trim();
      if (!reason) return { ok: false, message: "ALASAN belum diisi" };
      const result = await rejectFalseReport(deps, { reference, actor, reason, nextStep });
      return result.status === "moved"
        ? { ok: true, message: `${reference} ditutup sebagai laporan keliru; data orangnya tidak diubah.` }
        : { ok: false, message: `Ditolak: ${result.reason}` };
    }
    case "membership": {
      const since = parseDateInput(args[0] ?? "", now, { twoDigitYear: "pastCentury" });
      if (!since.ok) return { ok: false, message: `Bukan tanggal: ${args[0] ?? "(kosong)"}` };
      const kpj = args[1]?.replace(/\D/g, "");
      const claim = await confirmMembership(deps, {
        reference,
        actor,
        since: since.value,
        ...(kpj ? { kpj } : {}),
      });
      return claim
        ? {
            ok: true,
            message: `Kepesertaan disimpan pada ${reference}; ahli waris dikirimi perkiraan manfaat.`,
          }
        : { ok: false, message: "Klaim tidak ada" };
    }
    case "grant-access": {
      const phone = parsePhone(args[0] ?? "", { mobileOnly: true });
      if (!phone.ok) return { ok: false, message: `Bukan nomor HP: ${args[0] ?? "(kosong)"}` };
      await grantAccess(deps, { reference, actor, phone: phone.value });
      return { ok: true, message: `Nomor WhatsApp itu sekarang boleh mengikuti ${reference}.` };
    }
    case "waive-doc": {
      const type = args[0] as DocumentType | undefined;
      if (!type || !documentTypes.includes(type))
        return { ok: false, message: `Jenis dokumen tidak dikenal: ${args[0] ?? "(kosong)"}` };
      await waiveDocument(deps, { reference, actor, type });
      return { ok: true, message: `${type} tidak diminta lagi untuk ${reference}.` };
    }
    default:
      return { ok: false, message: `Perintah tidak dikenal: ${command}` };
  }
}
