/**
 * Resolves chat users to staff accounts (by Telegram id or WhatsApp number) with a short cache:
 * the active linked accounts are read at most every `ttlMs`, so a message costs no extra read.
 * A change made in this process (console) invalidates at once; one made by the CLI in another
 * process is seen within `ttlMs`.
 */
import { toConversationKey, type ChannelName } from "./messages";
import { toStaffChats } from "./staff-chats";
import type { Clock } from "./ports";
import type { StaffAccount, StaffAccounts, StaffDirectory, StaffPrincipal } from "./staff.port";
import { toScope } from "../domain/staff-roles";

export const defaultStaffCacheMs = 30_000;

export function toPrincipal(account: StaffAccount, actor: string): StaffPrincipal {
  return {
    id: account._id,
    name: account.name,
    role: account.role,
    scope: toScope(account.role, account.kelurahan),
    actor,
  };
}

/** The person at the terminal chat or the transcript runner's `@staff`: the machine's operator. */
export function toLocalOperator(channel: ChannelName, userId: string): StaffPrincipal {
  return {
    id: "local",
    name: "operator",
    role: "admin",
    scope: { type: "city" },
    actor: `${channel}:${userId}`,
  };
}

export function createStaffDirectory(deps: {
  accounts: Pick<StaffAccounts, "list">;
  clock: Clock;
  ttlMs?: number;
}): StaffDirectory {
  const ttl = deps.ttlMs ?? defaultStaffCacheMs;
  let cache: { at: number; byKey: Map<string, StaffAccount> } | undefined;
  let loading: Promise<Map<string, StaffAccount>> | undefined;

  async function load(): Promise<Map<string, StaffAccount>> {
    const now = deps.clock.now().getTime();
    if (cache && now - cache.at < ttl && now >= cache.at) return cache.byKey;
    loading ??= deps.accounts
      .list({ status: "active" })
      .then((accounts) => {
        const byKey = new Map<string, StaffAccount>();
        for (const account of accounts) {
          for (const chat of toStaffChats(account))
            byKey.set(toConversationKey(chat.channel, chat.userId), account);
        }
        cache = { at: now, byKey };
        return byKey;
      })
      .finally(() => (loading = undefined));
    return loading;
  }

  return {
    async resolve(channel, userId) {
      const account = (await load()).get(toConversationKey(channel, userId));
      return account ? toPrincipal(account, `${channel}:${userId}`) : null;
    },
    invalidate() {
      cache = undefined;
    },
  };
}
