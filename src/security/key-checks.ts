/**
 * Refuses key configurations that would lose or expose data, before anything starts: a key that
 * is not 32 bytes, a weak one (all zeros, a repeated pattern), the same key twice, an
 * ENCRYPTION_KEY without HASH_KEY (or the reverse; the old code then fell back to the development
 * keys in silence), previous keys without a current one, and a real database (MONGODB_URI, or
 * production) without real keys.
 */
export type KeySettings = {
  NODE_ENV: string;
  MONGODB_URI?: string | undefined;
  ENCRYPTION_KEY?: string | undefined;
  HASH_KEY?: string | undefined;
  PREVIOUS_ENCRYPTION_KEYS: readonly string[];
  PREVIOUS_HASH_KEYS: readonly string[];
};

export type KeyProblem = { variable: string; problem: string };

const generate = "generate one with `npm run keys -- generate`";
/** A random 32-byte key has about 30 different byte values; fewer than 16 means a pattern. */
const minDistinctBytes = 16;

/** A 32-byte key from 64 hex characters or base64 (standard or URL alphabet); undefined otherwise. */
export function toKeyBytes(value: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value)) return Buffer.from(value, "base64");
  if (/^[A-Za-z0-9_-]{43}=?$/.test(value)) return Buffer.from(value, "base64url");
  return undefined;
}

/** Why a key is unusable, or undefined when it is a proper 32-byte random key. */
export function findKeyWeakness(value: string): string | undefined {
  const key = toKeyBytes(value);
  if (!key) return `expected 32 bytes as 64 hex characters or base64; ${generate}`;
  if (new Set(key).size < minDistinctBytes)
    return `too weak (all zeros or a repeated pattern, not random); ${generate}`;
  return undefined;
}

type NamedKey = { variable: string; value: string };

function listKeys(c: KeySettings): NamedKey[] {
  const named = (variable: string, values: readonly string[]) =>
    values.map((value, i) => ({ variable: values.length > 1 ? `${variable}.${i}` : variable, value }));
  return [
    ...(c.ENCRYPTION_KEY ? [{ variable: "ENCRYPTION_KEY", value: c.ENCRYPTION_KEY }] : []),
    ...(c.HASH_KEY ? [{ variable: "HASH_KEY", value: c.HASH_KEY }] : []),
    ...named("PREVIOUS_ENCRYPTION_KEYS", c.PREVIOUS_ENCRYPTION_KEYS),
    ...named("PREVIOUS_HASH_KEYS", c.PREVIOUS_HASH_KEYS),
  ];
}

function findMissing(c: KeySettings): KeyProblem[] {
  const problems: KeyProblem[] = [];
  const pair = [c.ENCRYPTION_KEY, c.HASH_KEY];
  if (c.ENCRYPTION_KEY && !c.HASH_KEY)
    problems.push({ variable: "HASH_KEY", problem: "required together with ENCRYPTION_KEY" });
  if (c.HASH_KEY && !c.ENCRYPTION_KEY)
    problems.push({ variable: "ENCRYPTION_KEY", problem: "required together with HASH_KEY" });
  if (pair.every((k) => !k)) {
    const why =
      c.NODE_ENV === "production"
        ? "required when NODE_ENV=production"
        : c.MONGODB_URI
          ? "required with MONGODB_URI (a real database needs real keys, not the development ones)"
          : undefined;
    if (why) for (const variable of ["ENCRYPTION_KEY", "HASH_KEY"]) problems.push({ variable, problem: why });
  }
  if (c.PREVIOUS_ENCRYPTION_KEYS.length > 0 && !c.ENCRYPTION_KEY)
    problems.push({ variable: "PREVIOUS_ENCRYPTION_KEYS", problem: "needs ENCRYPTION_KEY (the new key)" });
  if (c.PREVIOUS_HASH_KEYS.length > 0 && !c.HASH_KEY)
    problems.push({ variable: "PREVIOUS_HASH_KEYS", problem: "needs HASH_KEY (the new key)" });
  return problems;
}

/** Every problem with the configured keys, each naming its variable; empty when all is well. */
export function findKeyProblems(c: KeySettings): KeyProblem[] {
  const problems = findMissing(c);
  const seen = new Map<string, string>();
  for (const { variable, value } of listKeys(c)) {
    const weakness = findKeyWeakness(value);
    if (weakness) {
      problems.push({ variable, problem: weakness });
      continue;
    }
    const bytes = toKeyBytes(value)?.toString("hex") ?? value;
    const first = seen.get(bytes);
    if (first) problems.push({ variable, problem: `the same key as ${first}; every key must differ` });
    else seen.set(bytes, variable);
  }
  return problems;
}
