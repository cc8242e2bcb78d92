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
        ? { ok: true, message: `Death verified on ${reference}; the person is marked deceased.` }
        : { ok: false, message: "No such claim, or already verified or closed" };
    }
    case "false-report": {
      const reason = args.join(" ").trim();
      if (!reason) return { ok: false, message: "Missing REASON" };
      const result = await rejectFalseReport(deps, { reference, actor, reason, nextStep });
      return result.status === "moved"
        ? { ok: true, message: `${reference} closed as a false report; the person's record is unchanged.` }
        : { ok: false, message: `Refused: ${result.reason}` };
    }
    case "membership": {
      const since = parseDateInput(args[0] ?? "", now, { twoDigitYear: "pastCentury" });
      if (!since.ok) return { ok: false, message: `Not a date: ${args[0] ?? "(missing)"}` };
      const kpj = args[1]?.replace(/\D/g, "");
      const claim = await confirmMembership(deps, {
        reference,
        actor,
        since: since.value,
        ...(kpj ? { kpj } : {}),
      });
      return claim
        ? { ok: true, message: `Membership saved on ${reference}; the heir was sent the estimate.` }
        : { ok: false, message: "No such claim" };
    }
    case "grant-access": {
      const phone = parsePhone(args[0] ?? "", { mobileOnly: true });
      if (!phone.ok) return { ok: false, message: `Not a mobile number: ${args[0] ?? "(missing)"}` };
      await grantAccess(deps, { reference, actor, phone: phone.value });
      return { ok: true, message: `Access to ${reference} given to that WhatsApp number.` };
    }
    case "waive-doc": {
      const type = args[0] as DocumentType | undefined;
      if (!type || !documentTypes.includes(type))
        return { ok: false, message: `Unknown document type ${args[0] ?? "(missing)"}` };
      await waiveDocument(deps, { reference, actor, type });
      return { ok: true, message: `${type} is no longer asked for ${reference}.` };
    }
    default:
      return { ok: false, message: `Unknown command ${command}` };
  }
}
