/**
 * Turns a broadcast message and one recipient's values into a Reply (rendered late, in the
 * recipient's language, by the Notifier) and into text for previews and length checks.
 */
import type { BroadcastMessage } from "../core/broadcast.port";
import type { Language, Reply } from "../core/messages";
import type { Translator } from "../core/ports";
import { renderReply } from "../core/render";
import { formatDate } from "../domain/jakarta-time";
import { fillPlaceholders } from "../domain/message-template";
import type { RecipientParams } from "../storage/repositories/broadcast.repository";

/** Values shown in previews when no real recipient is at hand. */
export const sampleParams: RecipientParams = {
  name: "Siti Aminah",
  sex: "P",
  rt: "003",
  kelurahan: "Simpang IV Sipin",
  deadline: new Date("2026-12-31T00:00:00+07:00"),
  reference: "KLM-ABC123",
  count: 2,
};

/** "Bapak Budi Santoso", "Ibu Siti Aminah", the name alone, or "Bapak/Ibu" when no name is known. */
export function toGreetingName(params: RecipientParams, language: Language, translator: Translator): string {
  if (!params.name) return translator.t(language, "broadcast:fallbackName");
  return translator.t(language, `broadcast:greetingName.${params.sex ?? "none"}`, { name: params.name });
}

/** The reply one recipient gets, greeting them by name ("Bapak/Ibu" when none is known). */
export function toBroadcastReply(
  message: BroadcastMessage,
  params: RecipientParams,
  language: Language,
  translator: Translator,
): Reply {
  const name = toGreetingName(params, language, translator);
  if (message.type === "text") {
    const text = fillPlaceholders(message.text, {
      name,
      rt: params.rt,
      kelurahan: params.kelurahan,
      deadline: params.deadline ? formatDate(params.deadline, language) : undefined,
    });
    return { key: "broadcast:freeText", params: { text } };
  }
  return {
    key: `broadcast:templates.${message.template}`,
    params: {
      name,
      rt: params.rt ?? "-",
      kelurahan: params.kelurahan ?? "-",
      deadline: params.deadline,
      reference: params.reference ?? "-",
      count: params.count ?? 0,
    },
  };
}

/** What a recipient reads, as plain text. */
export function toBroadcastText(
  message: BroadcastMessage,
  params: RecipientParams,
  language: Language,
  translator: Translator,
): string {
  return renderReply(toBroadcastReply(message, params, language, translator), language, translator).text;
}
