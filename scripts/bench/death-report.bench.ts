/**
 * The heir's path (DESIGN §8): messages from "lapor kematian" to the KLM- reference and the
 * characters of the longest turn, for a typical report and a heavy one (road accident, a sibling
 * reporting with nobody closer alive, a self-paying member), on the terminal and on WhatsApp (which
 * knows the heir's phone). Not timed: counted, through the real engine over the memory store.
 */
import type { ChannelName } from "../../src/core/messages";
import { createBenchApp, seedVerifiedRtHead } from "../lib/bench-app";
import { within, type BenchRow, type BenchSection } from "../lib/bench";

export type HeirPath = { name: string; channel: ChannelName; lines: string[] };

const heir = "Siti Aminah 1571 0252 0385 0002";
export const heirPaths: HeirPath[] = [
  {
    name: "typical (spouse, registered RT head, illness), terminal",
    channel: "terminal",
    lines: ["lapor kematian", "setuju", "1571 0201 0180 0001 Ahmad Yani", "kemarin", "3", "suami/istri", `${heir} 0812 3456 7890`, "tidak", "1"],
  },
  {
    name: "typical, WhatsApp",
    channel: "whatsapp",
    lines: ["lapor kematian", "setuju", "1571 0201 0180 0001 Ahmad Yani", "kemarin", "3", "suami/istri", heir, "tidak", "1"],
  },
  {
    name: "heavy (unknown deceased, road accident, sibling, nobody closer, self-paying), terminal",
    channel: "terminal",
    lines: ["lapor kematian", "setuju", "Budi Santoso Payo Lebar RT 7", "kemarin", "2", "2", "saudara kandung", "tidak ada", "Rudi Hartono 1571020101900003 081234567890", "1"],
  },
]; // prettier-ignore

export type HeirPathFigures = {
  /** Messages the heir sent, "lapor kematian" included, until a reply carried the KLM- reference. */
  messages: number;
  longestTurnChars: number;
  creatingTurn: { messages: number; chars: number };
};

/** Pak Ahmad Yani, RT head of Payo Lebar RT 5, registered and verified by staff (not yet known to BPJS data). */
const registerRtHead = (app: ReturnType<typeof createBenchApp>, now: Date) =>
  seedVerifiedRtHead(
    app,
    {
      name: "Ahmad Yani",
      nik: "1571020101800001",
      birthDate: "1980-01-01",
      phone: "+6281200000001",
      rt: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "2", rt: "5" },
      income: 1_000_000,
      contact: { channel: "whatsapp", userId: "+6281200000001" },
    },
    now,
  );

/** Plays one path on a fresh bot with the registered RT head Ahmad Yani. */
export async function playHeirPath(path: HeirPath): Promise<HeirPathFigures> {
  const now = new Date("2026-03-02T09:00:00+07:00");
  const app = createBenchApp(now);
  await registerRtHead(app, new Date("2025-06-01T09:00:00+07:00"));
  const userId = path.channel === "whatsapp" ? "+6281234567890" : "ahli-waris";
  const figures: HeirPathFigures = {
    messages: 0,
    longestTurnChars: 0,
    creatingTurn: { messages: 0, chars: 0 },
  };
  await app.inbound.handle(
    { channel: path.channel, userId, messageId: "m0", content: { type: "text", text: "halo" } },
    async () => undefined,
  );
  for (const [i, text] of path.lines.entries()) {
    let out: string[] = [];
    await app.inbound.handle(
      {
        channel: path.channel,
        userId,
        messageId: `m${i + 1}`,
        content: { type: "text", text },
        ...(path.channel === "whatsapp" ? { phone: userId } : {}),
      },
      async (messages) =>
        void (out = messages.map((m) =>
          [m.text, ...m.choices.map((c, k) => `${k + 1}. ${c.label}`)].join("\n"),
        )),
    );
    figures.messages = i + 1;
    const chars = out.join("\n").length;
    figures.longestTurnChars = Math.max(figures.longestTurnChars, chars);
    if (out.some((m) => /KLM-[2-9A-HJKMNP-Z]{6}/.test(m))) {
      figures.creatingTurn = { messages: out.length, chars };
      return figures;
    }
  }
  throw new Error(`${path.name}: no KLM- reference after ${path.lines.length} messages`);
}

export const section: BenchSection = {
  name: "death-report",
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    for (const path of heirPaths) {
      const figures = await playHeirPath(path);
      rows.push(
        within(`${path.name}: messages to the KLM reference`, figures.messages, "msgs", 10),
        within(`${path.name}: longest turn`, figures.longestTurnChars, "chars", 900),
        within(`${path.name}: turn creating the claim`, figures.creatingTurn.messages, "msgs", 3),
      );
    }
    return rows;
  },
};
