/**
 * Who might receive a broadcast, in batches, each read once by cursor and joined to the other
 * collection in one `$in` query per batch (never one query per person or conversation):
 * - registration states: people of the segment, with the conversations of their contacts;
 * - "chatted"/"started" without a place: conversations, with the people behind them, completed
 *   with the person's (or the phone's) other conversations so one human is one candidate;
 * - "chatted"/"started" with a place or role: people of the place, with their conversations.
 */
import { z } from "zod";
import type { DocumentStore, Filter } from "../core/document-store.port";
import { languages, channelNames, toConversationKey } from "../core/messages";
import type { Contact, PeopleRepository, PersonQuery, PersonReach } from "../core/people.port";
import { sessionsCollection } from "../core/session.store";
import type { Segment } from "../domain/broadcast-segment";

/** What the resolver reads of a conversation. */
export type SessionReach = z.infer<typeof sessionReachSchema>;

const sessionReachSchema = z.object({
  _id: z.string(),
  channel: z.enum(channelNames),
  userId: z.string(),
  language: z.enum(languages).default("id"),
  lastActivityAt: z.coerce.date(),
  phone: z.string().optional(),
  displayName: z.string().optional(),
  /** Only the registration's name and sex (projected), for greetings; read leniently. */
  flow: z.unknown().optional(),
  parked: z.unknown().optional(),
});

const sessionProjection = {
  channel: 1,
  userId: 1,
  language: 1,
  lastActivityAt: 1,
  phone: 1,
  displayName: 1,
  // A registration under way: its name and sex greet the person ("Halo Ibu Sari").
  "flow.id": 1,
  "flow.data.name": 1,
  "flow.data.sex": 1,
  "flow.data.nik.sex": 1,
  "parked.registration.data.name": 1,
  "parked.registration.data.sex": 1,
  "parked.registration.data.nik.sex": 1,
} as const;

/** One human as far as we can tell: a person, or conversations sharing a phone. */
export type Candidate = { person?: PersonReach; contacts: Contact[] };

/** A batch of candidates with the conversations known for their contacts (by conversation key). */
export type CandidateBatch = { candidates: Candidate[]; sessions: Map<string, SessionReach> };

const registrationFlowId = "registration";
const placeFields = ["kecamatan", "kelurahan", "rw", "rt", "role"] as const;

const keyOf = (c: Contact) => toConversationKey(c.channel, c.userId);

/** The latest Date there is: "started before" with no limit. */
const endOfTime = new Date(8.64e15);

/** Conversations with a registration under way (started before `startedBefore`, when given). */
function toSessionFilter(segment: Segment, startedBefore = endOfTime): Filter {
  if (segment.state !== "started") return {};
  // Ranges on the start date (both indexed) rather than $exists: only Dates fall in a Date range.
  return {
    $or: [
      { "flow.id": registrationFlowId, "flow.startedAt": { $lte: startedBefore } },
      {
        "flow.id": { $ne: registrationFlowId },
        [`parked.${registrationFlowId}.startedAt`]: { $lte: startedBefore },
      },
    ],
  };
}

