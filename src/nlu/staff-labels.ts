/**
 * A question staff labelled becomes training data: one "intent<TAB>text" line appended to
 * nlu/train/staff-labelled.tsv (`npm run questions -- label` and the console's Unanswered page);
 * `npm run train` then retrains the model.
 */
import { appendFileSync, existsSync } from "node:fs";
import path from "node:path";
import { findNluDir } from "./load-intent-model";

export const labelledFile = path.join(findNluDir(), "train", "staff-labelled.tsv");

/** One training line for a labelled question; refuses unknown intents and empty text. */
export function toTrainingLine(intent: string, text: string, intents: readonly string[]): string {
  if (!intents.includes(intent))
    throw new Error(`Unknown intent "${intent}": see \`npm run questions -- intents\``);
  const clean = text.replace(/[\t\r\n]+/g, " ").trim();
  if (clean === "") throw new Error("The question has no text");
  return `${intent}\t${clean}\n`;
}

/** Appends the line (the file gets its header line first). */
export function appendTrainingLine(line: string, file = labelledFile): void {
  if (!existsSync(file)) appendFileSync(file, "# Questions staff labelled (npm run questions -- label)\n");
  appendFileSync(file, line);
}
