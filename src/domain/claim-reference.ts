/**
 * Claim references "KLM-" + 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * so a reference read aloud or typed from a photo comes back right. The random source is injected.
 */
export const claimReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const length = 6;

/** A new reference; `randomIndex(n)` returns an integer in [0, n). */
export function generateClaimReference(randomIndex: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < length; i++) code += claimReferenceAlphabet[randomIndex(claimReferenceAlphabet.length)];
  return `KLM-${code}`;
}

/**
 * Reads a reference as people type it: "klm-7hq3xa", "KLM 7HQ3XA", "klm7hq3xa".
 * A code with a character outside the alphabet (0, O, 1, I, L) is no reference.
 */
export function parseClaimReference(text: string): string | undefined {
  const match = /^\s*klm[\s\-_.:]*([a-z0-9]{6})\s*$/i.exec(text);
  if (!match?.[1]) return undefined;
  const code = match[1].toUpperCase();
  return [...code].every((c) => claimReferenceAlphabet.includes(c)) ? `KLM-${code}` : undefined;
}
