/**
 * Staff decisions about the report (claim-verification.ts) and requests to the heir, as chat steps:
 * verify the death, reject a false report, enter membership as BPJS knows it, give another heir
 * access, ask for a document, mark one not needed.
 */
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { next } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { ask, choose } from "../../core/steps";
import { documentTypes, type DocumentType } from "../../domain/claim-documents";
import { parseDateInput } from "../../domain/date-input";
import { parsePhone } from "../../domain/phone";
import { requestDocument } from "./claim-actions";
import { documentKey } from "./claim-view";
import {
  confirmMembership,
  grantAccess,
  rejectFalseReport,
  verifyDeath,
  waiveDocument,
} from "./claim-verification";
import { actorOf, depsOf, noteOf, parseStaffText, type StaffClaimsData } from "./staff-claims.data";

type D = StaffClaimsData;

const back = (state: D, replies: Reply[]): StepResult<D> => next("claimAction", state, replies);

export async function verifyDeathNow(state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const claim = state.reference
    ? await verifyDeath(depsOf(ctx), { reference: state.reference, actor: actorOf(ctx) })
    : null;
  if (!claim) return back(state, [{ key: "staffClaims:verifyNone" }]);
  return back({ ...state, settled: true }, [
    { key: "staffClaims:verified", params: { reference: claim.reference } },
  ]);
}

const docOptions = documentTypes.map((type) => ({ value: type, label: documentKey(type) }));

export const staffReportSteps: Record<string, Step<D>> = {
  falseReason: ask<D, string>({
    prompt: "staffClaims:falseReport.prompt",
    parse: parseStaffText,
    invalid: "staffClaims:falseReport.prompt",
    onAnswer: async (reason, state, ctx) => {
      if (!state.reference) return next("action", state);
      const nextStep = ctx.translator.t(ctx.language, "staffClaims:falseReport.nextStep");
      const result = await rejectFalseReport(depsOf(ctx), {
        reference: state.reference,
        actor: actorOf(ctx),
        reason,
        nextStep,
      });
      if (result.status === "refused")
        return back(state, [{ key: `staffClaims:moveRefused.${result.reason}` }]);
      return back({ ...state, settled: true, stage: result.claim.stage }, [
        { key: "staffClaims:falseReport.done", params: { reference: state.reference } },
      ]);
    },
  }),
  membershipSince: ask<D, string>({
    prompt: "staffClaims:membershipSince.prompt",
    parse: (text, ctx) => {
      const day = parseDateInput(text, ctx.now, { twoDigitYear: "pastCentury" });
      return day.ok ? day : { ok: false, reason: day.reason };
    },
    invalid: "staffClaims:membershipSince.invalid",
    onAnswer: (since, state) => next("kpj", { ...state, since }),
  }),
  kpj: ask<D, string>({
    prompt: "staffClaims:kpj.prompt",
    parse: (text) => {
      const digits = text.replace(/[\s.-]/g, "");
      return text.trim() === "-" || /^\d{8,15}$/.test(digits)
        ? { ok: true, value: digits }
        : { ok: false, reason: "kpj" };
    },
    invalid: "staffClaims:kpj.invalid",
    onAnswer: async (kpj, state, ctx) => {
      if (!state.reference || !state.since) return next("action", state);
      await confirmMembership(depsOf(ctx), {
        reference: state.reference,
        actor: actorOf(ctx),
        since: state.since,
        ...(kpj !== "" && kpj !== "-" ? { kpj } : {}),
      });
      return back(state, [{ key: "staffClaims:membershipSaved", params: { reference: state.reference } }]);
    },
  }),
  accessPhone: ask<D, string>({
    prompt: "staffClaims:accessPhone.prompt",
    parse: (text) => {
      const phone = parsePhone(text, { mobileOnly: true });
      return phone.ok ? phone : { ok: false, reason: phone.reason };
    },
    invalid: "staffClaims:accessPhone.invalid",
    onAnswer: async (phone, state, ctx) => {
      if (state.reference)
        await grantAccess(depsOf(ctx), { reference: state.reference, actor: actorOf(ctx), phone });
      return back(state, [
        { key: "staffClaims:accessGranted", params: { reference: state.reference ?? "" } },
      ]);
    },
  }),
  waivePick: choose<D>({
    prompt: "staffClaims:waivePick.prompt",
    options: docOptions,
    onChoice: async (value, state, ctx) => {
      if (state.reference)
        await waiveDocument(depsOf(ctx), {
          reference: state.reference,
          actor: actorOf(ctx),
          type: value as DocumentType,
        });
      return back(state, [{ key: "staffClaims:waived", params: { reference: state.reference ?? "" } }]);
    },
  }),
  pickDoc: choose<D>({
    prompt: "staffClaims:pickDoc.prompt",
    options: docOptions,
    onChoice: (value, state) => next("docNote", { ...state, docType: value as DocumentType }),
  }),
  docNote: ask<D, string>({
    prompt: "staffClaims:docNote.prompt",
    parse: parseStaffText,
    invalid: "staffClaims:docNote.prompt",
    onAnswer: async (text, state, ctx) => {
      if (!state.reference || !state.docType) return next("action", state);
      const note = noteOf(text);
      const result = await requestDocument(depsOf(ctx), {
        reference: state.reference,
        type: state.docType,
        actor: actorOf(ctx),
        ...(note ? { note } : {}),
        key: ctx.effectKey("claim.requestDocument"),
      });
      if (result.status === "notFound") return next("action", state, [{ key: "staffClaims:open.notFound" }]);
      const replies: Reply[] = [{ key: "staffClaims:requested", params: { reference: state.reference } }];
      if (!result.notified) replies.push({ key: "staffClaims:notNotified" });
      const after = { ...state };
      delete after.docType;
      return back(after, replies);
    },
  }),
};
