/**
 * Reads labelled utterances from TSV files (`label<TAB>text`, `#` comments): the training data
 * in nlu/train/ and the evaluation files. Extra columns (lang, style) are kept for reports.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Labelled } from "./train-intent-model";

export type LabelledRow = Labelled & { lang?: string; style?: string; file: string; line: number };

/** Rows of one file; `columns` says whether the text is in column 2 (training) or 4 (held-out). */
export function readLabelled(file: string, columns: "training" | "heldout" = "training"): LabelledRow[] {
  const rows: LabelledRow[] = [];
  readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === "" || raw.startsWith("#")) return;
      const cells = raw.split("\t");
      if (columns === "training") {
        const [label = "", text = ""] = cells;
        if (label && text) rows.push({ label, text, file: path.basename(file), line: i + 1 });
        return;
      }
      const [label = "", lang = "", style = "", text = ""] = cells;
      if (label && text) rows.push({ label, lang, style, text, file: path.basename(file), line: i + 1 });
    });
  return rows;
}

/** Every `*.tsv` in a folder, sorted by name. */
export function listTsv(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".tsv"))
    .sort()
    .map((f) => path.join(folder, f));
}

/** All training rows of a folder. */
export function readTrainingData(folder: string): LabelledRow[] {
  return listTsv(folder).flatMap((f) => readLabelled(f));
}
