/**
 * Runs a parsed transcript script against the real app (engine, flows, i18n) on a given store,
 * with a clock that only `@wait` moves. Returns what happened as data; `scripts/chat.ts` prints it.
 *
 * `in` of a turn is the text typed, or the directive line as written for `@photo`, `@document`
 * and `@contact` (e.g. "@photo ktp.jpg"), so a JSON transcript reads like its script.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createApp, type App } from "../../src/app";
import type { DocumentStore } from "../../src/core/document-store.port";
import type { ChannelName, InboundContent, Language, OutboundMessage } from "../../src/core/messages";
import type { ChannelSender, Clock, Logger } from "../../src/core/ports";
import type { PersonalDataVault } from "../../src/core/vault.port";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { toChannelPreview } from "./channel-preview";
import type { ScriptStep } from "./transcript-script";

export type TranscriptOptions = {
  store: DocumentStore;
  /** Start of the clock. */
  now: Date;
  /** Language of new conversations (default "id"). */
  language?: Language;
  logger?: Logger;
  vault?: PersonalDataVault;
  silenceMs?: number;
  /** Called with every app built (at start and on @restart): tests decorate it here. */
  onBuild?: (app: App) => void;
};

/** A message the bot pushed to someone outside a reply (claim updates, broadcasts). */
export type Push = { user: string; channel: ChannelName; out: string[]; messages: OutboundMessage[] };

/** One user message and what the bot answered, rendered as the user's channel shows it. */
export type Turn = {
  kind: "turn";
  line: number;
  user: string;
  channel: ChannelName;
  in: string;
  out: string[];
  messages: OutboundMessage[];
  pushed: Push[];
};

/** A directive that changed the setting (user, channel, clock, restart); no message was sent. */
export type DirectiveEntry = { kind: "directive"; line: number; source: string };

export type TranscriptEntry = Turn | DirectiveEntry;

/** Fixed keys: transcripts are reproducible; never used outside scripts and tests. */
const transcriptVaultKeys = {
  current: "t1",
  keys: { t1: Buffer.alloc(32, 3) },
  hashKey: Buffer.alloc(32, 5),
};

type Speaker = { user: string; channel: ChannelName; staff: Set<string> };

/** What a script step sends, or undefined for a directive that only changes the setting. */
export async function toInboundContent(step: ScriptStep): Promise<InboundContent | undefined> {
  switch (step.type) {
    case "say":
      return { type: "text", text: step.text };
    case "contact":
      return { type: "contact", phone: step.phone };
    case "file": {
      const bytes = await readFile(step.file);
      return {
        type: "media",
        kind: step.kind,
        mimeType: step.mimeType,
        size: bytes.length,
        fileName: step.fileName,
        load: async () => new Uint8Array(bytes),
      };
    }
    default:
      return undefined;
  }
}

/** Runs the steps in order and returns one entry per step. */
export async function runTranscript(
  steps: ScriptStep[],
  options: TranscriptOptions,
): Promise<TranscriptEntry[]> {
  let current = options.now.getTime();
  const clock: Clock = { now: () => new Date(current) };
  const pushes: Push[] = [];
  const runId = randomUUID().slice(0, 8);
  const build = (): App => {
    const app = createApp({
      store: options.store,
      clock,
      logger: options.logger ?? silentLogger,
      vault: options.vault ?? createVault(transcriptVaultKeys),
      ...(options.language ? { defaultLanguage: options.language } : {}),
      ...(options.silenceMs ? { silenceMs: options.silenceMs } : {}),
    });
    for (const channel of ["terminal", "telegram", "whatsapp"] as const) {
      const sender: ChannelSender = {
        channel,
        send: async (user, messages) => {
          pushes.push({ user, channel, messages, out: messages.map((m) => toChannelPreview(channel, m)) });
        },
      };
      app.hub.register(sender);
    }
    options.onBuild?.(app);
    return app;
  };
  let app = build();
  const speaker: Speaker = { user: "warga-1", channel: "terminal", staff: new Set() };
  const entries: TranscriptEntry[] = [];
  for (const [index, step] of steps.entries()) {
    const content = await toInboundContent(step);
    if (!content) {
      if (step.type === "user") speaker.user = step.userId;
      if (step.type === "channel") speaker.channel = step.channel;
      if (step.type === "staff") speaker.staff.add(speaker.user);
      if (step.type === "wait") current += step.ms;
      if (step.type === "restart") app = build();
      entries.push({ kind: "directive", line: step.line, source: step.source });
      continue;
    }
    const { user, channel } = speaker;
    // A channel that knows its users by phone number tells it with every message (a WhatsApp sender).
    const knowsPhone = app.services.channels.capabilitiesOf(channel).contacts.senderPhone;
    const phone = knowsPhone && /^\+\d{8,15}$/.test(user) ? { phone: user } : {};
    let messages: OutboundMessage[] = [];
    pushes.length = 0;
    await app.inbound.handle(
      {
        channel,
        userId: user,
        messageId: `${runId}-${index}`,
        content,
        ...phone,
        ...(speaker.staff.has(user) ? { isStaff: true } : {}),
      },
      async (rendered) => {
        messages = rendered;
      },
    );
    const out = messages.map((m) => toChannelPreview(channel, m));
    const input = step.type === "say" ? step.text : step.source;
    entries.push({
      kind: "turn",
      line: step.line,
      user,
      channel,
      in: input,
      out,
      messages,
      pushed: [...pushes],
    });
  }
  return entries;
}

const indent = (text: string) => text.replace(/\n(?=[^\n])/g, "\n     ");

/** The human transcript: `you> …`, `bot> …`, `bot> (to warga-2) …`, directives as `# …`. */
export function toTranscriptText(entries: TranscriptEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    if (entry.kind === "directive") {
      lines.push(`# ${entry.source}`);
      continue;
    }
    lines.push(`you> ${indent(entry.in)}`);
    for (const text of entry.out) lines.push(`bot> ${indent(text)}`);
    for (const push of entry.pushed)
      for (const text of push.out) lines.push(`bot> (to ${push.user}) ${indent(text)}`);
  }
  return lines.join("\n") + "\n";
}

/** One JSON object per turn: `{"user","in","out"}`, plus `"pushed"` when the bot pushed to someone. */
export function toTranscriptJson(entries: TranscriptEntry[]): string {
  return entries
    .filter((entry): entry is Turn => entry.kind === "turn")
    .map((turn) =>
      JSON.stringify({
        user: turn.user,
        in: turn.in,
        out: turn.out,
        ...(turn.pushed.length > 0
          ? { pushed: turn.pushed.map((p) => ({ user: p.user, channel: p.channel, out: p.out })) }
          : {}),
      }),
    )
    .map((line) => line + "\n")
    .join("");
}
