/**
 * Who pays and which programmes, in one question: Pemkot-funded groups (RT heads, petugas syara')
 * only choose whether to add JHT; others propose Pemkot funding or pay themselves, with or without
 * JHT, each with the monthly amount (the 2026 discount included where it applies).
 */
import type { ChoiceOption } from "../../core/choice-match";
import type { FlowContext } from "../../core/flow";
import { next } from "../../core/flow";
import { reply } from "../../core/messages";
import type { Programme } from "../../core/people.port";
import { choose } from "../../core/steps";
import { calculateContribution } from "../../domain/contributions";
import { toJakartaParts } from "../../domain/jakarta-time";
import { findOccupation } from "../../domain/occupations";
import { toPersonWords } from "./person-words";
import type { RegistrationData } from "./registration.data";
import { minimumIncome } from "./work.steps";

/** What the participant pays a month for a choice (JKK+JKM are paid by the Pemkot when funded). */
export function participantAmounts(
  data: RegistrationData,
  ctx: Pick<FlowContext, "now">,
  withJht: boolean,
  fundedBy: "apbd" | "self" = data.fundedBy ?? "self",
) {
  const { year, month } = toJakartaParts(ctx.now);
  const contribution = calculateContribution({
    income: data.income ?? minimumIncome,
    programmes: withJht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
    month: `${year}-${String(month).padStart(2, "0")}`,
    sector: findOccupation(data.occupation ?? "")?.sector ?? "other",
    fundedBy,
  });
  const pays = fundedBy === "apbd" ? contribution.jht : contribution.monthly;
  return { pays, contribution };
}

const isApbdGroup = (data: RegistrationData) => findOccupation(data.occupation ?? "")?.apbdGroup === true;

type Plan = { fundedBy: "apbd" | "self"; programmes: Programme[] };
const plans: Readonly<Record<string, Plan>> = {
  apbd: { fundedBy: "apbd", programmes: ["JKK", "JKM"] },
  apbdJht: { fundedBy: "apbd", programmes: ["JKK", "JKM", "JHT"] },
  self: { fundedBy: "self", programmes: ["JKK", "JKM"] },
  selfJht: { fundedBy: "self", programmes: ["JKK", "JKM", "JHT"] },
};

function planOptions(data: RegistrationData, ctx: FlowContext): ChoiceOption[] {
  const amount = (withJht: boolean, fundedBy: "apbd" | "self") =>
    participantAmounts(data, ctx, withJht, fundedBy).pays;
  if (isApbdGroup(data))
    return [
      { value: "apbd", label: "registration:plan.groupBasic", aliases: ["jkk jkm", "saja", "tidak", "pemkot"] },
      { value: "apbdJht", label: "registration:plan.groupJht", params: { amount: amount(true, "apbd") }, aliases: ["jht", "tambah jht"] },
    ]; // prettier-ignore
  return [
    { value: "apbd", label: "registration:plan.apbd", aliases: ["pemkot", "ditanggung", "gratis", "rentan", "free"] },
    { value: "apbdJht", label: "registration:plan.apbdJht", params: { amount: amount(true, "apbd") }, aliases: ["pemkot jht", "pemkot dan jht"] },
    { value: "self", label: "registration:plan.self", params: { amount: amount(false, "self") }, aliases: ["sendiri", "bayar sendiri", "mandiri"] },
    { value: "selfJht", label: "registration:plan.selfJht", params: { amount: amount(true, "self") }, aliases: ["sendiri jht", "sendiri dan jht", "mandiri jht"] },
  ]; // prettier-ignore
}

export const planSteps = {
  plan: choose<RegistrationData>({
    prompt: (data, ctx) => {
      const discount = participantAmounts(data, ctx, false, "self").contribution.discountReason === "applied";
      const key = isApbdGroup(data)
        ? "registration:plan.promptGroup"
        : discount
          ? "registration:plan.promptDiscount"
          : "registration:plan.prompt";
      return reply(key, { ...toPersonWords(data, ctx) });
    },
    options: planOptions,
    onChoice: (value, data) => next("summary", { ...data, ...(plans[value] ?? plans.apbd), editing: false }),
  }),
};
