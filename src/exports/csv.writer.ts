/**
 * CSV as Indonesian Excel opens it by double-click: UTF-8 with a BOM, `;` between cells, CRLF.
 * A text cell of digits (NIK, KPJ, 08… phone) is written as ="…", so Excel keeps every digit and
 * the leading zero; a cell starting with = + - @ is neutralised with ' (no formula runs).
 */
import type { Sheet, SheetColumn, SheetCell } from "../core/sheet";
import { toCellText } from "./cell-format";

export const csvBom = "\uFEFF";

function quote(text: string): string {
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvCell(cell: SheetCell, column: SheetColumn): string {
  const text = toCellText(cell, column);
  if (column.kind === "text" && /^\+?\d{6,}$/.test(text)) return `="${text}"`;
  const safe = /^[=+\-@\t\r]/.test(text) && column.kind === "text" ? `'${text}` : text;
  return quote(safe);
}

/** The whole file; `notes` become leading lines only when asked (a plain table by default). */
export function toCsv(sheet: Sheet): string {
  const header = sheet.columns.map((c) => quote(c.header)).join(";");
  const rows = sheet.rows.map((row) => sheet.columns.map((c, i) => toCsvCell(row[i], c)).join(";"));
  return `${csvBom}${[header, ...rows].join("\r\n")}\r\n`;
}
