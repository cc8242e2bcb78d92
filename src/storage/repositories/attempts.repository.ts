/**
 * Attempt limits over the document store (core/attempts.port.ts): one document per rule and
 * subject, `_id` = rule name + keyed hash of the subject, with a count and the end of its window.
 * Updates are single atomic operations, so two instances count one shared total. MongoDB removes
 * a document once its window is over (TTL on `expiresAt`); an expired one is restarted in place.
 */
import type { AttemptOutcome, AttemptRule, Attempts } from "../../core/attempts.port";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";
import type { Logger } from "../../core/ports";
import type { StaffAlerts } from "../../core/staff-alert.port";

export const attemptsCollection: CollectionSpec = {
  name: "attempts",
  indexes: [{ fields: { expiresAt: 1 }, expireAfterSeconds: 0 }],
};

type AttemptDoc = {
  _id: string;
  rule: string;
  count: number;
  resetAt: Date;
  expiresAt: Date;
  /** Set once staff were alerted in this window, so the first refusal alerts, whichever call saw it. */
  alerted?: boolean;
};

const raceAttempts = 5;

export type AttemptsDeps = {
  store: DocumentStore;
  alerts: StaffAlerts;
  logger: Logger;
  /** Keyed hash of a subject (vault.hash): no chat id, phone or NIK is stored in clear. */
  pseudonymise: (subject: string) => string;
};

function toOutcome(doc: Pick<AttemptDoc, "count" | "resetAt">, rule: AttemptRule): AttemptOutcome {
  const resetAt = new Date(doc.resetAt);
  return doc.count <= rule.limit
    ? { allowed: true, count: doc.count, remaining: rule.limit - doc.count, resetAt }
    : { allowed: false, count: doc.count, remaining: 0, resetAt };
}

export function createAttempts(deps: AttemptsDeps): Attempts {
  const docs = deps.store.collection<AttemptDoc>(attemptsCollection);
  const toId = (rule: AttemptRule, subject: string) => `${rule.name}:${deps.pseudonymise(subject)}`;

  /** Adds one to the open window, or opens a new one; retried when another instance raced us. */
  async function count(rule: AttemptRule, id: string, now: Date): Promise<AttemptDoc> {
    for (let attempt = 0; attempt < raceAttempts; attempt++) {
      const open = await docs.findOneAndUpdate({ _id: id, resetAt: { $gt: now } }, { $inc: { count: 1 } });
      if (open) return open;
      const resetAt = new Date(now.getTime() + rule.windowMs);
      const fresh = { count: 1, resetAt, expiresAt: resetAt };
      const restarted = await docs.findOneAndUpdate(
        { _id: id, resetAt: { $lte: now } },
        { $set: fresh, $unset: { alerted: true } },
      );
      if (restarted) return restarted;
      const doc: AttemptDoc = { _id: id, rule: rule.name, ...fresh };
      if ((await docs.insert(doc)).type === "inserted") return doc;
    }
    throw new Error(`Attempt counter ${rule.name} kept changing during ${raceAttempts} tries`);
  }

  /** Alerts staff at the first refusal in a window (atomically marked, so once across instances). */
  async function alertOnce(rule: AttemptRule, id: string, now: Date, by?: string) {
    const doc = await docs.findOneAndUpdate(
      { _id: id, resetAt: { $gt: now }, alerted: { $ne: true } },
      { $set: { alerted: true } },
    );
    if (doc) await alert(rule, id, doc, now, by);
  }

  async function alert(rule: AttemptRule, id: string, doc: AttemptDoc, now: Date, by?: string) {
    try {
      const hashed = id.slice(rule.name.length + 1, rule.name.length + 17);
      const until = new Date(doc.resetAt);
      await deps.alerts.raise({
        kind: "rateLimited",
        target: `attempts:${rule.name}:${hashed}`,
        at: now,
        replies: [
          {
            key: "security:staffAlert.rateLimited",
            params: { rule: rule.name, subject: hashed, by: by ?? "-", until },
          },
        ],
        details: { rule: rule.name, until, ...(by ? { by } : {}) },
      });
    } catch (error) {
      // The user still gets their answer; staff still find the audit entry or the log line.
      deps.logger.error({ err: error, rule: rule.name }, "could not raise the staff alert");
    }
  }

  return {
    async hit(rule, subject, now, options = {}) {
      const id = toId(rule, subject);
      const doc = await count(rule, id, now);
      if (doc.count > rule.limit && !doc.alerted) await alertOnce(rule, id, now, options.by);
      return toOutcome(doc, rule);
    },
    async check(rule, subject, now, options = {}) {
      const id = toId(rule, subject);
      const doc = await docs.findById(id);
      if (!doc || new Date(doc.resetAt) <= now)
        return { allowed: true, count: 0, remaining: rule.limit, resetAt: now };
      const resetAt = new Date(doc.resetAt);
      // Whether one more attempt would be allowed; a refusal here is the first one staff hear of too.
      if (doc.count < rule.limit)
        return { allowed: true, count: doc.count, remaining: rule.limit - doc.count, resetAt };
      if (!doc.alerted) await alertOnce(rule, id, now, options.by);
      return { allowed: false, count: doc.count, remaining: 0, resetAt };
    },
    async clear(rule, subject) {
      await docs.delete({ _id: toId(rule, subject) });
    },
  };
}
