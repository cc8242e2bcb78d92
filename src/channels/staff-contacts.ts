/** Where staff alerts go, from configuration: Telegram ids and WhatsApp numbers (E.164; unreadable numbers skipped). */
import type { Config } from "../config";
import type { Contact } from "../core/people.port";
import { toStaffNumbers } from "./whatsapp/whatsapp.phone";

export function toStaffContacts(
  config: Pick<Config, "STAFF_TELEGRAM_IDS" | "STAFF_WHATSAPP_NUMBERS">,
): Contact[] {
  const whatsapp = [...toStaffNumbers(config.STAFF_WHATSAPP_NUMBERS).numbers];
  return [
    ...config.STAFF_TELEGRAM_IDS.map((userId) => ({ channel: "telegram" as const, userId })),
    ...whatsapp.map((userId) => ({ channel: "whatsapp" as const, userId })),
  ];
}
