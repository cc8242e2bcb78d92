/** Where staff alerts go, from configuration: Telegram ids and WhatsApp numbers (E.164; unreadable numbers skipped). */
import type { Config } from "../config";
import type { Recipient } from "../core/ports";
import { toStaffNumbers } from "./whatsapp/whatsapp.phone";

export function toStaffRecipients(
  config: Pick<Config, "STAFF_TELEGRAM_IDS" | "STAFF_WHATSAPP_NUMBERS">,
): Recipient[] {
  const whatsapp = [...toStaffNumbers(config.STAFF_WHATSAPP_NUMBERS).numbers];
  return [
    ...config.STAFF_TELEGRAM_IDS.map((userId) => ({ channel: "telegram" as const, userId })),
    ...whatsapp.map((userId) => ({ channel: "whatsapp" as const, userId })),
  ];
}
