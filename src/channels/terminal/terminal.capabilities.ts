/** What the terminal chat can do (the channel contract, core/channel-contract.ts). */
import type { ChannelCapabilities } from "../../core/channel-contract";

export const terminalCapabilities: ChannelCapabilities = {
  channel: "terminal",
  transport: "console",
  label: "Terminal",
  aliases: ["konsol", "console", "cli"],
  text: { maxLength: 4096, broadcastMaxLength: 4096, formatting: "markup" },
  choices: { buttons: null, list: null },
  media: { receives: { photo: null, document: null }, sends: [] },
  contacts: { requestButton: false, cards: false, senderPhone: false },
  location: false,
  templates: false,
  serviceWindowHours: null,
  receipts: false,
  unsolicited: {
    audience: "anyone",
    ratePerSecond: null,
    perMinute: null,
    perDay: null,
    perUserIntervalMs: null,
    concurrency: 1,
  },
};
