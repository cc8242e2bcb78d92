/**
 * The README's table of what each channel supports, generated from the declarations
 * (`npm run docs:channels` rewrites it; a test fails when the README and the declarations differ).
 */
import type { ChannelCapabilities, MediaLimit } from "../core/channel-contract";

export const tableStart = "<!-- channel-capabilities:start (npm run docs:channels) -->";
export const tableEnd = "<!-- channel-capabilities:end -->";

const yesNo = (value: boolean) => (value ? "yes" : "no");
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const toMedia = (limit: MediaLimit | null) =>
  limit
    ? `${limit.types.includes("*") ? "any type" : limit.types.join(", ")}; ≤ ${mb(limit.maxBytes)}`
    : "no";

const rows: ReadonlyArray<readonly [string, (c: ChannelCapabilities) => string]> = [
  ["Max text length (split beyond)", (c) => String(c.text.maxLength)],
  ["Max broadcast length", (c) => String(c.text.broadcastMaxLength)],
  ["Formatting", (c) => c.text.formatting],
  [
    "Buttons",
    (c) =>
      c.choices.buttons ? `≤ ${c.choices.buttons.max}, labels ≤ ${c.choices.buttons.maxLabelLength}` : "no",
  ],
  [
    "Lists",
    (c) =>
      c.choices.list ? `≤ ${c.choices.list.maxRows} rows, titles ≤ ${c.choices.list.maxLabelLength}` : "no",
  ],
  ["Other choices", () => "numbered lines"],
  ["Photos received", (c) => toMedia(c.media.receives.photo)],
  ["Documents received", (c) => toMedia(c.media.receives.document)],
  ["Files sent", (c) => (c.media.sends.length > 0 ? c.media.sends.join(", ") : "no")],
  ["Phone number button", (c) => yesNo(c.contacts.requestButton)],
  ["Contact cards", (c) => yesNo(c.contacts.cards)],
  ["Sender's phone known", (c) => yesNo(c.contacts.senderPhone)],
  ["Location", (c) => yesNo(c.location)],
  ["Templates", (c) => yesNo(c.templates)],
  [
    "Service window",
    (c) => (c.serviceWindowHours === null ? "none" : `${c.serviceWindowHours} h (then templates only)`),
  ],
  ["Delivery / read receipts", (c) => yesNo(c.receipts)],
  [
    "Unsolicited messages to",
    (c) => (c.unsolicited.audience === "anyone" ? "anyone" : "people who wrote first"),
  ],
  ["Pacing", (c) => toPacing(c.unsolicited)],
];

function toPacing(u: ChannelCapabilities["unsolicited"]): string {
  const parts = [
    u.ratePerSecond !== null ? `${u.ratePerSecond}/s` : undefined,
    u.perMinute !== null ? `${u.perMinute}/min` : undefined,
    u.perDay !== null ? `${u.perDay}/day` : undefined,
    u.perUserIntervalMs !== null ? `1 per ${u.perUserIntervalMs / 1000} s per user` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "none";
}

/** A Markdown table, one column per declaration, one row per capability. */
export function toCapabilityTable(declarations: readonly ChannelCapabilities[]): string {
  const header = `| | ${declarations.map((d) => `\`${d.channel}\`: ${d.transport}`).join(" | ")} |`;
  const rule = `|---|${declarations.map(() => "---").join("|")}|`;
  const body = rows.map(([name, cell]) => `| ${name} | ${declarations.map(cell).join(" | ")} |`);
  return [header, rule, ...body].join("\n");
}

/** Replaces what stands between two markers in `readme`; throws when the markers are missing. */
export function toReadmeWithSection(
  readme: string,
  content: string,
  start = tableStart,
  end = tableEnd,
): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} markers`);
  return `${readme.slice(0, from + start.length)}\n\n${content}\n\n${readme.slice(to)}`;
}

/** A Markdown table's cells, whitespace and column alignment ignored (Prettier pads tables). */
export function toTableCells(table: string): string[][] {
  return table
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("|") && !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
}
