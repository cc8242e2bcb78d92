/**
 * A segment's size counted in the database, for previews of big segments: two group counts,
 * whatever the city's size (documents read: one per group). What only the conversations
 * can tell (the channel a person used last, WhatsApp users who never wrote, the session's language)
 * is approximated from the person's record: a person is counted on the channel of their newest
 * contact, in their registered language. The exact list is made when sending starts.
 */
import type { Exclusions } from "../core/broadcast.port";
import type { ChannelDirectory } from "../core/channel-contract";
import { channelNames, languages, type ChannelName, type Language } from "../core/messages";
import type { OptOutService } from "../core/opt-out.port";
import type { PeopleRepository, PersonGroup, PersonQuery } from "../core/people.port";
import type { Segment } from "../domain/broadcast-segment";
import type { DocumentStore } from "../core/document-store.port";
import { sessionsCollection } from "../core/session.store";
import { noExclusions, toPersonQuery } from "./broadcast-recipients";

export type Estimate = {
  recipients: number;
  excluded: Exclusions;
  byChannel: Partial<Record<ChannelName, number>>;
  byLanguage: Partial<Record<Language, number>>;
  /** On channels with a service window: conversations last active before it (a template is needed). */
  needTemplate: Partial<Record<ChannelName, number>>;
};

const placeFields = ["kecamatan", "kelurahan", "rw", "rt", "role"] as const;

const isChannel = (value: unknown): value is ChannelName => channelNames.includes(value as ChannelName);
const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

function add<K extends string>(counts: Partial<Record<K, number>>, key: K, by: number): void {
  counts[key] = (counts[key] ?? 0) + by;
}

const groupFields = ["channels", "language", "optedOut"] as const;
const keyOf = (g: PersonGroup) => JSON.stringify(groupFields.map((f) => g.key[f] ?? null));

/**
 * People groups by (channels, language, opted out) as recipients: one per person, on the newest
 * contact's channel; `deceased` (the same groups among the dead) are taken out first.
 */
function fromPeopleGroups(groups: PersonGroup[], deceased: PersonGroup[], segment: Segment): Estimate {
  const dead = new Map(deceased.map((g) => [keyOf(g), g.count] as const));
  const excluded = { ...noExclusions(), deceased: deceased.reduce((sum, g) => sum + g.count, 0) };
  const estimate: Estimate = { recipients: 0, excluded, byChannel: {}, byLanguage: {}, needTemplate: {} };
  for (const group of groups) {
    const { key } = group;
    const count = group.count - (dead.get(keyOf(group)) ?? 0);
    const channels = (Array.isArray(key.channels) ? key.channels : []).filter(isChannel);
    const wanted = isChannel(segment.channel) ? segment.channel : undefined;
    const channel = wanted ?? channels.at(-1);
    if (!channel || count <= 0) continue;
    if (key.optedOut === true) {
      excluded.optedOut += count;
      continue;
    }
    if (!segment.channel) excluded.duplicate += (channels.length - 1) * count;
    estimate.recipients += count;
    add(estimate.byChannel, channel, count);
    add(estimate.byLanguage, isLanguage(key.language) ? key.language : "id", count);
  }
  return estimate;
}

export function createRecipientEstimator(deps: {
  store: DocumentStore;
  people: PeopleRepository;
  optOuts: OptOutService;
  channels: ChannelDirectory;
}) {
  const sessions = deps.store.collection(sessionsCollection);

  /**
   * On channels with a service window (the Cloud API), how many would need a template: at most the
   * conversations there last active before the window (an index range on lastActivityAt).
   */
  async function withTemplates(estimate: Estimate, now: Date): Promise<Estimate> {
    for (const [channel, count] of Object.entries(estimate.byChannel) as [ChannelName, number][]) {
      const hours = deps.channels.capabilitiesOf(channel).serviceWindowHours;
      if (hours === null || count <= 0) continue;
      const before = new Date(now.getTime() - hours * 3600_000);
      const stale = await sessions.count({ lastActivityAt: { $lt: before }, channel });
      estimate.needTemplate[channel] = Math.min(count, stale);
    }
    return estimate;
  }

  async function fromPeople(segment: Segment, base: PersonQuery): Promise<Estimate> {
    const query: PersonQuery = {
      ...base,
      ...(isChannel(segment.channel) ? { channel: segment.channel } : {}),
      ...(segment.language ? { language: segment.language } : {}),
    };
    // One pass over the segment, and one over its few dead (an index on the date of death).
    const [groups, deceased] = await Promise.all([
      deps.people.countBy(query, [...groupFields]),
      deps.people.countBy({ ...query, deceased: true }, [...groupFields]),
    ]);
    return fromPeopleGroups(groups, deceased, segment);
  }

  /** Everyone who wrote: conversations per channel and language, less opted-out conversations. */
  async function fromSessions(segment: Segment): Promise<Estimate> {
    const filter = segment.channel ? { channel: segment.channel } : {};
    const groups = await sessions.groupCount(
      segment.language ? { ...filter, language: segment.language } : filter,
      ["channel", "language"],
    );
    const estimate: Estimate = {
      recipients: 0,
      excluded: noExclusions(),
      byChannel: {},
      byLanguage: {},
      needTemplate: {},
    };
    for (const { key, count } of groups) {
      if (!isChannel(key.channel)) continue;
      add(estimate.byChannel, key.channel, count);
      add(estimate.byLanguage, isLanguage(key.language) ? key.language : "id", count);
      estimate.recipients += count;
    }
    for (const channel of Object.keys(estimate.byChannel) as ChannelName[]) {
      const out = Math.min(
        estimate.byChannel[channel] ?? 0,
        await deps.optOuts.countOptedOutConversations(channel),
      );
      add(estimate.byChannel, channel, -out);
      add(estimate.byLanguage, segment.language ?? "id", -out);
      estimate.excluded.optedOut += out;
      estimate.recipients -= out;
    }
    return estimate;
  }

  /**
   * The counted size of a segment, or undefined when it has no counted form ("started": the
   * registrations under way are few, so they are always listed exactly).
   */
  async function estimate(segment: Segment, now: Date): Promise<Estimate | undefined> {
    if (segment.state === "started") return undefined;
    if (segment.state !== "chatted")
      return withTemplates(await fromPeople(segment, toPersonQuery(segment)), now);
    if (!placeFields.some((f) => segment[f])) return withTemplates(await fromSessions(segment), now);
    const place: PersonQuery = {};
    for (const field of placeFields) {
      const value = segment[field];
      if (value) (place as Record<string, unknown>)[field] = value;
    }
    return withTemplates(await fromPeople(segment, place), now);
  }

  return { estimate };
}

export type RecipientEstimator = ReturnType<typeof createRecipientEstimator>;
