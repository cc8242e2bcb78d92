/**
 * A fake WhatsApp client with the port's events and methods, recording what the bot does with it,
 * and message builders shaped like what whatsapp-web.js delivers.
 */
import type {
  WhatsAppClient,
  WhatsAppEvents,
  WhatsAppIncoming,
} from "../../src/channels/whatsapp/whatsapp-client.port";

export type FakeWhatsAppClient = WhatsAppClient & {
  sent: { chatId: string; text: string }[];
  typing: string[];
  initialized: number;
  destroyed: number;
  /** Fires an event as the library would. */
  emit<E extends keyof WhatsAppEvents>(event: E, ...args: WhatsAppEvents[E]): void;
};

export function createFakeWhatsAppClient(
  behaviour: { initialize?: () => Promise<void>; sendMessage?: (chatId: string) => Promise<void> } = {},
): FakeWhatsAppClient {
  const listeners = new Map<string, Array<(...args: never[]) => void>>();
  const client: FakeWhatsAppClient = {
    sent: [],
    typing: [],
    initialized: 0,
    destroyed: 0,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (...args: never[]) => void]);
    },
    emit(event, ...args) {
      for (const listener of listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
    },
    async initialize() {
      client.initialized += 1;
      await behaviour.initialize?.();
    },
    async destroy() {
      client.destroyed += 1;
    },
    async sendMessage(chatId, text) {
      await behaviour.sendMessage?.(chatId);
      client.sent.push({ chatId, text });
      return { id: `sent-${client.sent.length}` };
    },
    async getChatById(chatId) {
      return {
        sendStateTyping: async () => void client.typing.push(chatId),
        clearState: async () => true,
      };
    },
  };
  return client;
}

let counter = 0;

/** An incoming message; defaults: a text "halo" from +62 812-3456-7890 in a private chat, sent now. */
export function fakeIncoming(
  overrides: Partial<WhatsAppIncoming> & { bytes?: Uint8Array; senderNumber?: string } = {},
): WhatsAppIncoming & { downloads: number } {
  counter += 1;
  const { bytes, senderNumber, ...fields } = overrides;
  const message = {
    id: `false_6281234567890@c.us_${counter.toString(16).toUpperCase()}`,
    from: "6281234567890@c.us",
    fromMe: false,
    isStatus: false,
    timestamp: Math.floor(Date.now() / 1000),
    type: "chat",
    body: "halo",
    vCards: [],
    downloads: 0,
    downloadMedia: async () => {
      message.downloads += 1;
      if (!bytes) return undefined;
      return {
        mimeType: fields.media?.mimeType ?? "image/jpeg",
        data: Buffer.from(bytes).toString("base64"),
      };
    },
    getSenderNumber: async () => senderNumber,
    ...fields,
  };
  return message;
}

/** A vCard as WhatsApp shares it. */
export function fakeVCard(name: string, tel: string, waid?: string): string {
  const telLine = waid ? `TEL;type=CELL;type=VOICE;waid=${waid}:${tel}` : `TEL;type=CELL:${tel}`;
  return ["BEGIN:VCARD", "VERSION:3.0", `N:;${name};;;`, `FN:${name}`, telLine, "END:VCARD"].join("\n");
}
