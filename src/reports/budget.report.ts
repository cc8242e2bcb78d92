/**
 * The APBD projection for the next budget year, with every assumption written out:
 * - by target: each group's target members × what the Pemkot pays per member per month × 12;
 * - by registrations (counted in the database per funding, programmes, occupation and income):
 *   what the Pemkot pays for APBD-funded members (JKK + JKM at the configured declared income),
 *   and, for comparison, what self-paying members pay (JKK, JKM, JHT), month by month through the
 *   year so the PP 50/2025 discount counts only in its months, and never for APBD (DOMAIN §1.4).
 */
import { toKeyText, type GroupCount, type ReportQueries } from "../core/report-queries.port";
import { calculateContribution, toMonthAfter, type ProgrammeCode } from "../domain/contributions";
import { findOccupation } from "../domain/occupations";
import { programmeFacts } from "../domain/programme-facts";
import type { ReportAssumptions } from "../core/report-assumptions";

export type TargetRow = {
  label: string;
  members: number;
  monthlyPerMember: number;
  yearly: number;
  source: string;
};
export type FundingRow = {
  fundedBy: "apbd" | "self";
  programme: ProgrammeCode | "discount";
  members: number;
  yearly: number;
};

export type BudgetReport = {
  year: number;
  assumptions: string[];
  byTarget: { rows: TargetRow[]; members: number; yearly: number };
  byRegistrations: {
    rows: FundingRow[];
    apbdMembers: number;
    apbdYearly: number;
    selfMembers: number;
    selfYearly: number;
    /** What the PP 50/2025 discount saves self-paying members within the year (0 outside its period). */
    discountYearly: number;
  };
};

const rupiah = (n: number) => `Rp${n.toLocaleString("id-ID")}`;

type Year = { income: number; programmes: ProgrammeCode[]; fundedBy: "apbd" | "self"; occupation: string };

/** Per programme over the twelve months of `year`, for one member. */
function toYear(year: number, member: Year) {
  const sector = findOccupation(member.occupation)?.sector ?? "other";
  const totals = { JKK: 0, JKM: 0, JHT: 0, discount: 0 };
  for (let i = 0; i < 12; i++) {
    const month = toMonthAfter(`${year}-01`, i);
    const c = calculateContribution({ ...member, month, sector });
    totals.JKK += c.jkk;
    totals.JKM += c.jkm;
    totals.JHT += c.jht;
    totals.discount += c.discount;
  }
  return totals;
}

function toFundingRows(groups: GroupCount[], assumptions: ReportAssumptions) {
  const { year, apbdDeclaredIncome } = assumptions.budget;
  const rows = new Map<string, FundingRow>();
  const addRow = (
    fundedBy: FundingRow["fundedBy"],
    programme: FundingRow["programme"],
    members: number,
    yearly: number,
  ) => {
    const key = `${fundedBy}:${programme}`;
    const row = rows.get(key) ?? { fundedBy, programme, members: 0, yearly: 0 };
    row.members += members;
    row.yearly += yearly;
    rows.set(key, row);
  };
  for (const g of groups) {
    const programmes = (g.key.programmes as ProgrammeCode[] | null) ?? [];
    const occupation = toKeyText(g.key["occupation.code"], "lainnya");
    const income = Number(g.key.income ?? 0);
    if (g.key.fundedBy === "apbd") {
      const paid = toYear(year, {
        income: apbdDeclaredIncome,
        programmes: ["JKK", "JKM"],
        fundedBy: "apbd",
        occupation,
      });
      addRow("apbd", "JKK", g.count, paid.JKK * g.count);
      addRow("apbd", "JKM", g.count, paid.JKM * g.count);
      // JHT is not in the Pemkot scheme: a member who chose it pays it (DOMAIN §1.2).
      if (programmes.includes("JHT"))
        addRow(
          "self",
          "JHT",
          g.count,
          toYear(year, { income, programmes: ["JHT"], fundedBy: "self", occupation }).JHT * g.count,
        );
      continue;
    }
    const paid = toYear(year, { income, programmes, fundedBy: "self", occupation });
    for (const p of ["JKK", "JKM", "JHT"] as const)
      if (programmes.includes(p)) addRow("self", p, g.count, paid[p] * g.count);
    if (paid.discount > 0) addRow("self", "discount", g.count, -paid.discount * g.count);
  }
  return [...rows.values()];
}

export async function computeBudgetReport(
  queries: ReportQueries,
  assumptions: ReportAssumptions,
): Promise<BudgetReport> {
  const { year, apbdDeclaredIncome, targets, countPending } = assumptions.budget;
  const perMember = calculateContribution({
    income: apbdDeclaredIncome,
    programmes: ["JKK", "JKM"],
    month: `${year}-01`,
    sector: "other",
    fundedBy: "apbd",
  }).monthly;
  const targetRows = targets.map((t) => ({
    label: t.label,
    members: t.members,
    monthlyPerMember: perMember,
    yearly: t.members * perMember * 12,
    source: t.source,
  }));
  const statuses = countPending ? ["active", "pending"] : ["active"];
  const groups = await queries.groupCount("people", { status: { $in: statuses } }, [
    "fundedBy",
    "programmes",
    "occupation.code",
    "income",
  ]);
  const rows = toFundingRows(groups, assumptions);
  const members = (fundedBy: "apbd" | "self") =>
    groups.filter((g) => g.key.fundedBy === fundedBy).reduce((s, g) => s + g.count, 0);
  const yearly = (fundedBy: "apbd" | "self") =>
    rows.filter((r) => r.fundedBy === fundedBy).reduce((s, r) => s + r.yearly, 0);
  const { discount } = programmeFacts;
  return {
    year,
    assumptions: [
      `Tahun anggaran ${year}; iuran dihitung per bulan Januari–Desember ${year}.`,
      `APBD membayar JKK + JKM per anggota ${rupiah(perMember)}/bulan: JKK ${programmeFacts.jkkRate.value * 100}% dari penghasilan ${rupiah(apbdDeclaredIncome)} + JKM ${rupiah(programmeFacts.jkmFlat.value)}. Sumber: ${assumptions.budget.apbdIncomeSource}.`,
      `JHT tidak termasuk skema Pemkot; peserta yang memilihnya membayar sendiri (DOMAIN §1.2).`,
      `Diskon ${discount.value.rate * 100}% JKK + JKM (${discount.source}) tidak berlaku untuk iuran APBD; untuk peserta mandiri hanya pada bulannya: transportasi ${discount.value.transport.from} s.d. ${discount.value.transport.to}, lainnya ${discount.value.other.from} s.d. ${discount.value.other.to}.`,
      `Peserta terdaftar dihitung: ${countPending ? "aktif dan menunggu verifikasi" : "aktif saja"}.`,
      ...targets.map((t) => `Target ${t.label}: ${t.members.toLocaleString("id-ID")} (${t.source}).`),
    ],
    byTarget: {
      rows: targetRows,
      members: targetRows.reduce((s, r) => s + r.members, 0),
      yearly: targetRows.reduce((s, r) => s + r.yearly, 0),
    },
    byRegistrations: {
      rows,
      apbdMembers: members("apbd"),
      apbdYearly: yearly("apbd"),
      selfMembers: members("self"),
      selfYearly: yearly("self"),
      discountYearly: -rows.filter((r) => r.programme === "discount").reduce((s, r) => s + r.yearly, 0),
    },
  };
}
