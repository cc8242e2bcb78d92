/**
 * XLSX through exceljs's streaming writer (memory stays flat for 100,000 rows): NIK, phone and
 * KPJ as text cells, days and moments as real dates in WIB with a day/month/year format, the
 * header row bold and frozen, column widths set, notes (assumptions, sources) on a second sheet.
 */
import ExcelJS from "exceljs";
import type { Sheet, SheetColumn } from "../core/sheet";
import { toWibWallClock } from "./cell-format";

const formats: Record<SheetColumn["kind"], string> = {
  text: "@",
  number: "#,##0",
  day: "dd/mm/yyyy",
  moment: "dd/mm/yyyy hh:mm",
};

function toXlsxValue(cell: Sheet["rows"][number][number], column: SheetColumn): ExcelJS.CellValue {
  if (cell === undefined) return null;
  if (cell instanceof Date && column.kind === "day")
    return new Date(`${toWibWallClock(cell).toISOString().slice(0, 10)}T00:00:00Z`);
  if (cell instanceof Date) return toWibWallClock(cell);
  if (column.kind === "day" && /^\d{4}-\d{2}-\d{2}$/.test(String(cell)))
    return new Date(`${String(cell)}T00:00:00Z`);
  if (column.kind === "text") return String(cell);
  return cell;
}

/** Writes `sheets` to `file`; `onRow` is told how many rows are written (progress bars). */
export async function writeXlsx(
  file: string,
  sheets: Sheet[],
  onRow: (written: number) => void = () => undefined,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  let written = 0;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      width: column.width ?? Math.max(10, column.header.length + 2),
      style: { numFmt: formats[column.kind] },
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    for (const row of sheet.rows) {
      worksheet.addRow(sheet.columns.map((column, i) => toXlsxValue(row[i], column))).commit();
      if (++written % 500 === 0) onRow(written);
    }
    worksheet.commit();
    if (sheet.notes && sheet.notes.length > 0) {
      const notes = workbook.addWorksheet(`${sheet.name.slice(0, 22)} - catatan`);
      notes.columns = [{ header: "Catatan", width: 120 }];
      notes.getRow(1).font = { bold: true };
      for (const note of sheet.notes) notes.addRow([note]).commit();
      notes.commit();
    }
  }
  onRow(written);
  await workbook.commit();
}
