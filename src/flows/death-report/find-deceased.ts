/**
 * Matches the deceased the heir describes against registrations: by NIK (keyed hash), by the
 * registration reference or KPJ number, or by name + kelurahan + RT. A NIK or reference match also
 * needs the name to fit, so a typo in a number never points at someone else.
 */
import { distance } from "fastest-levenshtein";
import type { FlowContext } from "../../core/flow";
import type { Person } from "../../core/people.port";
import { toComparable } from "../../core/text";
import { toRtRwNumber } from "../../domain/rt-rw";
import type { DeathReportData } from "./death-report.data";

/** Loose name equality: same words, a shared word of 3+ letters, or a small typo. */
export function namesMatch(a: string, b: string): boolean {
  const left = toComparable(a);
  const right = toComparable(b);
  if (left === "" || right === "") return false;
  if (left === right || distance(left, right) <= 2) return true;
  const words = new Set(left.split(" ").filter((w) => w.length >= 3));
  return right.split(" ").some((w) => words.has(w));
}

/** RT numbers compared as registrations store them ("05" → "5"); kelurahan names without case or punctuation. */
const toRtNumber = (rt: string): string => toRtRwNumber(rt) ?? rt.trim();

async function candidate(data: DeathReportData, ctx: FlowContext): Promise<Person | null> {
  const { people } = ctx.services;
  if (data.identifyBy === "nik" && data.deceasedNik) return people.findByNikHash(data.deceasedNik.hash);
  if (data.identifyBy === "kpj" && data.kpj) return people.findByReference(ctx.services.vault.open(data.kpj));
  if (!data.deceasedName || !data.kelurahan || !data.rt) return null;
  const found = await people.search({ text: data.deceasedName }, { limit: 50 });
  const kelurahan = toComparable(data.kelurahan);
  const rt = toRtNumber(data.rt);
  const inRt = found.filter(
    (p) => toComparable(p.address.kelurahan) === kelurahan && toRtNumber(p.address.rt) === rt,
  );
  return inRt.length === 1 ? (inRt[0] ?? null) : null;
}

export type DeceasedLookup =
  | { type: "found"; person: Person }
  | { type: "notFound" }
  /** A registration has that number but another name: staff check it. */
  | { type: "nameMismatch"; person: Person };

export async function findDeceased(data: DeathReportData, ctx: FlowContext): Promise<DeceasedLookup> {
  const person = await candidate(data, ctx);
  if (!person || person.status === "deleted") return { type: "notFound" };
  if (!namesMatch(person.name, data.deceasedName ?? "")) return { type: "nameMismatch", person };
  return { type: "found", person };
}
