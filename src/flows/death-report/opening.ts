/**
 * What an heir's first message already says ("suami sy meninggal kemarin", "bapak saya wafat tadi
 * pagi"): her relationship to the deceased and the day of death, so the report does not ask again.
 * The review before filing shows both, so a wrong guess is corrected there.
 */
import { parseDateInput } from "../../domain/date-input";
import type { Relationship } from "../../domain/heirs";

/** The word for the deceased → the heir's relationship to them. */
const kinWords: ReadonlyArray<readonly [Relationship, RegExp]> = [
  ["spouse", /\b(suami|istri|isteri|bini|laki|husband|wife)(?:ku)?\b/],
  [
    "child",
    /\b(bapak|bapa|ayah|abah|papa|papi|ibu|mamak|emak|mama|mami|umak|father|mother|dad|mom)(?:ku)?\b/,
  ],
  ["parent", /\b(anak|putra|putri|son|daughter)(?:ku)?\b/],
  ["sibling", /\b(adik|adek|kakak|abang|abg|brother|sister)(?:ku)?\b/],
  ["grandchild", /\b(kakek|nenek|atok|datuk|grandfather|grandmother)(?:ku)?\b/],
  ["grandparent", /\b(cucu|grandson|granddaughter)(?:ku)?\b/],
];

const ownWords = /\b(saya|sy|aku|gw|gue|kami|my)\b|\wku\b/;

/** Days like "kemarin", "hari ini", "12 maret", "12-03-2026" anywhere in the text. */
function toDay(text: string, now: Date): string | undefined {
  const candidates = [
    ...(text.match(/\b(kemarin lusa|lusa kemarin|kemarin|kemaren|hari ini|tadi|yesterday|today)\b/g) ?? []),
    ...(text.match(/\b\d{1,2}[-/ .](?:\d{1,2}|[a-z]{3,9})(?:[-/ .]\d{2,4})?\b/g) ?? []),
  ];
  for (const candidate of candidates) {
    const day = parseDateInput(candidate, now, { relativeWords: true, yearOptional: true });
    if (day.ok) return day.value;
  }
  return undefined;
}

export type Opening = { relationship?: Relationship; deathDate?: string };

/** Reads an opening message; only what it says plainly about a death. */
export function readOpening(said: string, now: Date): Opening {
  const text = said.toLowerCase().replace(/\b(kmrn|kmrin|kmarin|kmaren|kemaren)\b/g, "kemarin");
  if (!/\b(meninggal|wafat|tiada|berpulang|almarhum|almh|alm|mati|died|passed away)\b/.test(text)) return {};
  const relationship = ownWords.test(text) ? kinWords.find(([, w]) => w.test(text))?.[0] : undefined;
  const deathDate = toDay(text, now);
  return { ...(relationship ? { relationship } : {}), ...(deathDate ? { deathDate } : {}) };
}
