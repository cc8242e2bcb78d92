/**
 * Console logins over the document-store port. The cookie holds a random 256-bit token; the store
 * keeps only its SHA-256 (a leaked database holds no usable session), the account, the CSRF token
 * of the session and when it ends (TTL index, so MongoDB removes expired ones).
 */
import { createHash, randomBytes } from "node:crypto";
import type { CollectionSpec, DocumentStore } from "../core/document-store.port";

export type ConsoleSession = {
  _id: string;
  accountId: string;
  csrf: string;
  createdAt: Date;
  expiresAt: Date;
};

export const consoleSessionsCollection: CollectionSpec = {
  name: "console_sessions",
  indexes: [{ fields: { expiresAt: 1 }, expireAfterSeconds: 0 }, { fields: { accountId: 1 } }],
};

export const newToken = () => randomBytes(32).toString("base64url");
const toId = (token: string) => createHash("sha256").update(token).digest("hex");

export type ConsoleSessions = ReturnType<typeof createConsoleSessions>;

export function createConsoleSessions(store: DocumentStore) {
  const sessions = store.collection<ConsoleSession>(consoleSessionsCollection);
  return {
    /** Starts a session; returns the cookie token (shown once, never stored). */
    async start(
      accountId: string,
      now: Date,
      ttlMs: number,
    ): Promise<{ token: string; session: ConsoleSession }> {
      const token = newToken();
      const session = {
        _id: toId(token),
        accountId,
        csrf: newToken(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
      };
      await sessions.insert(session);
      return { token, session };
    },
    /** The live session of a cookie token, or null (unknown, expired). */
    async find(token: string, now: Date): Promise<ConsoleSession | null> {
      if (!/^[\w-]{43}$/.test(token)) return null;
      const session = await sessions.findById(toId(token));
      return session && session.expiresAt > now ? session : null;
    },
    end: async (token: string) => void (await sessions.delete({ _id: toId(token) })),
    /** Ends every session of an account (disabled, password changed). */
    endAll: async (accountId: string) => void (await sessions.delete({ accountId })),
  };
}
