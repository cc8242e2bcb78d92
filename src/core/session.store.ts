/** Loads and saves sessions over the document-store port: one read and one write per message. */
import { AppError } from "./errors";
import type { Collection, CollectionSpec, DocumentStore } from "./document-store.port";
import { sessionSchema, type Session } from "./session";

export const sessionsCollection: CollectionSpec = {
  name: "sessions",
  indexes: [
    { fields: { lastActivityAt: 1 } },
    // findByPhone; a broadcast reaching each phone once (conversations sharing a phone)
    { fields: { phone: 1 } },
    // "started" segment and the unfinished-registration reminder: a registration under way…
    { fields: { "flow.id": 1, "flow.startedAt": 1 } },
    // …or parked while the user does something else
    { fields: { "parked.registration.startedAt": 1 } },
  ],
};

export interface SessionStore {
  load(key: string): Promise<Session | null>;
  /** Saves `session` if the stored version is still `session.version - 1` (or absent for version 1). */
  save(session: Session): Promise<"saved" | "conflict">;
  findByPhone(phone: string): Promise<Session[]>;
}

export function createSessionStore(store: DocumentStore): SessionStore {
  const sessions: Collection<Session> = store.collection<Session>(sessionsCollection);
  return {
    async load(key) {
      const raw = await sessions.findById(key);
      if (!raw) return null;
      const parsed = sessionSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError("STATE_CORRUPT", "Stored session does not match the session schema", {
          key,
          issues: parsed.error.issues.map((issue) => issue.path.join(".")),
        });
      }
      return parsed.data;
    },
    async save(session) {
      if (session.version === 1) {
        const result = await sessions.insert(session);
        return result.type === "inserted" ? "saved" : "conflict";
      }
      const ok = await sessions.replace(session, { expect: { version: session.version - 1 } });
      return ok ? "saved" : "conflict";
    },
    findByPhone: (phone) => sessions.find({ phone }).then((list) => list.map((s) => sessionSchema.parse(s))),
  };
}
