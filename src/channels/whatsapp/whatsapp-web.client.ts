/**
 * Builds the real whatsapp-web.js Client on Debian's Chromium (never a downloaded browser) and
 * adapts it to the narrow WhatsAppClient port. Login: LocalAuth in DATA_DIR/whatsapp, or
 * RemoteAuth in MongoDB (WHATSAPP_AUTH=mongo) once mongoose is connected.
 */
import path from "node:path";
import type { Mongoose } from "mongoose";
import WAWebJS, { type Message } from "whatsapp-web.js";
import { AppError } from "../../core/errors";
import type { WhatsAppClient, WhatsAppIncoming } from "./whatsapp-client.port";
import { createMongoAuthStore } from "./whatsapp-mongo.store";

const { Client, LocalAuth, RemoteAuth } = WAWebJS;

export type WhatsAppWebOptions = {
  chromiumPath: string;
  /** DATA_DIR/whatsapp: login (LocalAuth), RemoteAuth's working copy, WhatsApp Web version cache. */
  dataDir: string;
  auth: "local" | "mongo";
  /** The connected mongoose instance, required for `auth: "mongo"`. */
  mongoose?: Pick<Mongoose, "connection" | "mongo"> | undefined;
  /** Defaults to whether this process runs as root (Chromium refuses to sandbox as root). */
  noSandbox?: boolean;
};

/** Flags that keep Chromium quiet on a server: no sandbox as root, no background traffic. */
export function toChromiumArgs(noSandbox: boolean): string[] {
  return [
    ...(noSandbox ? ["--no-sandbox", "--disable-setuid-sandbox"] : []),
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--metrics-recording-only",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
  ];
}

/** Where the login lives, for "delete it and scan again" advice. */
export function toAuthLocation(options: Pick<WhatsAppWebOptions, "dataDir" | "auth">): string {
  return options.auth === "mongo"
    ? "the MongoDB collections whatsapp-RemoteAuth-jamsos.* (and " +
        path.join(options.dataDir, "RemoteAuth-jamsos") +
        ")"
    : path.join(options.dataDir, "session-jamsos");
}

/** mongoose's ConnectionStates.connected. */
const connected = 1;

function toAuthStrategy(options: WhatsAppWebOptions) {
  if (options.auth === "local") return new LocalAuth({ clientId: "jamsos", dataPath: options.dataDir });
  const mongoose = options.mongoose;
  if (!mongoose || (mongoose.connection.readyState as number) !== connected)
    throw new AppError(
      "CHANNEL_START_FAILED",
      "WHATSAPP_AUTH=mongo needs a connected MongoDB, but the bot runs without one (memory store). Set MONGODB_URI, or use WHATSAPP_AUTH=local.",
    );
  return new RemoteAuth({
    clientId: "jamsos",
    dataPath: options.dataDir,
    store: createMongoAuthStore(mongoose, options.dataDir),
    backupSyncIntervalMs: 5 * 60_000,
  });
}

/** Reduces a whatsapp-web.js Message to the port's shape (media details live in its raw data). */
export function toWhatsAppIncoming(
  message: Message,
  lookupNumber: (chatId: string) => Promise<string | undefined>,
): WhatsAppIncoming {
  const raw = (message.rawData ?? {}) as {
    mimetype?: unknown;
    size?: unknown;
    filename?: unknown;
    notifyName?: unknown;
  };
  const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const fileName = str(raw.filename);
  const senderName = str(raw.notifyName);
  return {
    id: message.id._serialized,
    from: message.from,
    fromMe: message.fromMe,
    isStatus: message.isStatus,
    timestamp: message.timestamp,
    type: message.type,
    body: message.body ?? "",
    vCards: message.vCards ?? [],
    ...(message.hasMedia
      ? {
          media: {
            mimeType: str(raw.mimetype) ?? "",
            size: typeof raw.size === "number" ? raw.size : 0,
            ...(fileName ? { fileName } : {}),
          },
        }
      : {}),
    ...(senderName ? { senderName } : {}),
    downloadMedia: async () => {
      const media = await message.downloadMedia();
      if (!media) return undefined;
      return {
        mimeType: media.mimetype,
        data: media.data,
        ...(media.filename ? { fileName: media.filename } : {}),
      };
    },
    getSenderNumber: () => lookupNumber(message.from),
  };
}

/** The phone behind a chat id: "@c.us" carries it; "@lid" needs WhatsApp to reveal it. */
async function lookupNumber(client: WAWebJS.Client, chatId: string): Promise<string | undefined> {
  const [user, server] = chatId.split("@");
  if (server === "c.us") return user;
  try {
    const [entry] = await client.getContactLidAndPhone([chatId]);
    if (entry?.pn) return entry.pn.split("@")[0];
  } catch {
    // older WhatsApp Web builds: fall back to the contact below
  }
  const contact = await client.getContactById(chatId).catch(() => undefined);
  return contact?.id.server === "c.us" ? contact.id.user : undefined;
}

/** A new whatsapp-web.js Client behind the port. Throws (AppError) when the auth mode cannot work. */
export function createWhatsAppWebClient(options: WhatsAppWebOptions): WhatsAppClient {
  const noSandbox = options.noSandbox ?? process.getuid?.() === 0;
  const client = new Client({
    authStrategy: toAuthStrategy(options),
    puppeteer: { executablePath: options.chromiumPath, headless: true, args: toChromiumArgs(noSandbox) },
    webVersionCache: { type: "local", path: path.join(options.dataDir, "web-cache") },
  });
  return {
    on(event, listener) {
      if (event === "message") {
        client.on("message", (message: Message) =>
          (listener as (m: WhatsAppIncoming) => void)(
            toWhatsAppIncoming(message, (chatId) => lookupNumber(client, chatId)),
          ),
        );
      } else client.on(event, listener as (...args: unknown[]) => void);
    },
    initialize: () => client.initialize(),
    destroy: () => client.destroy(),
    sendMessage: (chatId, text) => client.sendMessage(chatId, text),
    getChatById: (chatId) => client.getChatById(chatId),
  };
}
