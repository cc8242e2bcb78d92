/**
 * Coverage for the city, counted in the database (three group counts, whatever the number of
 * people): registrations per kecamatan → kelurahan → RT by status and by who pays; RT heads per
 * kelurahan against the official RT count; the APBD quota used against each group's target.
 * A pure, typed result: renderers (text, CSV, XLSX, the staff console) show it. No NIK, no name.
 */
import { toKeyText, type GroupCount, type ReportQueries } from "../core/report-queries.port";
import type { PersonStatus } from "../core/people.port";
import { apbdGroups, type ApbdGroup, type ReportAssumptions } from "../core/report-assumptions";

export const countedStatuses = ["active", "pending", "inactive", "rejected", "deceased"] as const;
export type CountedStatus = (typeof countedStatuses)[number];

export type Tally = { total: number; byStatus: Record<CountedStatus, number>; apbd: number; self: number };
export type RtCoverage = Tally & { rw: string; rt: string };
export type KelurahanCoverage = Tally & { name: string; rts: RtCoverage[] };
export type KecamatanCoverage = Tally & { name: string; kelurahan: KelurahanCoverage[] };

export type RtHeadsRow = {
  kecamatan: string;
  kelurahan: string;
  /** RTs with a registered head (active or waiting for verification). */
  rtsWithHead: number;
  rtsWithActiveHead: number;
  /** From the assumptions file; undefined while unknown. */
  officialRts?: number;
};

export type QuotaRow = {
  group: ApbdGroup;
  label: string;
  target: number;
  active: number;
  pending: number;
  percent: number;
};

export type CoverageReport = {
  kecamatanFilter?: string;
  totals: Tally;
  kecamatan: KecamatanCoverage[];
  rtHeads: {
    rows: RtHeadsRow[];
    rtsWithHead: number;
    officialTotal: number;
    confirmed: boolean;
    source: string;
  };
  quota: QuotaRow[];
};

const emptyTally = (): Tally => ({
  total: 0,
  byStatus: { active: 0, pending: 0, inactive: 0, rejected: 0, deceased: 0 },
  apbd: 0,
  self: 0,
});

function add(tally: Tally, group: GroupCount): void {
  tally.total += group.count;
  tally.byStatus[group.key.status as CountedStatus] += group.count;
  if (group.key.fundedBy === "apbd") tally.apbd += group.count;
  else tally.self += group.count;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "id");
const byNumber = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

function toTree(groups: GroupCount[]): { totals: Tally; kecamatan: KecamatanCoverage[] } {
  const totals = emptyTally();
  const kecamatan = new Map<string, KecamatanCoverage>();
  for (const g of groups) {
    const kec = toKeyText(g.key["address.kecamatan"], "-");
    const kel = toKeyText(g.key["address.kelurahan"], "-");
    const [rw, rt] = [toKeyText(g.key["address.rw"], "-"), toKeyText(g.key["address.rt"], "-")];
    const k = kecamatan.get(kec) ?? { name: kec, kelurahan: [], ...emptyTally() };
    kecamatan.set(kec, k);
    let l = k.kelurahan.find((x) => x.name === kel);
    if (!l) k.kelurahan.push((l = { name: kel, rts: [], ...emptyTally() }));
    let r = l.rts.find((x) => x.rw === rw && x.rt === rt);
    if (!r) l.rts.push((r = { rw, rt, ...emptyTally() }));
    for (const tally of [totals, k, l, r]) add(tally, g);
  }
  const sorted = [...kecamatan.values()].sort(byName);
  for (const k of sorted) {
    k.kelurahan.sort(byName);
    for (const l of k.kelurahan) l.rts.sort((a, b) => byNumber(a.rw, b.rw) || byNumber(a.rt, b.rt));
  }
  return { totals, kecamatan: sorted };
}

