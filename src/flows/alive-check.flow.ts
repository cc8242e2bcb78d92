/**
 * "Are you well?": asked before anything else of a person someone reported dead (or of whoever
 * writes from their registered phone) while staff have not verified the death. "Saya masih hidup"
 * suspends the claim, alerts staff with both sides and is audited; the person's data and rights
 * were never touched. Family members say so and carry on.
 */
import { z } from "zod";
import { defineFlow, exit } from "../core/flow";
import { choose } from "../core/steps";
import { reportAlive } from "./claims/alive-check";

const data = z.object({ reference: z.string() });
type D = z.infer<typeof data>;

export const aliveCheckFlow = defineFlow<D>({
  id: "aliveCheck",
  version: 1,
  start: "ask",
  data,
  initial: (_ctx, input) => {
    const parsed = data.safeParse(input);
    return { reference: parsed.success ? parsed.data.reference : "" };
  },
  steps: {
    ask: choose<D>({
      prompt: "deathReport:alive.prompt",
      options: [
        {
          value: "alive",
          label: "deathReport:alive.alive",
          aliases: [
            "saya masih hidup",
            "masih hidup",
            "hidup",
            "saya hidup",
            "sehat",
            "saya sehat",
            "ya",
            "iya",
          ],
        },
        {
          value: "family",
          label: "deathReport:alive.family",
          aliases: ["bukan", "keluarga", "saya keluarganya", "tidak"],
        },
        { value: "later", label: "deathReport:alive.later", aliases: ["nanti", "nanti saja"] },
      ],
      onChoice: async (value, state, ctx) => {
        if (value === "alive") {
          await reportAlive(state.reference, ctx);
          await ctx.services.audit.record(
            {
              at: ctx.now,
              actor: `${ctx.channel}:${ctx.userId}`,
              action: "claim.aliveReported",
              target: `claim:${state.reference}`,
            },
            ctx.effectKey("audit:claim.aliveReported"),
          );
          return exit([{ key: "deathReport:alive.thanks" }], true);
        }
        if (value === "family") return exit([{ key: "deathReport:alive.familyNote" }], true);
        return exit([], true);
      },
    }),
  },
});
