/**
 * Who a segment reaches, after the exclusions of DESIGN §6: never someone who opted out, never a
 * deceased participant, never someone who never wrote to the bot on a channel that may only answer
 * (its declared unsolicited audience), and one person on two channels (or several people sharing
 * one phone) only once, on the channel used last.
 */
import type { Exclusions } from "../core/broadcast.port";
import type { ChannelDirectory } from "../core/channel-contract";
import type { DocumentStore, Filter } from "../core/document-store.port";
import { conversationOptOutKey, personOptOutKey, type OptOutService } from "../core/opt-out.port";
import type { Contact, PeopleRepository, Person, PersonQuery } from "../core/people.port";
import type { ChannelName, Language } from "../core/messages";
import { toConversationKey } from "../core/messages";
import type { Session } from "../core/session";
import { sessionsCollection } from "../core/session.store";
import type { Segment, SegmentFilters } from "../domain/broadcast-segment";
import { fromJakarta } from "../domain/jakarta-time";
import type { RecipientParams } from "../storage/repositories/broadcast.repository";

export type ResolvedRecipient = {
  key: string;
  channel: ChannelName;
  userId: string;
  language: Language;
  personId?: string;
  params: RecipientParams;
  /** When they last wrote to the bot on this channel (for the service-window rule). */
  lastWroteAt?: Date;
};

export type Resolution = { recipients: ResolvedRecipient[]; excluded: Exclusions };

/** One human as far as we can tell: a person, or conversations sharing a phone. */
type Candidate = { person?: Person; contacts: Contact[] };

const registrationFlowId = "registration";
const pageSize = 500;

export function isDeceased(person: Person | undefined): boolean {
  return person !== undefined && (person.status === "deceased" || person.deceasedAt !== undefined);
}

function toPersonQuery(segment: Segment): PersonQuery {
  const status =
    segment.state === "pending"
      ? "pending"
      : segment.state === "registered"
        ? ["pending" as const, "active" as const]
        : "active";
  const query: PersonQuery = { status };
  for (const field of ["kecamatan", "kelurahan", "rw", "rt", "role"] as const) {
    const value = segment[field];
    if (value) (query as Record<string, unknown>)[field] = value;
  }
  if (segment.state === "coverageEnding" && segment.coverageEndsBefore) {
    const [y, m, d] = segment.coverageEndsBefore.split("-").map(Number);
    query.coverageEndsBefore = fromJakarta(y ?? 1970, m ?? 1, d ?? 1);
  }
  return query;
}

