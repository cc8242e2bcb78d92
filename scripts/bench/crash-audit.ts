/**
 * What the crash bench checks in the store after the last kill: every side effect once per user
 * (no duplicate person, consent, claim, document or audit entry) and none missing for a user who
 * finished. Counted straight from the collections, not through the repositories.
 */
import type { DocumentStore, StoredDoc } from "../../src/core/document-store.port";
import type { UserOutcome } from "./crash-users";

type Doc = StoredDoc & Record<string, unknown>;

export type SideEffectAudit = {
  duplicates: { people: number; consents: number; claims: number; documents: number; audit: number };
  missing: { people: number; claims: number; documents: number };
};

const all = (store: DocumentStore, name: string) => store.collection<Doc>({ name, indexes: [] }).find({});

/** How many more than one each key has, summed. */
function extra<T>(items: T[], key: (item: T) => string | undefined): number {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
}

const contactOf = (person: Doc) => (person.contactKeys as string[] | undefined)?.[0];
const heirOf = (claim: Doc) => {
  const contact = (claim.heir as { contact?: { userId?: string } } | undefined)?.contact;
  return contact?.userId;
};

export async function auditSideEffects(store: DocumentStore, users: UserOutcome[]): Promise<SideEffectAudit> {
  const [people, consents, claims, documents, audit] = await Promise.all(
    ["people", "consents", "claims", "documents", "audit"].map((name) => all(store, name)),
  );
  const registered = new Set(people!.map(contactOf));
  const reported = new Map(claims!.map((c) => [heirOf(c), c.reference as string]));
  const withDocuments = new Set(documents!.map((d) => d.claimReference as string));
  const finished = (kind: UserOutcome["kind"]) => users.filter((u) => u.kind === kind && u.unanswered === 0);
  return {
    duplicates: {
      people: extra(people!, contactOf),
      consents: extra(consents!, (c) => `${String(c.personId)}:${String(c.action)}`),
      claims: extra(claims!, heirOf),
      documents: extra(documents!, (d) => String(d.claimReference)),
      audit: extra(audit!, (a) => `${String(a.action)}:${String(a.target)}`),
    },
    missing: {
      people: finished("registration").filter((u) => !registered.has(`telegram:${u.userId}`)).length,
      claims: finished("deathReport").filter((u) => !reported.has(String(u.userId))).length,
      documents: finished("deathReport").filter(
        (u) => !withDocuments.has(reported.get(String(u.userId)) ?? ""),
      ).length,
    },
  };
}
