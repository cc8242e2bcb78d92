/**
 * Finds a Kota Jambi kecamatan or kelurahan from a name typed with typos and abbreviations
 * ("lbk bandung", "kel. payo lebar", "tlanaipura", "smp 4 sipin"): normalisation, abbreviation
 * rules and edit distance give each area a confidence; a clear winner is a match, close ones
 * are offered as numbered choices.
 */
import { distance } from "fastest-levenshtein";
import { kecamatanList, kelurahanList } from "./kota-jambi-areas";
import { lookup } from "./lookup";

export type AreaEntry = {
  kind: "kecamatan" | "kelurahan";
  code: string;
  name: string;
  /** The kecamatan code (its own code for a kecamatan). */
  kecamatan: string;
};

export type ScoredArea = { entry: AreaEntry; confidence: number };
export type AreaMatch =
  | { type: "match"; entry: AreaEntry; confidence: number }
  | { type: "ambiguous"; candidates: ScoredArea[] }
  | { type: "none" };

/** Confidence from which a clear winner is taken without asking. */
export const confidentMatch = 0.8;
/** Confidence from which an area is offered as a choice. */
const offerable = 0.45;
const maxOffered = 4;
/**
 * An area name is a few words: longer text is no area (and is not scored, which would cost time
 * for every entry); only the first words count.
 */
const maxInput = 100;
const maxTokens = 8;

const dropped = new Set([
  "kel",
  "kelurahan",
  "lurah",
  "kec",
  "kecamatan",
  "camat",
  "desa",
  "ds",
  "kota",
  "kodya",
]);
const abbreviations: Record<string, string> = {
  smp: "simpang", sp: "simpang", spg: "simpang", simp: "simpang", spng: "simpang",
  tlg: "talang", tl: "talang",
  tj: "tanjung", tg: "tanjung", tjg: "tanjung", tanjong: "tanjung",
  sei: "sungai", sg: "sungai", sng: "sungai", sungei: "sungai",
  iv: "4", iii: "3", ii: "2", empat: "4", tiga: "3",
  pal: "paal", "5": "lima",
}; // prettier-ignore

/** Lower case, no accents or punctuation, administrative words dropped, abbreviations expanded. */
export function toAreaTokens(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((t) => t !== "" && !dropped.has(t))
    .map((t) => lookup(abbreviations, t) ?? t);
}

const skeleton = (word: string) => word[0] + word.slice(1).replace(/[aeiou]/g, "");

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

function tokenSimilarity(typed: string, name: string): number {
  if (typed === name) return 1;
  if (typed.length >= 3 && name.startsWith(typed)) return 0.9;
  if (typed.length >= 2 && typed === skeleton(name)) return 0.9;
  const sim = similarity(typed, name);
  return sim >= 0.6 ? sim : 0;
}

const best = (word: string, among: string[]) => Math.max(0, ...among.map((o) => tokenSimilarity(word, o)));

function scoreEntry(typed: string[], entry: AreaEntry, kecamatanTokens: string[]): number {
  const name = toAreaTokens(entry.name);
  const whole = similarity(typed.join(""), name.join(""));
  const nameCovered = name.reduce((sum, n) => sum + best(n, typed), 0) / name.length;
  const relevant = typed.filter((t) => best(t, name) > 0 || best(t, kecamatanTokens) < 0.85);
  const extra = relevant.filter((t) => best(t, name) === 0).length;
  const typedCovered = relevant.reduce((sum, t) => sum + best(t, name), 0) / Math.max(relevant.length, 1);
  const tokens = nameCovered * (1 - (0.15 * extra) / Math.max(relevant.length, 1));
  const partial = typedCovered >= 0.85 ? 0.7 + 0.3 * nameCovered : 0;
  return Math.min(1, Math.max(whole, tokens, partial));
}

/** Every kecamatan and kelurahan of Kota Jambi, kecamatan first. */
export const kotaJambiAreas: readonly AreaEntry[] = [
  ...kecamatanList.map((k) => ({
    kind: "kecamatan" as const,
    code: k.code,
    name: k.name,
    kecamatan: k.code,
  })),
  ...kelurahanList.map((k) => ({
    kind: "kelurahan" as const,
    code: k.code,
    name: k.name,
    kecamatan: k.kecamatan,
  })),
];

export function findArea(code: string): AreaEntry | undefined {
  return kotaJambiAreas.find((a) => a.code === code);
}

/** The kelurahan of one kecamatan, in code order. */
export function kelurahanOf(kecamatanCode: string): AreaEntry[] {
  return kotaJambiAreas.filter((a) => a.kind === "kelurahan" && a.kecamatan === kecamatanCode);
}

/** Scores `text` against `entries` (default: all of Kota Jambi). */
export function matchArea(text: string, entries: readonly AreaEntry[] = kotaJambiAreas): AreaMatch {
  if (text.length > maxInput) return { type: "none" };
  const typed = toAreaTokens(text).slice(0, maxTokens);
  if (typed.length === 0) return { type: "none" };
  const scored = entries
    .map((entry) => {
      const kecamatanName = findArea(entry.kecamatan)?.name ?? "";
      const kecamatanTokens = entry.kind === "kelurahan" ? toAreaTokens(kecamatanName) : [];
      return { entry, confidence: scoreEntry(typed, entry, kecamatanTokens) };
    })
    .filter((s) => s.confidence >= offerable)
    // Same score: a kecamatan before the kelurahan of the same name (stable sort keeps list order).
    .sort((a, b) => b.confidence - a.confidence);
  const seen = new Set<string>();
  const distinct = scored.filter((s) => {
    const key = toAreaTokens(s.entry.name).join(" ");
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const [first, second] = distinct;
  if (!first) return { type: "none" };
  const exact = first.confidence >= 0.99 && (second?.confidence ?? 0) < 0.99;
  const clear = !second || exact || first.confidence - second.confidence >= 0.08;
  if (first.confidence >= confidentMatch && clear)
    return { type: "match", entry: first.entry, confidence: Math.round(first.confidence * 100) / 100 };
  return { type: "ambiguous", candidates: distinct.slice(0, maxOffered) };
}

/** The official name of a kecamatan or kelurahan typed loosely, when one matches clearly. */
export function toOfficialAreaName(kind: AreaEntry["kind"], text: string): string | undefined {
  const match = matchArea(
    text,
    kotaJambiAreas.filter((a) => a.kind === kind),
  );
  return match.type === "match" ? match.entry.name : undefined;
}
