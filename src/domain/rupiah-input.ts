/**
 * Rupiah amounts as people type them: "1,5 juta", "1.500.000", "1500rb", "2jt", "Rp 1.000.000",
 * "1 juta 500 ribu", "dua juta", "setengah juta". Whole rupiah.
 */
import { lookup } from "./lookup";
export type RupiahRefusal = "empty" | "notAmount" | "tooSmall" | "tooLarge";
const maxInput = 100;
export type RupiahResult = { ok: true; value: number } | { ok: false; reason: RupiahRefusal };

const units: Record<string, number> = {
  juta: 1_000_000,
  jt: 1_000_000,
  j: 1_000_000,
  jeti: 1_000_000,
  million: 1_000_000,
  m: 1_000_000,
  ribu: 1_000,
  rb: 1_000,
  k: 1_000,
  rebu: 1_000,
  thousand: 1_000,
  ratus: 100,
  miliar: 1_000_000_000,
  milyar: 1_000_000_000,
  billion: 1_000_000_000,
};
const words: Record<string, number> = {
  nol: 0,
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  setengah: 0.5,
  seperempat: 0.25,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  half: 0.5,
};

/** "1.500.000" / "1,500,000" / "1,5" / "1.5" → number (dots or commas as thousands when grouped by 3). */
function toNumber(token: string): number | undefined {
  if (/^\d{1,3}([.,]\d{3})+$/.test(token)) return Number(token.replace(/[.,]/g, ""));
  if (/^\d+([.,]\d+)?$/.test(token)) return Number(token.replace(",", "."));
  return lookup(words, token);
}

/** Parses an amount; `min`/`max` bound what is accepted (defaults: Rp 1 to Rp 10 miliar). */
export function parseRupiah(input: string, bounds: { min?: number; max?: number } = {}): RupiahResult {
  // "1 juta 500 ribu rupiah per bulan" is short; longer text is no amount and is not read.
  if (input.length > maxInput) return { ok: false, reason: "notAmount" };
  const text = input
    .toLowerCase()
    .replace(/rp\.?|idr|rupiah|per\s*bulan|\/\s*bulan|sebulan|perbulan|bulan/g, " ")
    .replace(/(\d)\s*(juta|jt|j|ribu|rb|k|rebu|miliar|milyar|m)\b/g, "$1 $2")
    .replace(/\bse(juta|ribu|ratus)\b/g, "1 $1")
    .replace(/[^\d.,a-z ]/g, " ")
    .trim();
  if (text === "") return { ok: false, reason: "empty" };
  let total = 0;
  let pending: number | undefined;
  let matched = false;
  for (const token of text.split(/\s+/)) {
    const unit = lookup(units, token);
    if (unit !== undefined && pending !== undefined) {
      total += pending * unit;
      pending = undefined;
      matched = true;
      continue;
    }
    const value = toNumber(token.replace(/[.,]$/, ""));
    if (value === undefined) continue;
    if (pending !== undefined) total += pending;
    pending = value;
  }
  if (pending !== undefined) {
    total += pending;
    matched = true;
  }
  if (!matched) return { ok: false, reason: "notAmount" };
  const amount = Math.round(total);
  if (amount < (bounds.min ?? 1)) return { ok: false, reason: "tooSmall" };
  if (amount > (bounds.max ?? 10_000_000_000)) return { ok: false, reason: "tooLarge" };
  return { ok: true, value: amount };
}
