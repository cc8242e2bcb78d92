/**
 * "STOP" / "BERHENTI" at any time: asks for confirmation, then records the opt-out (per person
 * and per conversation) so no reminder or broadcast reaches the user until they type "MULAI".
 */
import { z } from "zod";
import { defineFlow, done, exit } from "../core/flow";
import { confirm } from "../core/steps";

const noData = z.object({});
type NoData = z.infer<typeof noData>;

export const optOutFlow = defineFlow({
  id: "optOut",
  version: 1,
  start: "confirm",
  data: noData,
  initial: () => ({}),
  steps: {
    confirm: confirm<NoData>({
      prompt: "broadcast:optOut.confirm",
      onYes: (data) => done(data),
      onNo: () => exit([{ key: "broadcast:optOut.kept" }], true),
    }),
  },
  async complete(_data, ctx) {
    await ctx.services.optOuts.optOut({ channel: ctx.channel, userId: ctx.userId }, ctx.now);
    return [{ key: "broadcast:optOut.done" }];
  },
});
