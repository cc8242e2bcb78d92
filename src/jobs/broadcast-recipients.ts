/**
 * Who a segment reaches, after the exclusions of DESIGN §6: never someone who opted out, never a
 * deceased participant, never someone who never wrote to the bot on a channel that may only answer
 * (its declared unsolicited audience), and one person on two channels (or several people sharing
 * one phone) only once, on the channel used last. Candidates come in batches (broadcast-candidates.ts); each batch costs one opt-out query.
 */
import type { Exclusions } from "../core/broadcast.port";
import type { ChannelDirectory } from "../core/channel-contract";
import type { DocumentStore } from "../core/document-store.port";
import { conversationOptOutKey, personOptOutKey, type OptOutService } from "../core/opt-out.port";
import type { Contact, PeopleRepository, PersonQuery, PersonReach } from "../core/people.port";
import type { ChannelName, Language } from "../core/messages";
import { toConversationKey } from "../core/messages";
import type { Segment } from "../domain/broadcast-segment";
import { fromJakarta } from "../domain/jakarta-time";
import type { RecipientParams } from "../storage/repositories/broadcast.repository";
import {
  createCandidateSource,
  type Candidate,
  type CandidateBatch,
  type SessionReach,
} from "./broadcast-candidates";

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

export function isDeceased(person: Pick<PersonReach, "status" | "deceasedAt"> | undefined): boolean {
  return person !== undefined && (person.status === "deceased" || person.deceasedAt !== undefined);
}

