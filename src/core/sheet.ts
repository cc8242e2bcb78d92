/**
 * A table to hand to people as a file (reports, the BPJS export): typed columns and rows, no
 * format. Renderers in src/exports write it as XLSX or as CSV for Indonesian Excel; flows and
 * reports build it without knowing the file format.
 */
export type SheetColumn = {
  header: string;
  /**
   * text: kept as typed (NIK, phone, KPJ: never turned into a number); number; day: a WIB
   * calendar day; moment: WIB date and time.
   */
  kind: "text" | "number" | "day" | "moment";
  /** Width in characters (XLSX); a guess from the header when absent. */
  width?: number;
};

export type SheetCell = string | number | Date | undefined;

export type Sheet = {
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** Lines printed above the table (assumptions, sources, the date it was made). */
  notes?: string[];
};
