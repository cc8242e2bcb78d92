/** Reads the console's broadcast form into a draft (segment + message) with the chat flow's own rules. */
import type { BroadcastDraft, BroadcastMessage } from "../../core/broadcast.port";
import { parseSegmentFilters, segmentStates, type Segment } from "../../domain/broadcast-segment";
import { fromJakarta } from "../../domain/jakarta-time";
import { toUnknownPlaceholders } from "../../domain/message-template";

export const staffTemplates = [
  "activeReminder",
  "coverageEnding",
  "verificationPending",
  "registrationUnfinished",
] as const;
const filterFields = ["kecamatan", "kelurahan", "rt", "channel", "language"] as const;

export type FormField = (name: string, max?: number) => string;
export type DraftParse = { ok: true; draft: BroadcastDraft } | { ok: false; field: string };

export function toSegment(field: FormField): { ok: true; segment: Segment } | { ok: false; field: string } {
  const state = field("state") || "registered";
  if (!(segmentStates as readonly string[]).includes(state)) return { ok: false, field: "state" };
  const text = filterFields.flatMap((name) => (field(name) ? [`${name}=${field(name, 60)}`] : [])).join(", ");
  const filters = text ? parseSegmentFilters(text) : { ok: true as const, value: {} };
  if (!filters.ok) return { ok: false, field: filters.field };
  const coverage = field("coverageEndsBefore");
  if (state === "coverageEnding" && !/^\d{4}-\d{2}-\d{2}$/.test(coverage))
    return { ok: false, field: "coverageEndsBefore" };
  return {
    ok: true,
    segment: {
      ...filters.value,
      state: state as Segment["state"],
      ...(state === "coverageEnding" ? { coverageEndsBefore: coverage } : {}),
    },
  };
}

export function toMessage(
  field: FormField,
): { ok: true; message: BroadcastMessage } | { ok: false; field: string } {
  const template = field("template");
  if (template === "text") {
    const text = field("text", 4000);
    if (!text || toUnknownPlaceholders(text).length > 0) return { ok: false, field: "text" };
    return { ok: true, message: { type: "text", text } };
  }
  const known = staffTemplates.find((t) => t === template);
  return known
    ? { ok: true, message: { type: "template", template: known } }
    : { ok: false, field: "template" };
}

export function toDraft(field: FormField): DraftParse {
  const segment = toSegment(field);
  if (!segment.ok) return segment;
  const message = toMessage(field);
  if (!message.ok) return message;
  return { ok: true, draft: { segment: segment.segment, message: message.message } };
}

/** "2026-03-02T08:30" typed in a datetime-local field, as WIB; "now" when empty. */
export function parseSendAt(value: string): Date | "now" | undefined {
  if (!value) return "now";
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [y, m, d, h, min] = match.slice(1).map(Number) as [number, number, number, number, number];
  return fromJakarta(y, m, d, h, min);
}
