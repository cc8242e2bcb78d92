/**
 * "Can I join?": six short questions (NIK, age, Kota Jambi, RT head, own-account work, employer
 * cover) → an outcome with its reasons and the next step (domain/eligibility.ts decides).
 */
import { z } from "zod";
import { defineFlow, done, next, type FlowContext, type StepResult } from "../core/flow";
import { ask, confirm } from "../core/steps";
import { toEligibilityOutcome, type EligibilityAnswers } from "../domain/eligibility";
import { toFaqParams } from "../nlu/faq-params";

const eligibilityData = z.object({
  hasNik: z.boolean().optional(),
  age: z.number().optional(),
  livesInJambi: z.boolean().optional(),
  rtHead: z.boolean().optional(),
  ownWork: z.boolean().optional(),
  employerCovered: z.boolean().optional(),
});
type EligibilityData = z.infer<typeof eligibilityData>;

/** Ends the check with the outcome as soon as the answers decide it. */
function finish(data: EligibilityData, ctx: FlowContext): StepResult<EligibilityData> {
  const answers: EligibilityAnswers = {
    hasNik: data.hasNik ?? false,
    age: data.age ?? 0,
    livesInJambi: data.livesInJambi ?? false,
    ...(data.rtHead === undefined ? {} : { rtHead: data.rtHead }),
    ...(data.ownWork === undefined ? {} : { ownWork: data.ownWork }),
    ...(data.employerCovered === undefined ? {} : { employerCovered: data.employerCovered }),
  };
  const outcome = toEligibilityOutcome(answers);
  ctx.setContext({ nlu: { topic: "eligibility" } });
  return done(data, [{ key: `eligibility:result.${outcome}`, params: toFaqParams(ctx.language) }]);
}

function parseAge(text: string) {
  const match = /^\D{0,12}(\d{1,3})\s*(?:th|thn|tahun|years?|yo)?\.?$/i.exec(text.trim());
  const age = Number(match?.[1]);
  return match && age > 0 && age < 120
    ? { ok: true as const, value: age }
    : { ok: false as const, reason: "notAge" };
}

export const eligibilityFlow = defineFlow({
  id: "eligibility",
  version: 1,
  start: "askNik",
  data: eligibilityData,
  initial: () => ({}),
  steps: {
    askNik: confirm<EligibilityData>({
      prompt: "eligibility:askNik.prompt",
      onYes: (data) => next("askAge", { ...data, hasNik: true }),
      onNo: (data, ctx) => finish({ ...data, hasNik: false }, ctx),
    }),
    askAge: ask<EligibilityData, number>({
      prompt: "eligibility:askAge.prompt",
      parse: parseAge,
      invalid: "eligibility:askAge.invalid",
      onAnswer: (age, data, ctx) => {
        const answered = { ...data, age };
        const outcome = toEligibilityOutcome({ hasNik: true, age, livesInJambi: true });
        return outcome === "tooOld" || outcome === "tooYoung"
          ? finish(answered, ctx)
          : next("askJambi", answered);
      },
    }),
    askJambi: confirm<EligibilityData>({
      prompt: "eligibility:askJambi.prompt",
      onYes: (data) => next("askRt", { ...data, livesInJambi: true }),
      onNo: (data) => next("askOwnWork", { ...data, livesInJambi: false }),
    }),
    askRt: confirm<EligibilityData>({
      prompt: "eligibility:askRt.prompt",
      onYes: (data, ctx) => finish({ ...data, rtHead: true }, ctx),
      onNo: (data) => next("askOwnWork", { ...data, rtHead: false }),
    }),
    askOwnWork: confirm<EligibilityData>({
      prompt: "eligibility:askOwnWork.prompt",
      onYes: (data) => next("askEmployer", { ...data, ownWork: true }),
      onNo: (data, ctx) => finish({ ...data, ownWork: false }, ctx),
    }),
    askEmployer: confirm<EligibilityData>({
      prompt: "eligibility:askEmployer.prompt",
      onYes: (data, ctx) => finish({ ...data, employerCovered: true }, ctx),
      onNo: (data, ctx) => finish({ ...data, employerCovered: false }, ctx),
    }),
  },
});
