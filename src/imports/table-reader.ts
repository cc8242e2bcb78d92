/**
 * Reads the first sheet of an XLSX file, or a CSV (`;`, `,` or tab, with or without a BOM), into
 * a header row and data rows. XLSX dates arrive as Date values, numbers as numbers, text as text.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { RawCell } from "../domain/bpjs-participant-row";

export type Table = { headers: string[]; rows: RawCell[][] };

function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "object") {
    const cell = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
    if (cell.richText) return cell.richText.map((r) => r.text).join("");
    if (cell.result !== undefined) return toRawCell(cell.result);
    if (typeof cell.text === "string") return cell.text;
  }
  return typeof value === "boolean" ? String(value) : undefined;
}

async function readXlsx(file: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const rows: RawCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map(toRawCell));
  });
  const [header = [], ...data] = rows;
  return { headers: header.map((h) => String(h ?? "")), rows: data };
}

function readCsv(file: string): Table {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [";", "\t", ","].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const records: string[][] = parse(text, {
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
  });
  const [header = [], ...data] = records;
  return { headers: header, rows: data };
}

export async function readTable(file: string): Promise<Table> {
  if (/\.xlsx$/i.test(file)) return readXlsx(file);
  if (/\.(csv|txt)$/i.test(file)) return readCsv(file);
  throw new Error(`${file}: hanya .xlsx atau .csv yang bisa dibaca`);
}
