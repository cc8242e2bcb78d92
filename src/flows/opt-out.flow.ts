/**
 * "STOP" / "BERHENTI" at any time: asks for confirmation, then records the opt-out (per person
 * and per conversation) so no reminder or broadcast reaches the user until they type "MULAI".
 */
import { defineConfirmedAction } from "./confirmed-action";

export const optOutFlow = defineConfirmedAction({
  id: "optOut",
  confirm: "broadcast:optOut.confirm",
  kept: "broadcast:optOut.kept",
  async act(ctx) {
    await ctx.services.optOuts.optOut({ channel: ctx.channel, userId: ctx.userId }, ctx.now);
    return [{ key: "broadcast:optOut.done" }];
  },
});
