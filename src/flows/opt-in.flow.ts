/** "MULAI": undoes an opt-out after the user confirms (consent is an explicit act). */
import { z } from "zod";
import { defineFlow, done, exit } from "../core/flow";
import { confirm } from "../core/steps";

const noData = z.object({});
type NoData = z.infer<typeof noData>;

export const optInFlow = defineFlow({
  id: "optIn",
  version: 1,
  start: "confirm",
  data: noData,
  initial: () => ({}),
  steps: {
    confirm: confirm<NoData>({
      prompt: "broadcast:optIn.confirm",
      onYes: (data) => done(data),
      onNo: () => exit([{ key: "broadcast:optIn.kept" }], true),
    }),
  },
  async complete(_data, ctx) {
    const result = await ctx.services.optOuts.optIn({ channel: ctx.channel, userId: ctx.userId }, ctx.now);
    return [{ key: result === "optedIn" ? "broadcast:optIn.done" : "broadcast:optIn.already" }];
  },
});
