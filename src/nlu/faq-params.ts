/**
 * The figures FAQ answers quote, taken from domain/programme-facts.ts (one place, with source and
 * date) and passed to the locale texts as parameters, so a change there changes every answer.
 */
import type { Language, Params } from "../core/messages";
import { programmeFacts as f } from "../domain/programme-facts";

const monthNames = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** "2026-01" → "Januari 2026". */
export function toMonthName(month: string, language: Language): string {
  const [year, mon] = month.split("-");
  return `${monthNames[language][Number(mon) - 1] ?? mon} ${year}`;
}

function toPeriod(period: { from: string; to: string }, language: Language): string {
  return `${toMonthName(period.from, language)}–${toMonthName(period.to, language)}`;
}

/** The JKK death benefit for a declared monthly income (DOMAIN §2.3; an illustration, [U]). */
export function toJkkDeathBenefit(income: number): { lumpSum: number; total: number } {
  const { incomeMultiplier, periodic, burial } = f.jkkDeath.value;
  const lumpSum = Math.max(income, f.minimumIncome.value) * incomeMultiplier;
  return { lumpSum, total: lumpSum + periodic + burial };
}

function jkkBenefitParams(): Params {
  const b = f.jkkBenefits.value;
  return {
    transportLand: b.transportLand,
    transportSea: b.transportSea,
    transportAir: b.transportAir,
    stmbMonths: b.stmbFirstMonths,
    totalDisability: b.totalDisabilityMultiplier,
    partialDisability: b.partialDisabilityMultiplier,
    homecare: b.homecare,
    dentures: b.dentures,
    hearingAid: b.hearingAid,
    glasses: b.glasses,
  };
}

/** Every parameter any `faq:*` answer uses, in the user's language. */
export function toFaqParams(language: Language): Params {
  const min = f.minimumIncome.value;
  const jkkMin = min * f.jkkRate.value;
  const jhtMin = min * f.jhtRate.value;
  const levels = Object.fromEntries(f.scholarship.value.levels.map((l) => [l.level, l.yearly]));
  const contacts = f.contacts.value;
  const or = language === "id" ? "atau" : "or";
  const advance = f.advancePaymentMonths.value;
  return {
    jkkPercent: f.jkkRate.value * 100,
    jhtPercent: f.jhtRate.value * 100,
    jkm: f.jkmFlat.value,
    minIncome: min,
    jkkMin,
    jhtMin,
    basicTotal: jkkMin + f.jkmFlat.value,
    fullTotal: jkkMin + f.jkmFlat.value + jhtMin,
    apbdYearly: f.apbdYearlyPerWorker.value,
    discountPercent: f.discount.value.rate * 100,
    transportPeriod: toPeriod(f.discount.value.transport, language),
    otherPeriod: toPeriod(f.discount.value.other, language),
    deadlineDay: f.paymentDeadlineDay.value,
    advanceMonths: `${advance.slice(0, -1).join(", ")} ${or} ${advance.at(-1)}`,
    lapseMonths: f.lapseMonths.value,
    maxAge: f.maxRegistrationAge.value,
    minAge: f.practicalMinAge.value,
    maxOccupations: f.maxOccupations.value,
    jkmLumpSum: f.jkm.value.lumpSum,
    jkmPeriodic: f.jkm.value.periodic,
    jkmBurial: f.jkm.value.burial,
    jkmTotal: f.jkm.value.total,
    fullJkmMonths: f.fullJkmMonths.value,
    earlyBenefit: f.jkmBeforeThreeMonths.value,
    jkkMultiplier: f.jkkDeath.value.incomeMultiplier,
    jkkExample: toJkkDeathBenefit(min).total,
    scholarshipChildren: f.scholarship.value.maxChildren,
    scholarshipTotal: f.scholarshipMaxTotal.value,
    scholarshipYears: f.scholarship.value.minContributionYears,
    scholarshipTk: levels.tk,
    scholarshipSmp: levels.smp,
    scholarshipSma: levels.sma,
    scholarshipCollege: levels.college,
    scholarshipEndAge: f.scholarship.value.endsAtAge,
    jkmDays: f.jkmPaymentWorkingDays.value,
    latePerDay: f.latePaymentCompensationPerDay.value * 100,
    jkkLapseYears: f.jkkClaimLapseYears.value,
    jkkDays: f.jkkPaymentWorkingDays.value,
    ...jkkBenefitParams(),
    accidentHours: `${f.accidentReportHours.value / 24}×24`,
    dataHours: `${f.dataRequestHours.value / 24}×24`,
    ...contacts,
    callCentre: contacts.callCentre,
  };
}
