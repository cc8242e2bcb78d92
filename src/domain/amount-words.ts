/**
 * Rupiah amounts in words ("empat puluh dua juta rupiah" / "forty-two million rupiah") for users
 * who ask for them. Indonesian comes from @develoka/angka-terbilang-js, which spells "milyar":
 * we fix it to KBBI "miliar" and refuse input it mangles (negative, fractional, not a number).
 */
import angkaTerbilang from "@develoka/angka-terbilang-js";

/** Largest amount spelled out (999 triliun): beyond that the words stop being useful. */
export const maxAmountInWords = 999_999_999_999_999;

const ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const teens = [
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const scales = ["", "thousand", "million", "billion", "trillion"];

function toEnglishBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ones[hundreds]} hundred`);
  if (rest > 0 && rest <= 10) parts.push(ones[rest] ?? "");
  else if (rest > 10 && rest < 20) parts.push(teens[rest - 11] ?? "");
  else if (rest >= 20) {
    const unit = rest % 10;
    parts.push(`${tens[Math.floor(rest / 10)]}${unit > 0 ? `-${ones[unit]}` : ""}`);
  }
  return parts.join(" and ");
}

function toEnglishWords(amount: number): string {
  if (amount === 0) return "zero";
  const groups: string[] = [];
  let rest = amount;
  for (let scale = 0; rest > 0; scale += 1) {
    const group = rest % 1000;
    if (group > 0)
      groups.unshift(`${toEnglishBelowThousand(group)}${scales[scale] ? ` ${scales[scale]}` : ""}`);
    rest = Math.floor(rest / 1000);
  }
  return groups.join(" ");
}

/** The amount in words followed by "rupiah"; undefined for input that is not a whole amount in range. */
export function toAmountInWords(amount: number, language: "id" | "en" = "id"): string | undefined {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > maxAmountInWords) return undefined;
  const words =
    language === "id"
      ? angkaTerbilang(String(amount)).replace(/\bmilyar\b/g, "miliar")
      : toEnglishWords(amount);
  return `${words.replace(/\s+/g, " ").trim()} rupiah`;
}
