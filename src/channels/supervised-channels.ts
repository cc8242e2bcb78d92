/**
 * The channels as main.ts's supervisor and /ready see them: a name, a start that rejects when
 * the channel cannot run, and its state. Kept here, where channels may be named.
 */
import type { ChannelState, SupervisedChannel } from "../runtime/channel-supervisor";
import type { TelegramChannel } from "./telegram/telegram.channel";
import type { WhatsAppState } from "./whatsapp/whatsapp.channel";
import type { ConnectedWhatsApp } from "./whatsapp/whatsapp.connect";

/** The terminal chat runs as long as the process does. */
export const terminalReadiness: Record<string, ChannelState> = { terminal: "running" };

/** The Cloud API is a webhook this process serves: running as long as the process runs. */
export const supervisedWhatsAppCloud: SupervisedChannel = {
  name: "whatsapp-cloud",
  start: async () => undefined,
  state: () => "running",
};

export function toSupervisedWhatsApp(channel: ConnectedWhatsApp): SupervisedChannel {
  const states: Record<WhatsAppState, ChannelState> = {
    idle: "starting",
    starting: "starting",
    waitingForLogin: "waitingForLogin",
    ready: "running",
    reconnecting: "reconnecting",
    failed: "failed",
    stopped: "stopped",
  };
  return {
    name: "whatsapp",
    start: async () => {
      const outcome = await channel.start();
      if (outcome.status === "failed") throw new Error(outcome.reason);
    },
    state: () => states[channel.state],
  };
}

/** Telegram joins the hub once started (also after a restart by the supervisor). */
export function toSupervisedTelegram(channel: TelegramChannel, onStarted: () => void): SupervisedChannel {
  return {
    name: "telegram",
    start: async () => {
      await channel.start();
      onStarted();
    },
    state: () => (channel.state === "idle" ? "starting" : channel.state),
  };
}
