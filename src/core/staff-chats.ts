/** The chats a staff account is linked to (issue 17: a Telegram id and a WhatsApp number). */
import type { Recipient } from "./ports";
import type { StaffAccount } from "./staff.port";

export function toStaffChats(account: Pick<StaffAccount, "telegramId" | "whatsappNumber">): Recipient[] {
  return [
    ...(account.telegramId ? [{ channel: "telegram" as const, userId: account.telegramId }] : []),
    ...(account.whatsappNumber ? [{ channel: "whatsapp" as const, userId: account.whatsappNumber }] : []),
  ];
}

/** Where a staff account reads its chat (the first link), if linked. */
export const toStaffChat = (
  account: Pick<StaffAccount, "telegramId" | "whatsappNumber">,
): Recipient | undefined => toStaffChats(account)[0];
