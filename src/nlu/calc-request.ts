/**
 * What a one-line contribution request or a follow-up says: "hitung iuran 1,5 juta 3 program",
 * "brp iuran kalo gaji 2jt", "iuran jkk jkm", "kalau 3 program?", "kalau 2 juta?", "terus dokumennya apa?".
 */
import type { ProgrammeCode, Sector } from "../domain/contributions";
import { parseRupiah } from "../domain/rupiah-input";
import { toComparable } from "../core/text";

const unit = "juta|jt|jeti|j|ribu|rb|rebu|k|miliar|milyar";
const numberWord = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se";
const amountPattern = new RegExp(
  `(?:rp\\.?\\s*)?(?:\\d[\\d.,]*\\s*(?:${unit})?(?:\\s*\\d[\\d.,]*\\s*(?:ribu|rb))?|(?:${numberWord})\\s*(?:setengah\\s*)?(?:${unit}))(?![a-z])`,
  "gi",
);

/** The first rupiah amount in the text: a number with a unit, or at least Rp 10.000 written out. */
export function toAmount(text: string): number | undefined {
  for (const match of text.toLowerCase().matchAll(amountPattern)) {
    const found = match[0].trim();
    const hasUnit = new RegExp(`(${unit})$`).test(found) || /^rp/.test(found);
    const parsed = parseRupiah(found);
    if (parsed.ok && (hasUnit || parsed.value >= 10_000)) return parsed.value;
  }
  return undefined;
}

const withJht =
  /\b(3|tiga|semua|all|three)\s*(program|programs|programme|programmes|prog)\b|\bjht\b|\bhari tua\b/;
const withoutJht =
  /\b(2|dua|two)\s*(program|programs|programme|programmes|prog)\b|\btanpa jht\b|\bjkk\s*(dan|\+|&)?\s*jkm\b/;

/** The programmes the text names, or undefined when it names none. */
export function toProgrammes(text: string): ProgrammeCode[] | undefined {
  const t = toComparable(text.replace(/\+/g, " dan "));
  if (/\btanpa jht\b|\bgak? pakai jht\b|\btidak pakai jht\b/.test(t)) return ["JKK", "JKM"];
  if (withJht.test(t)) return ["JKK", "JKM", "JHT"];
  if (withoutJht.test(t)) return ["JKK", "JKM"];
  return undefined;
}

/** "transport" when the text names a transport job (ojek, kurir, sopir…). */
export function toSector(text: string): Sector | undefined {
  const t = toComparable(text);
  if (/\b(ojek|ojol|gojek|grab|maxim|kurir|sopir|supir|driver|angkot|transportasi|transport|becak)\b/.test(t))
    return "transport";
  if (/\bsektor lain\b|\bbukan transport/.test(t)) return "other";
  return undefined;
}

export type FollowUpAspect = "documents" | "where" | "duration" | "steps" | "late";

/** True when the text reads as a follow-up ("kalau…", "terus…", "lalu…", "what if…"). */
export function isFollowUp(text: string): boolean {
  const t = toComparable(text);
  const words = t.split(" ").length;
  return (
    /^(kalau|kalo|klo|kl|klau|terus|trus|trs|lalu|lantas|bagaimana kalau|gimana kalau|gmn kalau|gmn klo|gimana klo|kalau gitu|and|what if|what about|how about|if|then)\b/.test(
      t,
    ) || words <= 3
  );
}

/** What a follow-up asks about, when it names an aspect rather than a figure. */
export function toFollowUpAspect(text: string): FollowUpAspect | undefined {
  const t = toComparable(text);
  if (
    /\b(dokumen\w*|berkas\w*|syarat\w*|persyaratan\w*|bawa apa|documents?|papers|surat (apa|apo)|surat\w* apa)\b/.test(
      t,
    )
  )
    return "documents";
  if (
    /\b(berapa lama|brp lama|berapo lamo|berapa hari|brp hari|berapo hari|kapan cair\w*|cairnya kapan|lama cair\w*|cepat cair\w*|how long|how fast|how quickly|how many days)\b/.test(
      t,
    )
  )
    return "duration";
  if (/\b(dimana|di mana|dmn|kemana|ke mana|kmn|lewat apa|where|dimano|di mano|kemano)\b/.test(t))
    return "where";
  if (
    /\b(ngapain|ngapo|harus apa|hrs apa|langkahnya|caranya|what should|what do i do|how do i do it|cakmano|harus dilakukan|hrs dilakukan|harus diurus|harus gimana|harus bagaimana|next step|first step)\b/.test(
      t,
    )
  )
    return "steps";
  if (
    /\b(telat|terlambat|nunggak|menunggak|kelewatan|lewat \d+ bulan|(tidak|ga|gak|nggak|dak) bayar|late|miss a payment)\b/.test(
      t,
    )
  )
    return "late";
  return undefined;
}

/** Asks for an amount in words ("terbilang", "dengan huruf", "in words"). */
export function isWordsRequest(text: string): boolean {
  return /\b(terbilang|terbilangnya|dengan huruf|pakai huruf|pake huruf|dalam kata|dlm kata|in words|huruf nya|hurufnya|bacanya)\b/.test(
    toComparable(text),
  );
}
