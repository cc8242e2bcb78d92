/** Hand-offs over the document store: numbered with an atomic counter, one open per conversation. */
import { randomUUID } from "node:crypto";
import type { CollectionSpec, DocumentStore, Filter } from "../../core/document-store.port";
import type { Handoff, HandoffQuery, HandoffRepository } from "../../core/handoff.port";

export const handoffsCollection: CollectionSpec = {
  name: "handoffs",
  indexes: [
    { fields: { number: 1 }, unique: true },
    // At most one open hand-off per conversation, even with two bot processes.
    { fields: { openKey: 1 }, unique: true, partial: { openKey: { $exists: true } } },
    { fields: { status: 1, openedAt: -1 } },
    { fields: { status: 1, escalateAt: 1 } },
    { fields: { kelurahan: 1, status: 1 } },
  ],
};

export const countersCollection: CollectionSpec = { name: "counters", indexes: [] };

type HandoffDoc = Handoff & { openKey?: string };
type Counter = { _id: string; value: number };

const toOpenKey = (h: Pick<Handoff, "conversation">) => `${h.conversation.channel}:${h.conversation.userId}`;
const strip = ({ openKey: _key, ...handoff }: HandoffDoc): Handoff => handoff;

function toFilter(query: HandoffQuery): Filter {
  const filter: Filter = {};
  if (query.status) filter.status = query.status;
  if (query.kelurahanIn) filter.kelurahan = { $in: [...query.kelurahanIn] };
  if (query.escalateBefore) {
    filter.status = "open";
    filter.escalateAt = { $lte: query.escalateBefore };
    filter.escalatedAt = { $exists: false };
    filter.firstAnsweredAt = { $exists: false };
  }
  return filter;
}

export function createHandoffRepository(store: DocumentStore): HandoffRepository {
  const handoffs = store.collection<HandoffDoc>(handoffsCollection);
  const counters = store.collection<Counter>(countersCollection);
  const one = (doc: HandoffDoc | null) => (doc ? strip(doc) : null);

  async function nextNumber(): Promise<number> {
    const counter = await counters.findOneAndUpdate(
      { _id: "handoff" },
      { $inc: { value: 1 } },
      { upsert: true },
    );
    return counter?.value ?? 1;
  }

  return {
    async open(input, now, key) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const existing = await handoffs.findOne({ openKey: toOpenKey(input) });
        if (existing)
          return { handoff: strip(existing), created: key !== undefined && existing.openedBy === key };
        const doc: HandoffDoc = {
          ...input,
          _id: randomUUID(),
          number: await nextNumber(),
          status: "open",
          updatedAt: now,
          openKey: toOpenKey(input),
          ...(key ? { openedBy: key } : {}),
        };
        if ((await handoffs.insert(doc)).type === "inserted") return { handoff: strip(doc), created: true };
      }
      throw new Error("Could not open a hand-off: the conversation kept changing");
    },
    findByNumber: async (number) => one(await handoffs.findOne({ number })),
    findOpenFor: async (channel, userId) => one(await handoffs.findOne({ openKey: `${channel}:${userId}` })),
    list: async (query, options = {}) =>
      (
        await handoffs.find(toFilter(query), {
          sort: { openedAt: -1 },
          ...(options.limit ? { limit: options.limit } : {}),
        })
      ).map(strip),
    count: (query) => handoffs.count(toFilter(query)),
    async addMessage(id, message, now) {
      const added = await handoffs.findOneAndUpdate(
        message.key ? { _id: id, "messages.key": { $ne: message.key } } : { _id: id },
        { $push: { messages: message }, $set: { updatedAt: now } },
      );
      return one(added ?? (await handoffs.findById(id)));
    },
    async markAnswered(id, assignee, now) {
      await handoffs.update(
        { _id: id, firstAnsweredAt: { $exists: false } },
        { $set: { firstAnsweredAt: now } },
      );
      await handoffs.update({ _id: id }, { $set: { updatedAt: now, ...(assignee ? { assignee } : {}) } });
    },
    markEscalated: async (id, now) =>
      (await handoffs.update(
        { _id: id, escalatedAt: { $exists: false } },
        { $set: { escalatedAt: now, updatedAt: now } },
      )) > 0,
    close: async (id, by, note, now, key) =>
      one(
        await handoffs.findOneAndUpdate(
          { _id: id, status: "open" },
          {
            $set: {
              status: "closed",
              closedAt: now,
              closedBy: by,
              updatedAt: now,
              ...(note ? { closeNote: note } : {}),
              ...(key ? { closeKey: key } : {}),
            },
            $unset: { openKey: true },
          },
        ),
      ),
  };
}
