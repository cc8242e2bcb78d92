/**
 * Who a broadcast goes to. A segment is a registration state plus optional filters
 * (place, role, language, channel), parsed from what staff type:
 * "kecamatan=Telanaipura, rt=3, peran=rt, bahasa=en, kanal=wa" (or "-" for no filter).
 */
import { toOfficialAreaName } from "./area-match";
import { lookup } from "./lookup";
import { toRtRwNumber } from "./rt-rw";

export const segmentStates = [
  "registered",
  "started",
  "pending",
  "active",
  "coverageEnding",
  "chatted",
] as const;
/**
 * registered: pending or active participants; started: a registration begun in the chat but not
 * finished; pending: waiting for verification; active: covered; coverageEnding: active with cover
 * ending before `coverageEndsBefore`; chatted: everyone who ever wrote to the bot.
 */
export type SegmentState = (typeof segmentStates)[number];

export type SegmentFilters = {
  kecamatan?: string;
  kelurahan?: string;
  rw?: string;
  rt?: string;
  role?: "rt_head" | "worker";
  language?: "id" | "en";
  /** A channel's name, as the channel directory found it in what staff typed ("kanal=wa"). */
  channel?: string;
};

export type Segment = SegmentFilters & {
  state: SegmentState;
  /** YYYY-MM-DD (WIB), for `coverageEnding`. */
  coverageEndsBefore?: string;
};

export type SegmentParse =
  | { ok: true; value: SegmentFilters }
  | { ok: false; reason: "unknownField" | "badValue" | "empty"; field: string };

const fieldNames: Record<string, keyof SegmentFilters> = {
  kecamatan: "kecamatan",
  kec: "kecamatan",
  district: "kecamatan",
  kelurahan: "kelurahan",
  kel: "kelurahan",
  village: "kelurahan",
  rw: "rw",
  rt: "rt",
  peran: "role",
  role: "role",
  bahasa: "language",
  language: "language",
  kanal: "channel",
  channel: "channel",
};

const values: Partial<Record<keyof SegmentFilters, Record<string, string>>> = {
  role: { rt: "rt_head", "ketua rt": "rt_head", rt_head: "rt_head", pekerja: "worker", worker: "worker" },
  language: { id: "id", indonesia: "id", en: "en", english: "en", inggris: "en" },
};

/** The channel a typed word names ("wa", "telegram"), from the channel directory; undefined when none. */
export type FindChannel = (word: string) => string | undefined;

function toValue(field: keyof SegmentFilters, raw: string, findChannel: FindChannel): string | undefined {
  if (field === "channel") return findChannel(raw);
  if (field === "rt" || field === "rw") return toRtRwNumber(raw);
  if (field === "kecamatan" || field === "kelurahan") return toOfficialAreaName(field, raw);
  const table = lookup(values, field);
  if (table) return lookup(table, raw.toLowerCase());
  return raw.replace(/\s+/g, " ");
}

/**
 * Parses "field=value" pairs separated by commas, semicolons or lines; "-" or "semua" means none.
 * Channel names come from the caller's channel directory, so this module names none.
 */
export function parseSegmentFilters(text: string, findChannel: FindChannel = () => undefined): SegmentParse {
  const trimmed = text.trim();
  if (/^(-|semua|all|tidak ada|none)$/i.test(trimmed)) return { ok: true, value: {} };
  const result: Record<string, string> = {};
  for (const part of trimmed
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-zA-Z_ ]+?)\s*[=:]\s*(.+)$/.exec(part);
    if (!match) return { ok: false, reason: "badValue", field: part };
    const field = lookup(fieldNames, (match[1] ?? "").trim().toLowerCase());
    if (!field) return { ok: false, reason: "unknownField", field: (match[1] ?? "").trim() };
    const value = toValue(field, (match[2] ?? "").trim(), findChannel);
    if (!value) return { ok: false, reason: "badValue", field };
    result[field] = value;
  }
  if (Object.keys(result).length === 0) return { ok: false, reason: "empty", field: "" };
  return { ok: true, value: result };
}

/** "kecamatan=Telanaipura, rt=003" for showing a segment back to staff ("-" when unfiltered). */
export function toFilterText(filters: SegmentFilters): string {
  const parts = Object.keys(fieldNames)
    .filter((name, i, all) => all.findIndex((n) => fieldNames[n] === fieldNames[name]) === i)
    .map((name) => fieldNames[name] as keyof SegmentFilters)
    .flatMap((field) => (filters[field] ? [`${field}=${filters[field]}`] : []));
  return parts.length > 0 ? parts.join(", ") : "-";
}
