/**
 * A broadcast text staff wrote: placeholders known, and short enough for every channel it goes
 * to once the longest name, RT and kelurahan are filled in (with "Bapak"/"Ibu" before the name).
 */
import { toTooLongFor } from "../core/channel-contract";
import type { FlowContext } from "../core/flow";
import { fillPlaceholders, toUnknownPlaceholders } from "../domain/message-template";

/** A reply of this many words or more at the message question is a pasted text, not a template's name. */
export const pastedTextWords = 4;

/** The longest values a recipient's placeholders take, for the length check. */
const worstValues = {
  name: "x".repeat(48),
  rt: "000",
  kelurahan: "x".repeat(30),
  deadline: "31 Desember 2026",
};

export function parseStaffText(text: string, ctx: FlowContext, wanted: string | undefined) {
  if (text.trim() === "") return { ok: false as const, reason: "empty" };
  const unknown = toUnknownPlaceholders(text)[0];
  if (unknown) return { ok: false as const, reason: "unknownPlaceholder", params: { name: `{${unknown}}` } };
  const { channels } = ctx.services;
  const targets = channels
    .list()
    .filter((c) => !wanted || c.channel === wanted)
    .map((c) => c.channel);
  const worst = fillPlaceholders(text, {}, worstValues);
  const tooLong = toTooLongFor(channels, worst, targets).map((c) => channels.capabilitiesOf(c));
  if (tooLong.length > 0) {
    const limit = Math.min(...tooLong.map((c) => c.text.broadcastMaxLength));
    return {
      ok: false as const,
      reason: "tooLong",
      params: { channels: tooLong.map((c) => c.label).join(", "), length: worst.length, limit },
    };
  }
  return { ok: true as const, value: text.trim() };
}
