/**
 * How a PersonQuery becomes a document-store filter that the database answers in full (with the
 * indexes in peopleCollection), and what broadcasting reads of a person (PersonReach).
 */
import { z } from "zod";
import { channelNames, languages } from "../../core/messages";
import type { PersonQuery, PersonReach } from "../../core/people.port";
import type { Filter, Projection } from "../../core/document-store.port";

/** The words of a staff search: lower case, 2+ letters; a reference keeps its hyphen. */
export function toQueryWords(text: string | undefined): string[] {
  const words = (text ?? "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length >= 2);
  return [...new Set(words)];
}

function toPlaceFilter(query: PersonQuery, filter: Filter): void {
  if (query.kecamatan) filter["address.kecamatan"] = query.kecamatan;
  if (query.kelurahanIn) filter["address.kelurahan"] = { $in: [...query.kelurahanIn] };
  if (query.kelurahan) filter["address.kelurahan"] = query.kelurahan;
  if (query.rw) filter["address.rw"] = query.rw;
  if (query.rt) filter["address.rt"] = query.rt;
}

/**
 * The filter for a query. A name matches when every typed word starts a word of the name (or is
 * the reference): the stored `search` list holds every such prefix, so `$all` does it in the query.
 */
export function toPeopleFilter(query: PersonQuery): Filter {
  const filter: Filter = {};
  toPlaceFilter(query, filter);
  if (query.role) filter.role = query.role;
  if (query.status) filter.status = Array.isArray(query.status) ? { $in: query.status } : query.status;
  if (query.language) filter.language = query.language;
  if (query.channel) filter.channels = query.channel;
  if (query.coverageEndsBefore) filter.coverageEndsAt = { $lt: query.coverageEndsBefore };
  if (query.registeredByPersonId) filter["registeredBy.personId"] = query.registeredByPersonId;
  const words = toQueryWords(query.text);
  if (words.length > 0) filter.search = { $all: words };
  if (query.deceased === true) filter.$or = [{ status: "deceased" }, { deceasedAt: { $exists: true } }];
  if (query.deceased === false) filter.deceasedAt = { $exists: false };
  if (query.deceased === false && !query.status) filter.status = { $ne: "deceased" };
  if (query.optedOut !== undefined) filter.optedOut = query.optedOut ? true : { $ne: true };
  if (query.reachable !== undefined) filter["contacts.0"] = { $exists: query.reachable };
  return filter;
}

export const reachProjection: Projection = {
  status: 1,
  role: 1,
  name: 1,
  sex: 1,
  language: 1,
  contacts: 1,
  "address.kelurahan": 1,
  "address.rt": 1,
  deceasedAt: 1,
  coverageEndsAt: 1,
  optedOut: 1,
};

const reachSchema = z.object({
  _id: z.string(),
  status: z.enum(["draft", "pending", "active", "rejected", "inactive", "deceased", "deleted"]),
  role: z.enum(["rt_head", "worker"]),
  name: z.string(),
  sex: z.enum(["L", "P"]).optional(),
  language: z.enum(languages),
  contacts: z.array(z.object({ channel: z.enum(channelNames), userId: z.string() })),
  address: z.object({ kelurahan: z.string(), rt: z.string() }),
  deceasedAt: z.coerce.date().optional(),
  coverageEndsAt: z.coerce.date().optional(),
  optedOut: z.boolean().optional(),
});

/** A projected person document, checked; absent optional fields stay absent. */
export function toPersonReach(doc: unknown): PersonReach {
  const parsed = reachSchema.parse(doc);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as PersonReach;
}
