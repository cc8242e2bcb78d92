/**
 * Staff: create a broadcast. Segment (registration state, optional date, filters) → message
 * (a locale template or own text, length-checked per channel) → preview with exact counts and
 * each language's rendering → send now or at a WIB time. The preview step reads (I/O in its
 * prompt); the broadcast is created and scheduled in `complete`.
 */
import { z } from "zod";
import { broadcastTemplates, type BroadcastMessage } from "../core/broadcast.port";
import { defineFlow, done, exit, invalid, next, type Step } from "../core/flow";
import type { Reply } from "../core/messages";
import { ask, choose } from "../core/steps";
import type { I18nKey } from "../i18n/keys";
import { parseSegmentFilters, segmentStates, type Segment } from "../domain/broadcast-segment";
import { parseDay, parseWibMoment } from "../domain/wib-input";
import { toPreviewReplies } from "./broadcast-replies";
import { parseStaffText, pastedTextWords } from "./broadcast-text";

const messageSchema = z.union([
  z.object({ type: z.literal("template"), template: z.enum(broadcastTemplates) }),
  z.object({ type: z.literal("text"), text: z.string() }),
]);
const data = z.object({
  state: z.enum(segmentStates).default("registered"),
  coverageEndsBefore: z.string().optional(),
  filters: z.record(z.string(), z.string()).default({}),
  message: messageSchema.optional(),
  sendAt: z.string().optional(),
});
type Data = z.infer<typeof data>;

const toSegment = (d: Data): Segment => ({
  ...d.filters,
  state: d.state,
  ...(d.coverageEndsBefore ? { coverageEndsBefore: d.coverageEndsBefore } : {}),
});
const toMessage = (d: Data): BroadcastMessage =>
  d.message ?? { type: "template", template: "activeReminder" };
const audienceOrder = ["registered", "active", "pending", "coverageEnding", "started", "chatted"] as const;
const staffTemplates = [
  "activeReminder",
  "coverageEnding",
  "verificationPending",
  "registrationUnfinished",
] as const;

const previewChoice = choose<Data>({
  prompt: "broadcast:create.preview.prompt",
  options: [
    { value: "now", label: "broadcast:create.preview.sendNow", aliases: ["kirim", "send"] },
    { value: "later", label: "broadcast:create.preview.schedule", aliases: ["jadwal", "nanti"] },
    { value: "cancel", label: "broadcast:create.preview.cancel" },
  ],
  onChoice: (value, d) =>
    value === "now"
      ? done(d)
      : value === "later"
        ? next("scheduleAt", d)
        : exit([{ key: "common:cancelled" }], true),
});

const preview: Step<Data> = {
  ...previewChoice,
  prompt: async (d, ctx) => {
    const result = await ctx.services.broadcasts.preview({ segment: toSegment(d), message: toMessage(d) });
    return [...toPreviewReplies(result, ctx), ...(await previewChoice.prompt(d, ctx))];
  },
};

