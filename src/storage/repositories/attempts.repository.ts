/** Attempt counters over the document store: one document per key and fixed window, removed by a TTL index. */
import type { AttemptCounter, AttemptResult, AttemptWindow } from "../../core/attempts.port";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";

export const attemptsCollection: CollectionSpec = {
  name: "attempts",
  indexes: [{ fields: { expiresAt: 1 }, expireAfterSeconds: 0 }],
};

type AttemptDoc = { _id: string; count: number; expiresAt: Date };

function toWindowId(key: string, window: AttemptWindow, now: Date): { id: string; expiresAt: Date } {
  const index = Math.floor(now.getTime() / window.windowMs);
  return { id: `${key}:${index}`, expiresAt: new Date((index + 1) * window.windowMs) };
}

const toResult = (count: number, window: AttemptWindow): AttemptResult => ({
  count,
  allowed: count <= window.limit,
  justExceeded: count === window.limit + 1,
});

export function createAttemptCounter(store: DocumentStore): AttemptCounter {
  const attempts = store.collection<AttemptDoc>(attemptsCollection);
  return {
    async hit(key, window, now) {
      const { id, expiresAt } = toWindowId(key, window, now);
      const doc = await attempts.findOneAndUpdate(
        { _id: id },
        { $inc: { count: 1 }, $setOnInsert: { expiresAt } },
        { upsert: true },
      );
      return toResult(doc?.count ?? 1, window);
    },
    async peek(key, window, now) {
      const doc = await attempts.findById(toWindowId(key, window, now).id);
      return { ...toResult(doc?.count ?? 0, window), justExceeded: false };
    },
  };
}
