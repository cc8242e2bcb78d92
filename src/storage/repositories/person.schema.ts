/** The stored shape of a person, checked with zod when read back (people.repository.ts). */
import { z } from "zod";
import { channelNames, languages } from "../../core/messages";
import type { Person } from "../../core/people.port";

const rtRef = z.object({ kecamatan: z.string(), kelurahan: z.string(), rw: z.string(), rt: z.string() });
const contact = z.object({ channel: z.enum(channelNames), userId: z.string() });

/** Optional fields: absent stays absent (exactOptionalPropertyTypes), so no `.optional()` `undefined`. */
export const personSchema = z.object({
  _id: z.string(),
  reference: z.string(),
  status: z.enum(["draft", "pending", "active", "rejected", "inactive", "deceased", "deleted"]),
  role: z.enum(["rt_head", "worker"]),
  name: z.string(),
  nik: z.object({ cipher: z.string(), hash: z.string() }),
  birthDate: z.string(),
  sex: z.enum(["L", "P"]),
  phone: z.string().optional(),
  address: rtRef.extend({ street: z.string().optional() }),
  occupation: z.object({ code: z.string(), other: z.string().optional() }),
  leadsRt: rtRef.optional(),
  income: z.number(),
  programmes: z.array(z.enum(["JKK", "JKM", "JHT"])),
  fundedBy: z.enum(["apbd", "self"]),
  consent: z.object({
    at: z.coerce.date(),
    channel: z.enum(channelNames),
    noticeVersion: z.string(),
    givenBy: z.enum(["self", "proxy"]),
    proxyName: z.string().optional(),
  }),
  registeredBy: contact.extend({ personId: z.string().optional() }),
  contacts: z.array(contact),
  language: z.enum(languages),
  flags: z.array(z.string()),
  kpj: z.object({ cipher: z.string(), hash: z.string() }).optional(),
  membershipSince: z.string().optional(),
  membershipSource: z.enum(["bpjs_import", "staff"]).optional(),
  paidThrough: z.string().optional(),
  coverageEndsAt: z.coerce.date().optional(),
  reportedDeceased: z.object({ at: z.coerce.date(), claimReference: z.string() }).optional(),
  deceasedAt: z.coerce.date().optional(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  verifiedAt: z.coerce.date().optional(),
  verifiedBy: z.string().optional(),
  reviewNote: z.string().optional(),
  deletionRequestedAt: z.coerce.date().optional(),
  optedOut: z.boolean().optional(),
  duplicateOf: z.string().optional(),
});

/** What is stored: the person plus derived lookup fields. */
export type PersonDoc = Person & {
  /** "channel:userId" of every contact (array equality works in both stores). */
  contactKeys: string[];
  channels: string[];
  /** Lower-case prefixes (≥ 2 letters) of the name's words and the reference, for staff search. */
  search: string[];
  /** The idempotency key of the registration that created it. */
  effectKey?: string;
};

/** Removes `undefined` values zod leaves for absent optional fields. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toPerson(doc: unknown): Person {
  const parsed = personSchema.parse(doc);
  return withoutUndefined({
    ...parsed,
    address: withoutUndefined(parsed.address),
    occupation: withoutUndefined(parsed.occupation),
    consent: withoutUndefined(parsed.consent),
    registeredBy: withoutUndefined(parsed.registeredBy),
  }) as Person;
}

export function toSearchWords(person: Pick<Person, "name" | "reference">): string[] {
  const words = new Set<string>([person.reference.toLowerCase()]);
  for (const word of person.name.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    for (let end = 2; end <= word.length; end++) words.add(word.slice(0, end));
  return [...words];
}

export function toDoc(person: Person): PersonDoc {
  return {
    ...person,
    contactKeys: person.contacts.map((c) => `${c.channel}:${c.userId}`),
    channels: [...new Set(person.contacts.map((c) => c.channel))],
    search: toSearchWords(person),
  };
}
