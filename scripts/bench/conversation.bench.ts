/**
 * How long the main conversations are (issue 14): messages a user sends from the first word to the
 * reference (DFT- for a registration, KLM- for a death report) and the characters and messages of
 * the bot's longest turn, as each channel's own renderer sends them. Paths: an ojek driver
 * registering himself, a verified RT head registering one resident, and the death report of
 * issue 13 (its own paths, played by death-report.bench.ts). Counted, not timed.
 */
import { toSendPayloads } from "../../src/channels/telegram/telegram.render";
import { toWhatsAppTexts } from "../../src/channels/whatsapp/whatsapp.render";
import type { App } from "../../src/app";
import type { ChannelName, InboundContent, OutboundMessage } from "../../src/core/messages";
import { toNumberedText } from "../../src/core/render";
import { createBenchApp, seedVerifiedRtHead } from "../lib/bench-app";
import { info, within, type BenchRow, type BenchSection } from "../lib/bench";
import { heirPaths, playHeirPath } from "./death-report.bench";

/** A line typed, or a phone shared with the platform's contact button. */
export type PathLine = string | { contact: string };

export type ConversationPath = {
  name: string;
  channel: ChannelName;
  /** "rtHead": a verified RT head (RT 22 / RW 3, Lebak Bandung) is talking. */
  who: "newcomer" | "rtHead";
  lines: PathLine[];
  /** The reply that ends the path. */
  until: RegExp;
  budget: number;
};

export type PathFigures = {
  /** Messages the user sent, the first included, until a reply matched `until`. */
  messages: number;
  /** Characters of the longest bot turn, as the channel shows it (button labels included). */
  longestTurnChars: number;
  /** Most messages the bot sent in one turn on this channel. */
  mostMessagesInTurn: number;
};

const reference = /DFT-[2-9A-HJKMNP-Z]{6}/;
const budgets = { whatsapp: 10, telegram: 11, terminal: 11 } as const;
const newcomer = "Budi Santoso 1571 0212 0590 0003";
const resident = "Jumadi 1571 0205 0475 0002";

/** The paths after issue 14 (the lines a person types when everything is valid). */
export const conversationPaths: ConversationPath[] = [
  { name: "self-registration (ojek), WhatsApp", channel: "whatsapp", who: "newcomer", until: reference, budget: budgets.whatsapp,
    lines: ["daftar", "ya", newcomer, "lebak bandung rt 22 rw 3", "ojek", "1,5 juta", "3", "kirim"] },
  { name: "self-registration (ojek), Telegram", channel: "telegram", who: "newcomer", until: reference, budget: budgets.telegram,
    lines: ["daftar", "ya", newcomer, { contact: "+6281234567001" }, "lebak bandung rt 22 rw 3", "ojek", "1,5 juta", "3", "kirim"] },
  { name: "self-registration (ojek), terminal", channel: "terminal", who: "newcomer", until: reference, budget: budgets.terminal,
    lines: ["daftar", "ya", newcomer, "0812 3456 7001", "lebak bandung rt 22 rw 3", "ojek", "1,5 juta", "3", "kirim"] },
  { name: "RT head registers himself, WhatsApp", channel: "whatsapp", who: "newcomer", until: reference, budget: budgets.whatsapp,
    lines: ["daftar", "ya", "Ahmad Fauzi 1571 0807 0380 0001", "lbk bandung rt 22 rw 3", "ketua rt", "1,5 juta", "1", "kirim"] },
  { name: "RT head registers one resident, WhatsApp", channel: "whatsapp", who: "rtHead", until: reference, budget: budgets.whatsapp,
    lines: ["daftar", "ya", resident, "tidak ada", "pedagang", "1 juta", "1", "kirim"] },
  { name: "RT head registers one resident, Telegram", channel: "telegram", who: "rtHead", until: reference, budget: budgets.telegram,
    lines: ["daftar", "ya", resident, "tidak ada", "pedagang", "1 juta", "1", "kirim"] },
]; // prettier-ignore

const rtHeadPhone = "+6281200000022";

