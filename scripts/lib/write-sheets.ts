/**
 * Writes sheets where a CLI was told to: XLSX (default for files), CSV for Indonesian Excel, or
 * text tables on the terminal. A file that holds personal data is created readable by its owner only.
 */
import { chmodSync, writeFileSync } from "node:fs";
import type { Sheet } from "../../src/core/sheet";
import { toCellText } from "../../src/exports/cell-format";
import { toCsv } from "../../src/exports/csv.writer";
import { createProgress, toTable } from "./cli";

export type SheetFormat = "xlsx" | "csv" | "text";
export const sheetFormats: SheetFormat[] = ["xlsx", "csv", "text"];

export function toText(sheet: Sheet): string {
  const numeric = sheet.columns.flatMap((c, i) => (c.kind === "number" ? [i] : []));
  const rows = sheet.rows.map((row) =>
    sheet.columns.map((c, i) => (typeof row[i] === "number" ? row[i] : toCellText(row[i], c))),
  );
  return [
    `${sheet.name}`,
    toTable(
      sheet.columns.map((c) => c.header),
      rows,
      numeric,
    ),
    ...(sheet.notes ?? []),
  ].join("\n");
}

/** Returns what was written, for the closing line ("… written to file.xlsx"). */
export async function writeSheets(
  sheets: Sheet[],
  options: { format: SheetFormat; out?: string | undefined; personal?: boolean },
): Promise<string> {
  const mode = options.personal ? 0o600 : 0o644;
  if (options.format === "text") {
    const text = sheets.map(toText).join("\n\n");
    if (options.out) writeFileSync(options.out, `${text}\n`, { mode });
    else process.stdout.write(`${text}\n`);
    return options.out ?? "layar";
  }
  if (options.format === "csv") {
    const csv = sheets.map(toCsv).join("\r\n");
    if (options.out) writeFileSync(options.out, csv, { mode });
    else process.stdout.write(csv);
    return options.out ?? "stdout";
  }
  if (!options.out) throw new Error("XLSX perlu --out FILE.xlsx (atau pakai --format csv|text)");
  const total = sheets.reduce((sum, s) => sum + s.rows.length, 0);
  const progress = total >= 2000 ? createProgress("Menulis XLSX", total) : undefined;
  // Loaded only here: exceljs is the slowest module to load, and most commands never need it.
  const { writeXlsx } = await import("../../src/exports/xlsx.writer.js");
  await writeXlsx(options.out, sheets, (written) => progress?.update(written));
  progress?.stop();
  chmodSync(options.out, mode);
  return options.out;
}