function toRtHeads(groups: GroupCount[], assumptions: ReportAssumptions): CoverageReport["rtHeads"] {
  const rows = new Map<string, RtHeadsRow & { rts: Set<string>; active: Set<string> }>();
  for (const g of groups) {
    const kelurahan = toKeyText(g.key["leadsRt.kelurahan"], "-");
    const official = assumptions.rtCounts.perKelurahan[kelurahan];
    const row = rows.get(kelurahan) ?? {
      kecamatan: toKeyText(g.key["leadsRt.kecamatan"], "-"),
      kelurahan,
      rtsWithHead: 0,
      rtsWithActiveHead: 0,
      ...(official === undefined ? {} : { officialRts: official }),
      rts: new Set<string>(),
      active: new Set<string>(),
    };
    const rt = `${toKeyText(g.key["leadsRt.rw"])}/${toKeyText(g.key["leadsRt.rt"])}`;
    row.rts.add(rt);
    if (g.key.status === "active") row.active.add(rt);
    rows.set(kelurahan, row);
  }
  const list = [...rows.values()]
    .map(({ rts, active, ...row }) => ({ ...row, rtsWithHead: rts.size, rtsWithActiveHead: active.size }))
    .sort(
      (a, b) => a.kecamatan.localeCompare(b.kecamatan, "id") || a.kelurahan.localeCompare(b.kelurahan, "id"),
    );
  return {
    rows: list,
    rtsWithHead: list.reduce((sum, r) => sum + r.rtsWithHead, 0),
    officialTotal: assumptions.rtCounts.total,
    confirmed: assumptions.rtCounts.confirmed,
    source: assumptions.rtCounts.source,
  };
}

/** Which APBD group a Pemkot-funded person counts against. */
export function toApbdGroup(key: Record<string, unknown>): ApbdGroup {
  if (key.role === "rt_head" || key["occupation.code"] === "ketua_rt") return "rt_head";
  if (key["occupation.code"] === "petugas_syara") return "petugas_syara";
  return "pekerja_rentan";
}

function toQuota(groups: GroupCount[], assumptions: ReportAssumptions): QuotaRow[] {
  return apbdGroups.map((group) => {
    const target = assumptions.budget.targets.find((t) => t.group === group);
    const mine = groups.filter((g) => toApbdGroup(g.key) === group);
    const count = (status: PersonStatus) =>
      mine.filter((g) => g.key.status === status).reduce((s, g) => s + g.count, 0);
    const [active, pending] = [count("active"), count("pending")];
    const members = target?.members ?? 0;
    return {
      group,
      label: target?.label ?? group,
      target: members,
      active,
      pending,
      percent: members === 0 ? 0 : Math.round(((active + pending) / members) * 1000) / 10,
    };
  });
}

export async function computeCoverageReport(
  queries: ReportQueries,
  assumptions: ReportAssumptions,
  options: { kecamatan?: string } = {},
): Promise<CoverageReport> {
  const where = options.kecamatan ? { "address.kecamatan": options.kecamatan } : {};
  const people = await queries.groupCount("people", { ...where, status: { $in: [...countedStatuses] } }, [
    "address.kecamatan",
    "address.kelurahan",
    "address.rw",
    "address.rt",
    "status",
    "fundedBy",
  ]);
  const heads = await queries.groupCount(
    "people",
    {
      ...(options.kecamatan ? { "leadsRt.kecamatan": options.kecamatan } : {}),
      role: "rt_head",
      status: { $in: ["active", "pending"] },
    },
    ["leadsRt.kecamatan", "leadsRt.kelurahan", "leadsRt.rw", "leadsRt.rt", "status"],
  );
  const apbd = await queries.groupCount(
    "people",
    { ...where, fundedBy: "apbd", status: { $in: ["active", "pending"] } },
    ["role", "occupation.code", "status"],
  );
  return {
    ...(options.kecamatan ? { kecamatanFilter: options.kecamatan } : {}),
    ...toTree(people),
    rtHeads: toRtHeads(heads, assumptions),
    quota: toQuota(apbd, assumptions),
  };
}
