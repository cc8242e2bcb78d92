/**
 * Pseudonymises a question before it is kept for staff: the log scrubber (NIK, phone, e-mail, long
 * numbers) plus references (DFT-…, KLM-…) and names introduced as names ("nama saya Siti Aminah",
 * "saya Pak Rahmat", "my name is Maya", "almarhum Pak Joni").
 */
import { redactText } from "./redact";

const nameCue =
  /\b(nama saya|namaku|nama aku|perkenalkan,? saya|saya|aku|awak|my name is|i am|i'm|almarhum|almarhumah|alm\.?|istri dari|anak dari|suami dari)(\s+(?:pak|bu|bapak|ibu|mas|mbak|bang|kak|mr\.?|mrs\.?|ms\.?))?\s+((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,3})/gu;
const titledName =
  /\b(Pak|Bu|Bapak|Ibu|Mas|Mbak|Bang|Kak|Mr\.?|Mrs\.?|Ms\.?)\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})/gu;
const references = /\b(DFT|KLM)[\s\-_.:]*[0-9A-Z]{4,}(?:-[0-9A-Z]+)*\b/giu;
/** Capitalised words that are no names (places, programmes) stay. */
const notNames = new Set([
  "BPJS",
  "RT",
  "RW",
  "JKK",
  "JKM",
  "JHT",
  "Pemkot",
  "Kelurahan",
  "Kota",
  "Jambi",
  "Ketenagakerjaan",
]);

function maskName(name: string): string {
  const first = name.split(/\s+/)[0] ?? "";
  return notNames.has(first) ? name : "[nama]";
}

export function pseudonymise(text: string): string {
  return redactText(text)
    .replace(references, "[ref]")
    .replace(
      nameCue,
      (_all, cue: string, title: string | undefined, name: string) =>
        `${cue}${title ?? ""} ${maskName(name)}`,
    )
    .replace(titledName, (_all, title: string, name: string) => `${title} ${maskName(name)}`)
    .slice(0, 1000);
}
