/** Death report, part 1: condolences and consent, then who died, matched against registrations. */
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { exit, next } from "../../core/flow";
import type { Reply } from "../../core/messages";
import type { Parsed } from "../../core/steps";
import { ask, choose, confirm } from "../../core/steps";
import { maskNik, parseNik, type NikRefusal, type ParsedNik } from "../../domain/nik";
import { parsePersonName } from "../../domain/person-name";
import { addFlag, type DeathReportData } from "./death-report.data";
import { findDeceased } from "./find-deceased";
import { parseKelurahan, parseKpjOrReference, parseRt } from "./parsers";

type D = DeathReportData;

export const nikParser = (text: string, ctx: FlowContext): Parsed<ParsedNik> => {
  const result = parseNik(text, ctx.now);
  return result.ok ? result : { ok: false, reason: result.reason };
};
export const nikInvalid = (reason: string) => `deathReport:nikInvalid.${reason as NikRefusal}` as const;

/** Looks the deceased up and decides the next step: confirm a match, or carry on flagged. */
async function lookUp(data: D, ctx: FlowContext): Promise<StepResult<D>> {
  const result = await findDeceased(data, ctx);
  if (result.type === "found") {
    const { person } = result;
    const match = {
      personId: person._id,
      reference: person.reference,
      registeredAt: person.verifiedAt ?? person.createdAt,
      income: person.income,
    };
    const flagged = person.status === "deceased" ? addFlag(data, "already_reported_deceased") : data;
    return next("confirmMatch", { ...flagged, match });
  }
  const flag = result.type === "nameMismatch" ? "deceased_name_mismatch" : "deceased_not_found";
  const replies: Reply[] = [{ key: "deathReport:lookup.notFound" }];
  return next("deathDate", { ...addFlag(data, flag), match: undefined, matchConfirmed: false }, replies);
}

export const identifySteps: Record<string, Step<D>> = {
  consent: confirm<D>({
    legal: true,
    prompt: () => [{ key: "deathReport:consent.condolences" }, { key: "deathReport:consent.prompt" }],
    yes: "deathReport:consent.agree",
    no: "deathReport:consent.disagree",
    onYes: (data) => next("identifyBy", data),
    onNo: () => exit([{ key: "deathReport:consent.declined" }], true),
  }),
  identifyBy: choose<D>({
    prompt: "deathReport:identifyBy.prompt",
    options: [
      { value: "nik", label: "deathReport:identifyBy.nik", aliases: ["nik", "ktp"] },
      { value: "kpj", label: "deathReport:identifyBy.kpj", aliases: ["kpj", "kartu"] },
      {
        value: "none",
        label: "deathReport:identifyBy.none",
        aliases: ["tidak tahu", "tidak ada", "gak tau"],
      },
    ],
    onChoice: (value, data) => {
      const identifyBy = value as "nik" | "kpj" | "none";
      const step =
        identifyBy === "nik" ? "deceasedNik" : identifyBy === "kpj" ? "deceasedKpj" : "deceasedName";
      return next(step, { ...data, identifyBy });
    },
  }),
  deceasedNik: ask<D, ParsedNik>({
    prompt: "deathReport:deceasedNik.prompt",
    parse: nikParser,
    invalid: nikInvalid,
    onAnswer: (nik, data, ctx) =>
      next("deceasedName", {
        ...data,
        deceasedNik: ctx.services.vault.seal(nik.nik),
        deceasedNikMasked: maskNik(nik.nik),
      }),
  }),
  deceasedKpj: ask<D, string>({
    prompt: "deathReport:deceasedKpj.prompt",
    parse: parseKpjOrReference,
    invalid: "deathReport:deceasedKpj.invalid",
    onAnswer: (kpj, data, ctx) => next("deceasedName", { ...data, kpj: ctx.services.vault.seal(kpj) }),
  }),
  deceasedName: ask<D, string>({
    prompt: "deathReport:deceasedName.prompt",
    parse: parsePersonName,
    invalid: "deathReport:nameInvalid",
    onAnswer: (name, data, ctx) => {
      const updated = { ...data, deceasedName: name };
      return data.identifyBy === "none" ? next("kelurahan", updated) : lookUp(updated, ctx);
    },
  }),
  kelurahan: ask<D, string>({
    prompt: "deathReport:kelurahan.prompt",
    parse: parseKelurahan,
    invalid: "deathReport:kelurahan.invalid",
    onAnswer: (kelurahan, data) => next("rt", { ...data, kelurahan }),
  }),
  rt: ask<D, string>({
    prompt: "deathReport:rt.prompt",
    parse: parseRt,
    invalid: "deathReport:rt.invalid",
    onAnswer: (rt, data, ctx) => lookUp({ ...data, rt }, ctx),
  }),
  confirmMatch: confirm<D>({
    prompt: (data) => ({
      key: data.deceasedNikMasked ? "deathReport:confirmMatch.promptNik" : "deathReport:confirmMatch.prompt",
      params: { name: data.deceasedName ?? "", nik: data.deceasedNikMasked ?? "" },
    }),
    onYes: (data) => next("deathDate", { ...data, matchConfirmed: true }),
    onNo: (data) =>
      next(
        "deathDate",
        { ...addFlag(data, "match_rejected_by_heir"), match: undefined, matchConfirmed: false },
        [{ key: "deathReport:confirmMatch.no" }],
      ),
  }),
};
