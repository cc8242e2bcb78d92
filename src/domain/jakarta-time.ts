/** Dates and times as people in Kota Jambi read them: Asia/Jakarta (WIB, UTC+7, no daylight saving). */

export const jakartaTimeZone = "Asia/Jakarta";
const offsetMs = 7 * 60 * 60 * 1000;

/** One formatter per language: building an Intl.DateTimeFormat costs far more than using one. */
const dateFormats = {
  id: new Intl.DateTimeFormat("id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: jakartaTimeZone,
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: jakartaTimeZone,
  }),
};

/** "7 Maret 2025" (id) or "7 March 2025" (en), in WIB. */
export function formatDate(date: Date, language: "id" | "en" = "id"): string {
  return dateFormats[language].format(date);
}

/** "14.30 WIB" (id) or "14:30 WIB" (en). */
export function formatTime(date: Date, language: "id" | "en" = "id"): string {
  const { hour, minute } = toJakartaParts(date);
  const pad = (n: number) => n.toString().padStart(2, "0");
  return `${pad(hour)}${language === "id" ? "." : ":"}${pad(minute)} WIB`;
}

/** Calendar parts of an instant as seen in WIB. */
export function toJakartaParts(date: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
} {
  const shifted = new Date(date.getTime() + offsetMs);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/** "2025-03-07": the WIB calendar day of an instant. */
export function toJakartaDay(date: Date): string {
  const { year, month, day } = toJakartaParts(date);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant of a WIB wall-clock time. */
export function fromJakarta(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - offsetMs);
}