function matchesPlace(person: Person | undefined, filters: SegmentFilters): boolean {
  const wanted = (["kecamatan", "kelurahan", "rw", "rt", "role"] as const).filter((f) => filters[f]);
  if (wanted.length === 0) return true;
  if (!person) return false;
  const same = (a: string | undefined, b: string | undefined) =>
    (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
  return wanted.every((f) =>
    f === "role" ? person.role === filters.role : same(person.address[f], filters[f]),
  );
}

export function createRecipientResolver(deps: {
  store: DocumentStore;
  people: PeopleRepository;
  optOuts: OptOutService;
  channels: ChannelDirectory;
}) {
  const sessions = deps.store.collection<Session>(sessionsCollection);
  const mustHaveWritten = (contact: Contact) =>
    deps.channels.capabilitiesOf(contact.channel).unsolicited.audience === "wroteBefore";

  async function searchPeople(query: PersonQuery): Promise<Person[]> {
    const found: Person[] = [];
    for (let skip = 0; ; skip += pageSize) {
      const page = await deps.people.search(query, { limit: pageSize, skip });
      found.push(...page);
      if (page.length < pageSize) return found;
    }
  }

  /** Conversations grouped by the person behind them, or by phone when we know no person. */
  async function fromSessions(
    list: Session[],
  ): Promise<{ candidates: Candidate[]; known: Map<string, Session> }> {
    const known = new Map(list.map((s) => [s._id, s] as const));
    const groups = new Map<string, Candidate>();
    for (const session of list) {
      const contact = { channel: session.channel, userId: session.userId };
      const person = (await deps.people.findByContact(contact))[0];
      const groupKey = person
        ? `person:${person._id}`
        : session.phone
          ? `phone:${session.phone}`
          : session._id;
      const group = groups.get(groupKey) ?? { ...(person ? { person } : {}), contacts: [] };
      group.contacts.push(contact);
      groups.set(groupKey, group);
    }
    return { candidates: [...groups.values()], known };
  }

  async function candidatesFor(segment: Segment, startedBefore?: Date) {
    if (segment.state === "chatted" || segment.state === "started") {
      const filter: Filter =
        segment.state === "started"
          ? {
              $or: [
                { "flow.id": registrationFlowId },
                { [`parked.${registrationFlowId}`]: { $exists: true } },
              ],
            }
          : {};
      let list = await sessions.find(filter);
      if (startedBefore) list = list.filter((s) => registrationStartedAt(s) <= startedBefore.getTime());
      const result = await fromSessions(list);
      return {
        candidates: result.candidates.filter((c) => matchesPlace(c.person, segment)),
        known: result.known,
      };
    }
    const people = await searchPeople(toPersonQuery(segment));
    return {
      candidates: people.map((person) => ({ person, contacts: person.contacts })),
      known: new Map<string, Session>(),
    };
  }

  async function resolve(segment: Segment, options: { startedBefore?: Date } = {}): Promise<Resolution> {
    const optedOut = await deps.optOuts.optedOutKeys();
    const { candidates, known } = await candidatesFor(segment, options.startedBefore);
    const excluded: Exclusions = { optedOut: 0, deceased: 0, neverWrote: 0, duplicate: 0 };
    const taken = new Set<string>();
    const recipients: ResolvedRecipient[] = [];
    const sessionOf = async (c: Contact) =>
      known.get(toConversationKey(c.channel, c.userId)) ??
      (await sessions.findById(toConversationKey(c.channel, c.userId)));
    for (const { person, contacts } of candidates) {
      if (isDeceased(person)) {
        excluded.deceased += 1;
        continue;
      }
      const personOut = person !== undefined && optedOut.has(personOptOutKey(person._id));
      const usable: { contact: Contact; session: Session | null }[] = [];
      let sawOptOut = personOut;
      let sawNeverWrote = false;
      for (const contact of contacts.filter((c) => !segment.channel || c.channel === segment.channel)) {
        const session = await sessionOf(contact);
        if (personOut || optedOut.has(conversationOptOutKey(contact))) sawOptOut = true;
        else if (mustHaveWritten(contact) && !session) sawNeverWrote = true;
        else if (!taken.has(toConversationKey(contact.channel, contact.userId)))
          usable.push({ contact, session });
        else excluded.duplicate += 1;
      }
      if (usable.length === 0) {
        if (sawOptOut) excluded.optedOut += 1;
        else if (sawNeverWrote) excluded.neverWrote += 1;
        continue;
      }
      usable.sort(
        (a, b) => (b.session?.lastActivityAt.getTime() ?? 0) - (a.session?.lastActivityAt.getTime() ?? 0),
      );
      const chosen = usable[0]!;
      const language = chosen.session?.language ?? person?.language ?? "id";
      if (segment.language && language !== segment.language) continue;
      excluded.duplicate += usable.length - 1;
      const { channel, userId } = chosen.contact;
      taken.add(toConversationKey(channel, userId));
      recipients.push({
        key: person ? `person:${person._id}` : toConversationKey(channel, userId),
        channel,
        userId,
        language,
        ...(person ? { personId: person._id } : {}),
        params: toParams(person, chosen.session),
        ...(chosen.session ? { lastWroteAt: chosen.session.lastActivityAt } : {}),
      });
    }
    return { recipients, excluded };
  }

  /** One known contact (a claim's heir), through the same exclusions; a reason when excluded. */
  async function resolveContact(
    contact: Contact,
    fallbackLanguage: Language,
  ): Promise<ResolvedRecipient | keyof Exclusions> {
    const key = toConversationKey(contact.channel, contact.userId);
    const [session, people, optedOut] = await Promise.all([
      sessions.findById(key),
      deps.people.findByContact(contact),
      deps.optOuts.optedOutKeys(),
    ]);
    const person = people[0];
    if (people.some((p) => isDeceased(p))) return "deceased";
    if (optedOut.has(conversationOptOutKey(contact)) || (person && optedOut.has(personOptOutKey(person._id))))
      return "optedOut";
    if (mustHaveWritten(contact) && !session) return "neverWrote";
    return {
      key: person ? `person:${person._id}` : key,
      ...contact,
      language: session?.language ?? person?.language ?? fallbackLanguage,
      ...(person ? { personId: person._id } : {}),
      params: toParams(person, session),
    };
  }

  return { resolve, resolveContact };
}

function registrationStartedAt(session: Session): number {
  const state = session.flow?.id === registrationFlowId ? session.flow : session.parked[registrationFlowId];
  return state ? new Date(state.startedAt).getTime() : Number.POSITIVE_INFINITY;
}

type DraftName = { name?: unknown; sex?: unknown; nik?: { sex?: unknown } };

/** The name and sex a registration in progress already holds (its reminder greets by name). */
function fromRegistrationDraft(session: Session | null): Pick<RecipientParams, "name" | "sex"> {
  const state = session?.flow?.id === registrationFlowId ? session.flow : session?.parked[registrationFlowId];
  const data = (state?.data ?? {}) as DraftName;
  const sex = data.sex ?? data.nik?.sex;
  return {
    ...(typeof data.name === "string" ? { name: data.name } : {}),
    ...(sex === "L" || sex === "P" ? { sex } : {}),
  };
}

function toParams(person: Person | undefined, session: Session | null): RecipientParams {
  const draft = fromRegistrationDraft(session);
  const name = person?.name ?? draft.name ?? session?.displayName;
  const sex = person?.sex ?? draft.sex;
  return {
    ...(name ? { name } : {}),
    ...(sex ? { sex } : {}),
    ...(person ? { rt: person.address.rt, kelurahan: person.address.kelurahan } : {}),
    ...(person?.coverageEndsAt ? { deadline: person.coverageEndsAt } : {}),
  };
}

export type RecipientResolver = ReturnType<typeof createRecipientResolver>;
