/** Death report, part 1: condolences and consent, then who died, looked up among registrations. */
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { exit } from "../../core/flow";
import { ask, confirm } from "../../core/steps";
import { toJakartaDay } from "../../domain/jakarta-time";
import { maskNik, type NikRefusal } from "../../domain/nik";
import { parsePersonName } from "../../domain/person-name";
import { addFlag, type DeathReportData } from "./death-report.data";
import { findDeceased, isLookupAllowed } from "./find-deceased";
import { toKnownMembership } from "./membership-facts";
import { advance } from "./next-step";
import { parseArea, parseDeceased, type DeceasedAnswer } from "./parsers";

type D = DeathReportData;

export const nikInvalid = (reason: string) => `deathReport:nikInvalid.${reason as NikRefusal}` as const;

const lookupFlags = ["deceased_not_found", "deceased_name_mismatch", "already_reported_deceased"];

/** Looks the deceased up (within the rate limits) and carries on; what was found shows at the review. */
async function lookUp(data: D, ctx: FlowContext): Promise<StepResult<D>> {
  const cleared: D = { ...data, flags: data.flags.filter((f) => !lookupFlags.includes(f)), lookedUp: true };
  delete cleared.match;
  const result = (await isLookupAllowed(cleared, ctx))
    ? await findDeceased(cleared, ctx)
    : { type: "notFound" as const };
  if (result.type !== "found") {
    const flag = result.type === "nameMismatch" ? "deceased_name_mismatch" : "deceased_not_found";
    return advance(addFlag(cleared, flag), ctx);
  }
  const { person } = result;
  const match = {
    personId: person._id,
    reference: person.reference,
    status: person.status,
    verified: person.verifiedAt !== undefined,
    fundedBy: person.fundedBy,
    income: person.income,
    ...(person.membershipSince ? { membershipSince: person.membershipSince } : {}),
    ...(person.coverageEndsAt ? { coverageEndsOn: toJakartaDay(person.coverageEndsAt) } : {}),
  };
  const known = toKnownMembership(match);
  const flagged = person.status === "deceased" ? addFlag(cleared, "already_reported_deceased") : cleared;
  return advance({ ...flagged, match, ...(known && !data.membership ? { membership: known } : {}) }, ctx);
}

function toDeceased(answer: DeceasedAnswer, data: D, ctx: FlowContext): D {
  const base: D = { ...data, lookedUp: false };
  for (const field of ["deceasedNik", "deceasedNikMasked", "kpj", "kelurahan", "rt", "match"] as const)
    delete base[field];
  if (answer.name) base.deceasedName = answer.name;
  else delete base.deceasedName;
  if (answer.by === "nik")
    return {
      ...base,
      deceasedNik: ctx.services.vault.seal(answer.nik.nik),
      deceasedNikMasked: maskNik(answer.nik.nik),
    };
  if (answer.by === "kpj") return { ...base, kpj: ctx.services.vault.seal(answer.kpj) };
  return answer.area ? { ...base, ...answer.area } : base;
}

/** After who died: look up a number, or a name with its kelurahan and RT, at once; else ask what is missing. */
const afterDeceased = (data: D, ctx: FlowContext) =>
  data.deceasedName && (data.deceasedNik || data.kpj || (data.kelurahan && data.rt))
    ? lookUp(data, ctx)
    : advance(data, ctx);

export const identifySteps: Record<string, Step<D>> = {
  consent: confirm<D>({
    legal: true,
    prompt: () => [{ key: "deathReport:consent.condolences" }, { key: "deathReport:consent.prompt" }],
    yes: "deathReport:consent.agree",
    no: "deathReport:consent.disagree",
    onYes: (data, ctx) => advance(data, ctx),
    onNo: () => exit([{ key: "deathReport:consent.declined" }], true),
  }),
  deceased: ask<D, DeceasedAnswer>({
    prompt: "deathReport:deceased.prompt",
    parse: (text, ctx) => parseDeceased(text, ctx.now),
    invalid: (reason) =>
      reason === "name" || reason === "number" ? `deathReport:deceased.${reason}` : nikInvalid(reason),
    onAnswer: (answer, data, ctx) => afterDeceased(toDeceased(answer, data, ctx), ctx),
  }),
  deceasedName: ask<D, string>({
    prompt: "deathReport:deceasedName.prompt",
    parse: parsePersonName,
    invalid: "deathReport:nameInvalid",
    onAnswer: (name, data, ctx) => afterDeceased({ ...data, deceasedName: name }, ctx),
  }),
  area: ask<D, { kelurahan: string; rt: string }>({
    prompt: "deathReport:area.prompt",
    parse: (text) => parseArea(text),
    invalid: (reason) => (reason === "noRt" ? "deathReport:area.noRt" : "deathReport:area.invalid"),
    onAnswer: (area, data, ctx) => lookUp({ ...data, ...area }, ctx),
  }),
};
