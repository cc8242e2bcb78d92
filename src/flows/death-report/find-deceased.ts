/**
 * Matches the deceased the heir describes against registrations: by NIK (keyed hash), by KPJ
 * number (keyed hash) or registration reference, or by name among the registered residents of
 * the kelurahan and RT given, found by the store's indexed equality query (never a first-N cut of
 * a city-wide name search). Names are compared with typo tolerance; a NIK or number match also
 * needs the name to fit, so a typo in a number never points at someone else.
 */
import type { FlowContext } from "../../core/flow";
import type { Person } from "../../core/people.port";
import { kotaJambiAreas } from "../../domain/area-match";
import { namesShareWord, toNameScore } from "../../domain/name-match";
import { parseReference, registrationPrefix } from "../../domain/reference";
import { countLookup } from "../claims/lookup-limits";
import type { DeathReportData } from "./death-report.data";

/** Residents of one RT read at most (an RT has a few hundred people; this only bounds a bad query). */
const maxInRt = 2_000;

async function byNumber(data: DeathReportData, ctx: FlowContext): Promise<Person | null> {
  const { people, vault } = ctx.services;
  if (data.deceasedNik) return people.findByNikHash(data.deceasedNik.hash);
  if (!data.kpj) return null;
  const typed = vault.open(data.kpj);
  const reference = parseReference(typed, registrationPrefix);
  return reference ? people.findByReference(reference) : people.findByKpjHash(data.kpj.hash);
}

/** The one resident of the RT whose name fits best; none when nobody or several fit equally. */
async function byNameInRt(data: DeathReportData, ctx: FlowContext): Promise<Person | null> {
  if (!data.deceasedName || !data.kelurahan || !data.rt) return null;
  const area = kotaJambiAreas.find((a) => a.kind === "kelurahan" && a.name === data.kelurahan);
  const kecamatan = area ? kotaJambiAreas.find((a) => a.code === area.kecamatan)?.name : undefined;
  const residents = await ctx.services.people.search(
    { ...(kecamatan ? { kecamatan } : {}), kelurahan: data.kelurahan, rt: data.rt },
    { limit: maxInRt },
  );
  const scored = residents
    .filter((p) => p.status !== "deleted")
    .map((person) => ({ person, score: toNameScore(data.deceasedName ?? "", person.name) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  return best && (!second || second.score < best.score) ? best.person : null;
}

export type DeceasedLookup =
  | { type: "found"; person: Person }
  | { type: "notFound" }
  /** A registration has that number but another name: staff check it. */
  | { type: "nameMismatch"; person: Person };

export async function findDeceased(data: DeathReportData, ctx: FlowContext): Promise<DeceasedLookup> {
  if (!data.deceasedNik && !data.kpj) {
    const person = await byNameInRt(data, ctx);
    return person ? { type: "found", person } : { type: "notFound" };
  }
  const person = await byNumber(data, ctx);
  if (!person || person.status === "deleted") return { type: "notFound" };
  if (!namesShareWord(data.deceasedName ?? "", person.name)) return { type: "nameMismatch", person };
  return { type: "found", person };
}

/** Whether a lookup may run (rate limits); the target is the NIK/KPJ hash or the name within the RT. */
export async function isLookupAllowed(data: DeathReportData, ctx: FlowContext): Promise<boolean> {
  const target =
    data.deceasedNik?.hash ??
    data.kpj?.hash ??
    ctx.services.vault.hash(
      `${data.kelurahan ?? ""}|${data.rt ?? ""}|${data.deceasedName ?? ""}`.toLowerCase(),
    );
  return countLookup(ctx, "deathLookup", target);
}
