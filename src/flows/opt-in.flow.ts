/** "MULAI": undoes an opt-out after the user confirms (consent is an explicit act). */
import { defineConfirmedAction } from "./confirmed-action";

export const optInFlow = defineConfirmedAction({
  id: "optIn",
  confirm: "broadcast:optIn.confirm",
  kept: "broadcast:optIn.kept",
  async act(ctx) {
    const result = await ctx.services.optOuts.optIn({ channel: ctx.channel, userId: ctx.userId }, ctx.now);
    return [{ key: result === "optedIn" ? "broadcast:optIn.done" : "broadcast:optIn.already" }];
  },
});
