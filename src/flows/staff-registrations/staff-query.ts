/** Reads what staff type to search registrations: a reference, "rt 22", "rw 3", a kelurahan, a name. */
import type { PersonQuery } from "../../core/people.port";
import { matchArea } from "../../domain/area-match";
import { parseReference } from "../../domain/reference";

export type StaffSearch = { type: "reference"; reference: string } | { type: "query"; query: PersonQuery };

export function toStaffSearch(text: string): StaffSearch {
  const reference = parseReference(text, "DFT");
  if (reference) return { type: "reference", reference };
  let rest = text.toLowerCase();
  const query: PersonQuery = {};
  const rt = /\brt\.?\s*0*(\d{1,3})\b/.exec(rest);
  if (rt?.[1]) {
    query.rt = rt[1];
    rest = rest.replace(rt[0], " ");
  }
  const rw = /\brw\.?\s*0*(\d{1,3})\b/.exec(rest);
  if (rw?.[1]) {
    query.rw = rw[1];
    rest = rest.replace(rw[0], " ");
  }
  // An area only when named exactly or marked ("kel. …"), so a name like "budi" is not Kel. Budiman.
  const marked = /\b(kel|kelurahan|kec|kecamatan)\b/.test(rest);
  const area = rest.trim() ? matchArea(rest) : { type: "none" as const };
  const isArea = area.type === "match" && (marked || area.confidence >= 0.99);
  if (isArea && area.entry.kind === "kelurahan") query.kelurahan = area.entry.name;
  else if (isArea) query.kecamatan = area.entry.name;
  else if (rest.trim()) query.text = rest.trim();
  return { type: "query", query };
}
