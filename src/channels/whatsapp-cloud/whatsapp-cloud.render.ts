/**
 * Rendered replies → Cloud API message payloads, as pure data. A turn's messages are joined where
 * they can be; a message offering ≤ 3 short choices gets reply buttons, ≤ 10 a list, anything else
 * numbered lines (the channel contract decides); *bold* and _italic_ are WhatsApp markup, with
 * markup characters from data made harmless; long texts are split.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
 */
import { toChoiceStyle, type ChannelCapabilities } from "../../core/channel-contract";
import type { OutboundMessage } from "../../core/messages";
import { toCombinedMessages, toNumberedText } from "../../core/render";
import { toWhatsAppText, toWhatsAppTexts } from "../whatsapp/whatsapp.render";

/** An interactive message's body stops at 1,024 characters; a list's button label at 20. */
const maxInteractiveBody = 1024;
const maxListButton = 20;

export type CloudPayload = Record<string, unknown> & { type: "text" | "interactive" };

export type CloudRenderOptions = {
  capabilities: ChannelCapabilities;
  /** The list's button label in the user's language ("Pilih"). */
  listButtonLabel: string;
};

const toTextPayload = (body: string): CloudPayload => ({ type: "text", text: { body, preview_url: false } });

function toInteractive(message: OutboundMessage, style: "buttons" | "list", options: CloudRenderOptions) {
  const body = { text: toWhatsAppText({ ...message, choices: [] }) };
  if (style === "buttons")
    return {
      type: "interactive",
      interactive: {
        type: "button",
        body,
        action: {
          buttons: message.choices.map((c) => ({ type: "reply", reply: { id: c.value, title: c.label } })),
        },
      },
    } satisfies CloudPayload;
  const button = options.listButtonLabel.slice(0, maxListButton);
  return {
    type: "interactive",
    interactive: {
      type: "list",
      body,
      action: {
        button,
        sections: [{ title: button, rows: message.choices.map((c) => ({ id: c.value, title: c.label })) }],
      },
    },
  } satisfies CloudPayload;
}

/** One message's payloads: interactive when its choices fit, else numbered text split to fit. */
function toPayloads(message: OutboundMessage, options: CloudRenderOptions): CloudPayload[] {
  const labels = message.choices.map((c) => c.label);
  const style = toChoiceStyle(options.capabilities, labels);
  const distinct = new Set(labels).size === labels.length;
  const body = toWhatsAppText({ ...message, choices: [] });
  if (
    (style === "buttons" || style === "list") &&
    distinct &&
    body.length <= maxInteractiveBody &&
    body !== ""
  )
    return [toInteractive(message, style, options)];
  return toWhatsAppTexts([message], options.capabilities.text.maxLength).map(toTextPayload);
}

/** A turn's replies as the payloads to send, in order. */
export function toCloudPayloads(
  messages: readonly OutboundMessage[],
  options: CloudRenderOptions,
): CloudPayload[] {
  return toCombinedMessages(messages, options.capabilities.text.maxLength).flatMap((m) =>
    toPayloads(m, options),
  );
}

/** The plain text of a turn, choices as numbered lines (a template's notice carries it). */
export function toPlainText(messages: readonly OutboundMessage[]): string {
  return messages.map((m) => toNumberedText(m)).join("\n\n");
}
