/** Small text helpers core needs to match typed words; the full Indonesian normaliser lives in nlu/. */

const zeroWidth = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Removes zero-width and control characters and trims; keeps line breaks. */
export function toCleanText(text: string): string {
  return text.replace(zeroWidth, "").replace(controls, "").trim();
}

/** Lower case, accents and punctuation removed, single spaces: for comparing words. */
export function toComparable(text: string): string {
  return toCleanText(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
