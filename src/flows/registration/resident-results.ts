/**
 * What an RT head is told after each resident: one line with the outcome (registered with its
 * DFT- number, kept as a draft, or registered before by him), then "daftarkan warga lain?" (the
 * next resident's consent), never the main menu; the line is repeated when he asks about it.
 */
import type { FlowContext } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { toResidentName } from "./person-words";
import type { RegistrationData, RegistrationResult } from "./registration.data";

type StartResult = Extract<RegistrationResult, { type: "start" }>;
type Last = NonNullable<RegistrationData["last"]>;

/** The one-line outcome for a resident. */
export function toResultReply(last: Last, ctx: FlowContext): Reply {
  const who = toResidentName(last.name, last.sex, ctx.translator, ctx.language);
  const status = last.status
    ? ctx.translator.t(
        ctx.language,
        `registration:statusWord.${last.status}` as "registration:statusWord.pending",
      )
    : "";
  return reply(`registration:resident.${last.outcome}`, {
    who,
    reference: last.reference,
    status,
    days: ctx.services.settings.registrationReviewDays,
  });
}

/** Back to "register another resident?", with this outcome told now and kept for questions. */
export function toNextResident(last: Last, data: RegistrationData, ctx: FlowContext): StartResult {
  const start = { subject: "resident" as const, ...(data.proxy ? { proxy: data.proxy } : {}), last };
  return { type: "start", flow: "registration", data: start, replies: [toResultReply(last, ctx)] };
}

/** The NIK typed is a resident this RT head registered before: told so, and on to the next one. */
export function toKnownResident(existing: Person, data: RegistrationData, ctx: FlowContext): StartResult {
  const last: Last = {
    name: existing.name,
    sex: existing.sex,
    reference: existing.reference,
    outcome: "known",
    status: existing.status,
  };
  return toNextResident(last, data, ctx);
}