/** Pak Ahmad Fauzi, verified head of RT 22 / RW 3, Lebak Bandung, talking from `contact`. */
const seedRtHead = (app: App, userId: string, channel: ChannelName, now: Date) =>
  seedVerifiedRtHead(
    app,
    {
      name: "Ahmad Fauzi",
      nik: "1571080703800001",
      birthDate: "1980-03-07",
      phone: rtHeadPhone,
      rt: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
      income: 1_500_000,
      contact: { channel, userId },
    },
    now,
  );

/** A turn's messages as the channel sends them: texts (with choice labels) and their count. */
function toChannelTurn(
  channel: ChannelName,
  messages: readonly OutboundMessage[],
  keyboard: { open: boolean },
): string[] {
  if (channel === "whatsapp") return toWhatsAppTexts(messages);
  if (channel === "terminal") return messages.map((m) => toNumberedText(m));
  const batch = toSendPayloads(messages, {
    encode: (value) => value,
    contactButtonLabel: "Kirim nomor HP",
    keyboardOpen: keyboard.open,
  });
  keyboard.open = batch.keyboardOpen;
  return batch.payloads.map((p) => {
    const markup = p.reply_markup;
    const buttons = markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
    return [p.text, ...buttons.map((b) => b.text)].join("\n");
  });
}

const toContent = (line: PathLine): InboundContent =>
  typeof line === "string" ? { type: "text", text: line } : { type: "contact", phone: line.contact };

/** Plays one path on a fresh bot and counts. */
export async function playConversationPath(path: ConversationPath): Promise<PathFigures> {
  const now = new Date("2026-03-02T09:00:00+07:00");
  const app = createBenchApp(now);
  const phone = path.who === "rtHead" ? rtHeadPhone : "+6281234567001";
  const userId = path.channel === "whatsapp" ? phone : `${path.who}-1`;
  if (path.who === "rtHead") await seedRtHead(app, userId, path.channel, now);
  const say = async (content: InboundContent, id: string): Promise<OutboundMessage[]> => {
    let out: OutboundMessage[] = [];
    await app.inbound.handle(
      {
        channel: path.channel,
        userId,
        messageId: id,
        content,
        ...(path.channel === "whatsapp" ? { phone } : {}),
      },
      async (messages) => void (out = messages),
    );
    return out;
  };
  await say({ type: "text", text: "halo" }, "m0");
  const figures: PathFigures = { messages: 0, longestTurnChars: 0, mostMessagesInTurn: 0 };
  const keyboard = { open: false };
  for (const [i, line] of path.lines.entries()) {
    const texts = toChannelTurn(path.channel, await say(toContent(line), `m${i + 1}`), keyboard);
    figures.messages = i + 1;
    figures.longestTurnChars = Math.max(figures.longestTurnChars, texts.join("\n\n").length);
    figures.mostMessagesInTurn = Math.max(figures.mostMessagesInTurn, texts.length);
    if (texts.some((t) => path.until.test(t))) return figures;
  }
  throw new Error(`${path.name}: no reference after ${path.lines.length} messages`);
}

export const section: BenchSection = {
  name: "conversation",
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    for (const path of conversationPaths) {
      const figures = await playConversationPath(path);
      rows.push(
        within(`${path.name}: messages to the DFT reference`, figures.messages, "msgs", path.budget),
        info(`${path.name}: longest turn`, figures.longestTurnChars, "chars"),
        within(`${path.name}: most bot messages in a turn`, figures.mostMessagesInTurn, "msgs", 1),
      );
    }
    const deathPaths = [
      ...heirPaths,
      { ...heirPaths[0]!, name: "typical, Telegram", channel: "telegram" as const },
    ];
    for (const path of deathPaths) {
      const figures = await playHeirPath(path);
      rows.push(
        within(`death report, ${path.name}: messages to the KLM reference`, figures.messages, "msgs", 10),
        within(`death report, ${path.name}: longest turn`, figures.longestTurnChars, "chars", 900),
      );
    }
    return rows;
  },
};
