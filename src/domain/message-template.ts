/**
 * Placeholders in staff-written broadcast text: {nama}/{name}, {rt}, {kelurahan}, {batas}/{deadline}.
 * Locale templates use i18next's {{name}} instead; this is only for free text.
 */
import { lookup } from "./lookup";

const aliases: Record<string, string> = {
  nama: "name",
  name: "name",
  rt: "rt",
  kelurahan: "kelurahan",
  batas: "deadline",
  deadline: "deadline",
  tenggat: "deadline",
};

/** Placeholder names staff may use, by canonical name. */
export const placeholderNames = [...new Set(Object.values(aliases))];

const pattern = /\{\s*([a-zA-Z]+)\s*\}/g;

/** Placeholders in `text` that we do not know (shown to staff so they can fix a typo). */
export function toUnknownPlaceholders(text: string): string[] {
  return [...text.matchAll(pattern)]
    .map((m) => m[1] ?? "")
    .filter((name) => !Object.hasOwn(aliases, name.toLowerCase()));
}

/** Fills known placeholders; a value that is missing becomes `fallback[name]` or is removed. */
export function fillPlaceholders(
  text: string,
  values: Record<string, string | undefined>,
  fallback: Record<string, string> = {},
): string {
  return text.replace(pattern, (whole, name: string) => {
    const canonical = lookup(aliases, name.toLowerCase());
    if (!canonical) return whole;
    return lookup(values, canonical) ?? lookup(fallback, canonical) ?? "";
  });
}