/** The people a registration-state segment selects (place, role, state, cover end date). */
export function toPersonQuery(segment: Segment): PersonQuery {
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

export const noExclusions = (): Exclusions => ({ optedOut: 0, deceased: 0, neverWrote: 0, duplicate: 0 });

type DraftName = { id?: unknown; data?: { name?: unknown; sex?: unknown; nik?: { sex?: unknown } } };

/** The name and sex a registration under way already holds (its reminder greets by name). */
function fromRegistrationDraft(
  session: SessionReach | null | undefined,
): Pick<RecipientParams, "name" | "sex"> {
  const flow = session?.flow as DraftName | undefined;
  const parked = (session?.parked as { registration?: DraftName } | undefined)?.registration;
  const data = (flow?.id === "registration" ? flow.data : parked?.data) ?? {};
  const sex = data.sex ?? data.nik?.sex;
  return {
    ...(typeof data.name === "string" ? { name: data.name } : {}),
    ...(sex === "L" || sex === "P" ? { sex } : {}),
  };
}

function toParams(
  person: PersonReach | undefined,
  session: SessionReach | null | undefined,
): RecipientParams {
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

const keyOf = (c: Contact) => toConversationKey(c.channel, c.userId);

export function createRecipientResolver(deps: {
  store: DocumentStore;
  people: PeopleRepository;
  optOuts: OptOutService;
  channels: ChannelDirectory;
}) {
  const source = createCandidateSource(deps);
  const mustHaveWritten = (contact: Contact) =>
    deps.channels.capabilitiesOf(contact.channel).unsolicited.audience === "wroteBefore";

  /** The recipients of one batch; `taken` carries the conversations already chosen across batches. */
  async function choose(
    batch: CandidateBatch,
    segment: Segment,
    taken: Set<string>,
    excluded: Exclusions,
  ): Promise<ResolvedRecipient[]> {
    const keys = batch.candidates.flatMap((c) => [
      ...(c.person ? [personOptOutKey(c.person._id)] : []),
      ...c.contacts.map(conversationOptOutKey),
    ]);
    const optedOut = await deps.optOuts.optedOutAmong(keys);
    const recipients: ResolvedRecipient[] = [];
    for (const candidate of batch.candidates) {
      const recipient = toRecipient(candidate, segment, {
        optedOut,
        taken,
        excluded,
        sessions: batch.sessions,
        mustHaveWritten,
      });
      if (recipient) recipients.push(recipient);
    }
    return recipients;
  }

  /** Every recipient once, batch by batch; `excluded` fills in as the batches go. */
  async function* resolveBatches(
    segment: Segment,
    excluded: Exclusions,
    options: { startedBefore?: Date; batchSize?: number } = {},
  ): AsyncIterable<ResolvedRecipient[]> {
    const taken = new Set<string>();
    for await (const batch of source.candidatesOf(segment, toPersonQuery(segment), options))
      yield await choose(batch, segment, taken, excluded);
  }

  async function resolve(segment: Segment, options: { startedBefore?: Date } = {}): Promise<Resolution> {
    const excluded = noExclusions();
    const recipients: ResolvedRecipient[] = [];
    for await (const batch of resolveBatches(segment, excluded, options)) recipients.push(...batch);
    return { recipients, excluded };
  }

  /** The first `size` recipients only (a preview's sample): reading stops there. */
  async function sample(segment: Segment, size: number): Promise<ResolvedRecipient[]> {
    const found: ResolvedRecipient[] = [];
    if (size <= 0) return found;
    // Small batches: a sample of 5 reads about a dozen people and their conversations.
    for await (const batch of resolveBatches(segment, noExclusions(), {
      batchSize: Math.max(2 * size, 10),
    })) {
      found.push(...batch);
      if (found.length >= size) break;
    }
    return found.slice(0, size);
  }

  /** One known contact (a claim's heir), through the same exclusions; a reason when excluded. */
  async function resolveContact(
    contact: Contact,
    fallbackLanguage: Language,
  ): Promise<ResolvedRecipient | keyof Exclusions> {
    const [session, people] = await Promise.all([
      source.findSession(keyOf(contact)),
      deps.people.findReachByContacts([contact]),
    ]);
    const person = people[0];
    if (people.some((p) => isDeceased(p))) return "deceased";
    if (await deps.optOuts.isOptedOut(contact, person?._id)) return "optedOut";
    if (mustHaveWritten(contact) && !session) return "neverWrote";
    return {
      key: person ? `person:${person._id}` : keyOf(contact),
      ...contact,
      language: session?.language ?? person?.language ?? fallbackLanguage,
      ...(person ? { personId: person._id } : {}),
      params: toParams(person, session),
    };
  }

  return { resolve, resolveBatches, sample, resolveContact };
}

type Choice = {
  /** Channels that may write only to people who wrote first (their declared audience). */
  mustHaveWritten: (contact: Contact) => boolean;
  optedOut: Set<string>;
  taken: Set<string>;
  excluded: Exclusions;
  sessions: Map<string, SessionReach>;
};

/** One candidate's recipient (its most recently used usable contact), or why there is none. */
function toRecipient(candidate: Candidate, segment: Segment, choice: Choice): ResolvedRecipient | undefined {
  const { person, contacts } = candidate;
  const { excluded, taken } = choice;
  if (isDeceased(person)) {
    excluded.deceased += 1;
    return undefined;
  }
  const personOut = person !== undefined && choice.optedOut.has(personOptOutKey(person._id));
  const usable: { contact: Contact; session: SessionReach | undefined }[] = [];
  let sawOptOut = personOut;
  let sawNeverWrote = false;
  for (const contact of contacts.filter((c) => !segment.channel || c.channel === segment.channel)) {
    const session = choice.sessions.get(keyOf(contact));
    if (personOut || choice.optedOut.has(conversationOptOutKey(contact))) sawOptOut = true;
    else if (choice.mustHaveWritten(contact) && !session) sawNeverWrote = true;
    else if (!taken.has(keyOf(contact))) usable.push({ contact, session });
    else excluded.duplicate += 1;
  }
  if (usable.length === 0) {
    if (sawOptOut) excluded.optedOut += 1;
    else if (sawNeverWrote) excluded.neverWrote += 1;
    return undefined;
  }
  usable.sort(
    (a, b) => (b.session?.lastActivityAt.getTime() ?? 0) - (a.session?.lastActivityAt.getTime() ?? 0),
  );
  const chosen = usable[0]!;
  const language = chosen.session?.language ?? person?.language ?? "id";
  if (segment.language && language !== segment.language) return undefined;
  excluded.duplicate += usable.length - 1;
  const { channel, userId } = chosen.contact;
  taken.add(keyOf(chosen.contact));
  return {
    key: person ? `person:${person._id}` : keyOf(chosen.contact),
    channel,
    userId,
    language,
    ...(person ? { personId: person._id } : {}),
    params: toParams(person, chosen.session),
    ...(chosen.session ? { lastWroteAt: chosen.session.lastActivityAt } : {}),
  };
}

export type RecipientResolver = ReturnType<typeof createRecipientResolver>;
