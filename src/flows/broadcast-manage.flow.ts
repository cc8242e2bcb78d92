/**
 * Staff: broadcasts and automatic reminders with their progress; pick one to see progress,
 * pause, resume or cancel it (a reminder is stopped with "pause"). Effectful: the list is read
 * in the prompt and the actions run in `onChoice`, each audited by the BroadcastService.
 */
import { z } from "zod";
import type { BroadcastActionResult } from "../core/broadcast.port";
import { exit, invalid, next, type FlowContext, type Step } from "../core/flow";
import { defineFlow } from "../core/flow";
import type { Reply } from "../core/messages";
import { choose } from "../core/steps";
import { toProgressReplies, toStatusLabel } from "./broadcast-replies";

const data = z.object({ id: z.string().optional() });
type Data = z.infer<typeof data>;
const listSize = 10;

const pick: Step<Data> = {
  async prompt(_d, ctx) {
    const list = await ctx.services.broadcasts.list(listSize);
    if (list.length === 0) return [{ key: "broadcast:manage.empty" }];
    const lines = list
      .map(({ broadcast, progress }, i) =>
        ctx.translator.t(ctx.language, "broadcast:manage.line", {
          ...progress,
          index: i + 1,
          id: broadcast._id,
          status: toStatusLabel(broadcast.status, ctx),
        }),
      )
      .join("\n");
    return [{ key: "broadcast:manage.list", params: { lines } }];
  },
  async handle(input, d, ctx) {
    const list = await ctx.services.broadcasts.list(listSize);
    if (list.length === 0) return exit([], true);
    const number = /^\d{1,2}$/.test(input.text) ? Number(input.text) : undefined;
    const found = number
      ? list[number - 1]?.broadcast
      : list.find((item) => item.broadcast._id.toLowerCase() === input.text.toLowerCase())?.broadcast;
    if (!found) return invalid({ key: "broadcast:manage.notFound" });
    return next("action", { ...d, id: found._id });
  },
};

async function act(value: string, id: string, ctx: FlowContext): Promise<Reply[]> {
  const by = { actor: `${ctx.channel}:${ctx.userId}` };
  const { broadcasts } = ctx.services;
  if (value === "progress") {
    const progress = await broadcasts.progress(id);
    return progress ? toProgressReplies(progress, ctx) : [{ key: "broadcast:manage.notFound" }];
  }
  const result: BroadcastActionResult =
    value === "pause"
      ? await broadcasts.pause(id, by)
      : value === "resume"
        ? await broadcasts.resume(id, by)
        : await broadcasts.cancel(id, by);
  if (result.status === "ok") {
    const key = value === "pause" ? "paused" : value === "resume" ? "resumed" : "cancelled";
    return [{ key: `broadcast:manage.${key}`, params: { id } }];
  }
  const status = result.current ? toStatusLabel(result.current, ctx) : "-";
  return [{ key: "broadcast:manage.refused", params: { status } }];
}

const actionChoice = choose<Data>({
  prompt: "broadcast:manage.actions",
  options: (["progress", "pause", "resume", "cancel", "done"] as const).map((value) => ({
    value,
    label: `broadcast:manage.${value}` as const,
  })),
  onChoice: async (value, d, ctx) => {
    if (value === "done" || !d.id) return exit([], true);
    return next("action", d, await act(value, d.id, ctx));
  },
});

const action: Step<Data> = {
  ...actionChoice,
  async prompt(d, ctx) {
    const broadcast = d.id ? await ctx.services.broadcasts.get(d.id) : null;
    const replies = await actionChoice.prompt(d, ctx);
    const status = broadcast ? toStatusLabel(broadcast.status, ctx) : "-";
    return replies.map((r) => ({ ...r, params: { id: d.id ?? "-", status } }));
  },
};

export const broadcastManageFlow = defineFlow({
  id: "broadcastManage",
  version: 1,
  start: "pick",
  staffOnly: true,
  permission: "broadcasts.manage",
  staffMenuLabel: "broadcast:menu.manage",
  data,
  initial: () => ({}),
  steps: { pick, action },
});