export const broadcastFlow = defineFlow({
  id: "broadcast",
  version: 1,
  start: "audience",
  staffOnly: true,
  permission: "broadcasts.manage",
  staffMenuLabel: "broadcast:menu.create",
  data,
  initial: () => data.parse({}),
  steps: {
    audience: choose<Data>({
      prompt: "broadcast:create.audience.prompt",
      options: audienceOrder.map((state) => ({
        value: state,
        label: `broadcast:create.audience.${state}` as const,
      })),
      onChoice: (value, d) => {
        const state = z.enum(segmentStates).parse(value);
        return next(state === "coverageEnding" ? "coverageDate" : "filters", { ...d, state });
      },
    }),
    coverageDate: ask<Data, string>({
      prompt: "broadcast:create.coverageDate.prompt",
      parse: (text, ctx) => parseDay(text, ctx.now),
      invalid: "broadcast:create.coverageDate.invalid",
      onAnswer: (day, d) => next("filters", { ...d, coverageEndsBefore: day }),
    }),
    filters: ask({
      prompt: "broadcast:create.filters.prompt",
      parse: (text, ctx) => {
        const parsed = parseSegmentFilters(text, (word) => ctx.services.channels.find(word));
        return parsed.ok ? parsed : { ok: false, reason: parsed.reason, params: { field: parsed.field } };
      },
      invalid: (reason) => `broadcast:create.filters.${reason as "unknownField" | "badValue" | "empty"}`,
      onAnswer: (filters, d: Data) => next("message", { ...d, filters: filters }),
    }),
    message: choose<Data>({
      prompt: "broadcast:create.message.prompt",
      options: [...staffTemplates, "freeText" as const].map((name) => ({
        value: name,
        label: `broadcast:templateNames.${name}` as const,
      })),
      onChoice: (value, d) =>
        value === "freeText"
          ? next("freeText", d)
          : next("preview", {
              ...d,
              message: { type: "template", template: z.enum(broadcastTemplates).parse(value) },
            }),
      // A message pasted here instead of a number is the staff text (checked as at "Tulis pesan sendiri").
      inSentence: false,
      onOther: (input, d, ctx) => {
        if (input.text.trim().split(/\s+/).length < pastedTextWords)
          return invalid(
            { key: "common:choice.invalid", params: { count: staffTemplates.length + 1 } },
            { reprompt: true },
          );
        const parsed = parseStaffText(input.text, ctx, d.filters.channel);
        if (parsed.ok) return next("preview", { ...d, message: { type: "text", text: parsed.value } });
        const reason = parsed.reason as "tooLong" | "unknownPlaceholder" | "empty";
        return next("freeText", d, [
          { key: `broadcast:create.freeText.${reason}`, ...(parsed.params ? { params: parsed.params } : {}) },
        ]);
      },
    }),
    freeText: ask<Data, string>({
      prompt: "broadcast:create.freeText.prompt",
      parse: (text, ctx) =>
        parseStaffText(text, ctx, (ctx.session.flow?.data as Data | undefined)?.filters.channel),
      invalid: (reason) =>
        `broadcast:create.freeText.${reason as "tooLong" | "unknownPlaceholder" | "empty"}`,
      onAnswer: (text, d) => next("preview", { ...d, message: { type: "text", text } }),
    }),
    preview,
    scheduleAt: ask<Data, Date>({
      prompt: "broadcast:create.scheduleAt.prompt",
      parse: (text, ctx) => parseWibMoment(text, ctx.now),
      invalid: (reason) =>
        reason === "past" ? "broadcast:create.scheduleAt.past" : "broadcast:create.scheduleAt.invalid",
      onAnswer: (at, d) => done({ ...d, sendAt: at.toISOString() }),
    }),
  },
  async complete(d, ctx) {
    const by = {
      actor: `${ctx.channel}:${ctx.userId}`,
      notify: { channel: ctx.channel, userId: ctx.userId },
    };
    const { broadcasts } = ctx.services;
    const created = await broadcasts.create({ segment: toSegment(d), message: toMessage(d) }, by);
    const refused = (reason: string): Reply[] => [
      {
        key: "broadcast:create.refused",
        params: { reason: ctx.translator.t(ctx.language, `broadcast:create.reasons.${reason}` as I18nKey) },
      },
    ];
    if (created.status !== "ok") return refused(created.reason);
    const scheduled = await broadcasts.schedule(
      created.broadcast._id,
      d.sendAt ? new Date(d.sendAt) : "now",
      by,
    );
    if (scheduled.status !== "ok") return refused(scheduled.reason);
    const { broadcast } = scheduled;
    const recipients = (
      await broadcasts.preview({ segment: broadcast.segment, message: broadcast.message }, 0)
    ).recipients;
    const params = { id: broadcast._id, at: broadcast.scheduledAt ?? ctx.now, recipients };
    return [
      {
        key: broadcast.postponedForQuietHours ? "broadcast:create.postponed" : "broadcast:create.created",
        params,
      },
    ];
  },
});
