/**
 * Staff: the hand-off inbox in the chat. Lists open hand-offs (a kelurahan officer's only), opens
 * one with its last messages, and sends what staff type next to the citizen ("tutup …" closes it
 * with a note). The shortcuts "balas #12 …" and "tutup #12 …" work anywhere (core/handoff-citizen.ts).
 */
import { z } from "zod";
import { defineFlow, invalid, next, stay, type FlowContext, type Step } from "../core/flow";
import { closeHandoff, handoffTarget, replyToHandoff } from "../core/handoff-staff";
import { formatTime } from "../domain/jakarta-time";

const data = z.object({ number: z.number().int().optional() });
type D = z.infer<typeof data>;

const listStep: Step<D> = {
  prompt: async (_data, ctx) => {
    const open = await ctx.services.handoffs.list({ status: "open" }, { limit: 20 });
    if (open.length === 0) return [{ key: "handoff:staff.empty" }];
    const list = open
      .map(
        (h) =>
          `#${h.number} · ${h.displayName ?? "-"} · ${formatTime(h.openedAt, ctx.language)}${h.firstAnsweredAt ? " ✓" : ""}`,
      )
      .join("\n");
    return [
      { key: "handoff:staff.list", params: { count: open.length, list } },
      { key: "handoff:staff.pick" },
    ];
  },
  handle: (input) => {
    const number = /^#?\s*(\d{1,7})$/.exec(input.text)?.[1];
    return number ? next("conversation", { number: Number(number) }) : invalid({ key: "handoff:staff.pick" });
  },
};

async function showConversation(data: D, ctx: FlowContext) {
  const handoff = data.number === undefined ? null : await ctx.services.handoffs.findByNumber(data.number);
  if (!handoff || handoff.status !== "open")
    return [{ key: "handoff:staff.notFound" as const, params: { number: data.number ?? 0 } }];
  await ctx.services.audit.record({
    at: ctx.now,
    actor: `${ctx.channel}:${ctx.userId}`,
    action: "handoff.view",
    target: handoffTarget(handoff),
  });
  const lines = handoff.messages
    .slice(-8)
    .map(
      (m) =>
        `${m.from === "citizen" ? "👤" : "💬"} ${formatTime(m.at, ctx.language)} ${ctx.services.vault.open(m.text)}`,
    )
    .join("\n");
  return [
    {
      key: "handoff:staff.conversation" as const,
      params: { number: handoff.number, name: handoff.displayName ?? "-", lines },
    },
  ];
}

const conversationStep: Step<D> = {
  prompt: showConversation,
  handle: async (input, data, ctx) => {
    const staff = ctx.staff;
    if (!staff || data.number === undefined || !input.text)
      return invalid({ key: "handoff:staff.typeReply" });
    const close = /^(tutup|close|selesai)\b\s*([\s\S]*)$/i.exec(input.text);
    const result = close
      ? await closeHandoff(
          ctx.services,
          staff,
          data.number,
          close[2]?.trim() || undefined,
          ctx.effectKey("handoff.close"),
        )
      : await replyToHandoff(ctx.services, staff, data.number, input.text, ctx.effectKey("handoff.reply"));
    if (result.status !== "ok")
      return next("list", {}, [{ key: `handoff:staff.${result.status}`, params: { number: data.number } }]);
    if (close)
      return next("list", {}, [{ key: "handoff:staff.closedDone", params: { number: data.number } }]);
    return stay(data, [{ key: "handoff:staff.sent", params: { number: data.number } }]);
  },
};

export const staffHandoffFlow = defineFlow<D>({
  id: "staffHandoff",
  version: 1,
  start: "list",
  staffOnly: true,
  permission: "handoff.answer",
  staffMenuLabel: "handoff:staff.menuLabel",
  data,
  initial: () => ({}),
  steps: { list: listStep, conversation: conversationStep },
});
