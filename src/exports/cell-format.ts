/** How a cell reads in a file: WIB days and moments, text that spreadsheets must not reinterpret. */
import type { SheetCell, SheetColumn } from "../core/sheet";

const wibOffsetMs = 7 * 3600_000;

/** The WIB wall-clock time as if it were UTC (what spreadsheets, which know no time zone, show). */
export const toWibWallClock = (date: Date) => new Date(date.getTime() + wibOffsetMs);

/** "2026-03-01" or "2026-03-01 06:00", in WIB; a YYYY-MM-DD string is a day already. */
export function toWibText(value: Date | string, kind: "day" | "moment"): string {
  if (typeof value === "string") return value;
  const iso = toWibWallClock(value).toISOString();
  return kind === "day" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A cell as text for CSV and tables. */
export function toCellText(cell: SheetCell, column: SheetColumn): string {
  if (cell === undefined) return "";
  if (cell instanceof Date) return toWibText(cell, column.kind === "moment" ? "moment" : "day");
  return String(cell);
}
