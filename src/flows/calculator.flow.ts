/**
 * Contribution calculator: declared income, programmes, who pays, sector → monthly and
 * 12-month amounts with the 2026 discount by month and sector (never for APBD-funded members).
 */
import { z } from "zod";
import { defineFlow, done, next, type FlowContext } from "../core/flow";
import type { Parsed } from "../core/steps";
import { ask, choose } from "../core/steps";
import { parseRupiah } from "../domain/rupiah-input";
import { programmeFacts } from "../domain/programme-facts";
import type { Sector } from "../domain/contributions";
import { toCalculationReplies, type CalculationRequest } from "./calculation.replies";

const calculatorData = z.object({
  income: z.number().optional(),
  programmes: z.array(z.enum(["JKK", "JKM", "JHT"])).optional(),
  fundedBy: z.enum(["self", "apbd"]).optional(),
});
type CalculatorData = z.infer<typeof calculatorData>;

function parseIncome(text: string): Parsed<number> {
  // "2" or "1,5" alone mean millions here: nobody declares Rp 2 a month.
  const bare = /^(\d{1,3}(?:[.,]\d{1,2})?)$/.exec(text.trim());
  if (bare?.[1]) return { ok: true, value: Math.round(Number(bare[1].replace(",", ".")) * 1_000_000) };
  const parsed = parseRupiah(text, { max: 1_000_000_000 });
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, value: parsed.value };
}

function finish(data: CalculatorData, fundedBy: "self" | "apbd", sector: Sector, ctx: FlowContext) {
  const request: CalculationRequest = {
    income: data.income ?? programmeFacts.minimumIncome.value,
    programmes: data.programmes ?? ["JKK", "JKM"],
    fundedBy,
    sector,
  };
  ctx.setContext({ nlu: { topic: "calculate", calc: request } });
  return done({ ...data, fundedBy }, toCalculationReplies(request, ctx));
}

export const calculatorFlow = defineFlow({
  id: "calculator",
  version: 1,
  start: "askIncome",
  data: calculatorData,
  initial: () => ({}),
  steps: {
    askIncome: ask<CalculatorData, number>({
      prompt: "calculator:askIncome.prompt",
      parse: parseIncome,
      invalid: "calculator:askIncome.invalid",
      onAnswer: (income, data) => next("askProgrammes", { ...data, income }),
    }),
    askProgrammes: choose<CalculatorData>({
      prompt: "calculator:askProgrammes.prompt",
      options: [
        {
          value: "basic",
          label: "calculator:askProgrammes.basic",
          aliases: ["jkk jkm", "2 program", "wajib"],
        },
        { value: "full", label: "calculator:askProgrammes.full", aliases: ["jht", "3 program", "semua"] },
      ],
      onChoice: (value, data) =>
        next("askFunding", {
          ...data,
          programmes: value === "full" ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
        }),
    }),
    askFunding: choose<CalculatorData>({
      prompt: "calculator:askFunding.prompt",
      options: [
        { value: "self", label: "calculator:askFunding.self", aliases: ["sendiri", "mandiri"] },
        { value: "apbd", label: "calculator:askFunding.apbd", aliases: ["pemkot", "apbd", "rt", "ketua rt"] },
      ],
      onChoice: (value, data, ctx) =>
        value === "apbd"
          ? finish(data, "apbd", "other", ctx)
          : next("askSector", { ...data, fundedBy: "self" as const }),
    }),
    askSector: choose<CalculatorData>({
      prompt: "calculator:askSector.prompt",
      options: [
        {
          value: "transport",
          label: "calculator:askSector.transport",
          aliases: ["ojek", "ojol", "kurir", "sopir"],
        },
        { value: "other", label: "calculator:askSector.other", aliases: ["bukan", "lain"] },
      ],
      onChoice: (value, data, ctx) =>
        finish(data, "self", value === "transport" ? "transport" : "other", ctx),
    }),
  },
});