export function createCandidateSource(deps: { store: DocumentStore; people: PeopleRepository }) {
  const sessions = deps.store.collection(sessionsCollection);
  const parse = (docs: unknown[]) => docs.map((doc) => sessionReachSchema.parse(doc));

  async function sessionsByKey(keys: string[], filter: Filter): Promise<SessionReach[]> {
    if (keys.length === 0) return [];
    return parse(await sessions.find({ ...filter, _id: { $in: keys } }, { projection: sessionProjection }));
  }

  /** People of a query, each with the conversations of their contacts (only those matching `filter`). */
  async function* fromPeople(
    query: PersonQuery,
    filter: Filter,
    needSession: boolean,
    batchSize: number | undefined,
  ): AsyncIterable<CandidateBatch> {
    for await (const people of deps.people.streamReach(query, batchSize ? { batchSize } : {})) {
      const keys = people.flatMap((p) => p.contacts.map(keyOf));
      const found = new Map((await sessionsByKey(keys, filter)).map((s) => [s._id, s] as const));
      const candidates = people.flatMap((person): Candidate[] => {
        const contacts = needSession ? person.contacts.filter((c) => found.has(keyOf(c))) : person.contacts;
        return needSession && contacts.length === 0 ? [] : [{ person, contacts }];
      });
      yield { candidates, sessions: found };
    }
  }

  /** The people behind conversations, by conversation key (first person when several). */
  async function peopleBehind(list: SessionReach[], into: Map<string, PersonReach>): Promise<PersonReach[]> {
    const people = await deps.people.findReachByContacts(list.filter((s) => !into.has(s._id)));
    for (const person of people)
      for (const c of person.contacts) if (!into.has(keyOf(c))) into.set(keyOf(c), person);
    return people;
  }

  /** A batch of conversations with the rest of their groups: the person's other conversations, or others with the same phone. */
  async function completeGroups(list: SessionReach[], filter: Filter) {
    const personOf = new Map<string, PersonReach>();
    await peopleBehind(list, personOf);
    const phones = [...new Set(list.filter((s) => !personOf.has(s._id) && s.phone).map((s) => s.phone!))];
    const samePhone =
      phones.length > 0
        ? parse(await sessions.find({ ...filter, phone: { $in: phones } }, { projection: sessionProjection }))
        : [];
    const more = await peopleBehind(samePhone, personOf);
    const people = new Map([...personOf.values(), ...more].map((p) => [p._id, p] as const));
    const ofPeople = await sessionsByKey(
      [...people.values()].flatMap((p) => p.contacts.map(keyOf)),
      filter,
    );
    return { personOf, known: new Map([...list, ...samePhone, ...ofPeople].map((s) => [s._id, s] as const)) };
  }

  /** Conversations matching `filter`, grouped into humans across batches (each group handled once). */
  async function* fromSessions(filter: Filter, batchSize: number | undefined): AsyncIterable<CandidateBatch> {
    const handled = new Set<string>();
    const options = { projection: sessionProjection, ...(batchSize ? { batchSize } : {}) };
    for await (const batch of sessions.stream(filter, options)) {
      const { personOf, known } = await completeGroups(parse(batch), filter);
      const groups = new Map<string, Candidate>();
      for (const session of known.values()) {
        const person = personOf.get(session._id);
        const key = person ? `person:${person._id}` : session.phone ? `phone:${session.phone}` : session._id;
        if (handled.has(key)) continue;
        const group = groups.get(key) ?? { ...(person ? { person } : {}), contacts: [] };
        group.contacts.push({ channel: session.channel, userId: session.userId });
        groups.set(key, group);
      }
      for (const key of groups.keys()) handled.add(key);
      yield { candidates: [...groups.values()], sessions: known };
    }
  }

  /** The candidates of a segment, batch by batch (`batchSize` people or conversations read at a time). */
  function candidatesOf(
    segment: Segment,
    query: PersonQuery,
    options: { startedBefore?: Date; batchSize?: number } = {},
  ) {
    const { batchSize } = options;
    if (segment.state !== "chatted" && segment.state !== "started")
      return fromPeople(query, {}, false, batchSize);
    const filter = toSessionFilter(segment, options.startedBefore);
    if (!placeFields.some((f) => segment[f])) return fromSessions(filter, batchSize);
    const place: PersonQuery = { reachable: true };
    for (const field of placeFields) {
      const value = segment[field];
      if (value) (place as Record<string, unknown>)[field] = value;
    }
    return fromPeople(place, filter, true, batchSize);
  }

  return { candidatesOf, findSession: async (key: string) => (await sessionsByKey([key], {}))[0] ?? null };
}

export type CandidateSource = ReturnType<typeof createCandidateSource>;
