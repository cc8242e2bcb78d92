/**
 * Who gets staff alerts: the linked chats of active accounts whose role receives them
 * ("alerts.receive"), looked up at each alert since accounts change. While no such account has a
 * linked chat (a new installation, before `npm run staff -- add`), the contacts configured in
 * STAFF_TELEGRAM_IDS / STAFF_WHATSAPP_NUMBERS get them instead, so alerts never go nowhere.
 */
import type { Recipient } from "../core/ports";
import { toStaffChat } from "../core/staff-chats";
import type { StaffAccounts } from "../core/staff.port";
import { can } from "../domain/staff-roles";

export function createAlertRecipients(
  accounts: Pick<StaffAccounts, "list">,
  fallback: readonly Recipient[],
): () => Promise<Recipient[]> {
  return async () => {
    const seen = new Set<string>();
    const linked: Recipient[] = [];
    for (const account of await accounts.list({ status: "active" })) {
      const chat = can(account.role, "alerts.receive") ? toStaffChat(account) : undefined;
      const key = chat ? `${chat.channel}:${chat.userId}` : "";
      if (!chat || seen.has(key)) continue;
      seen.add(key);
      linked.push(chat);
    }
    return linked.length > 0 ? linked : [...fallback];
  };
}
