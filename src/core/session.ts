/**
 * The conversation state of one user on one channel. It survives JSON round trips,
 * is parsed with zod when loaded and carries a version for optimistic concurrency.
 */
import { z } from "zod";
import { channelNames, languages, type ChannelName, type Language } from "./messages";

export const flowStateSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  step: z.string(),
  data: z.unknown(),
  /** Steps visited before this one, for "kembali". */
  history: z.array(z.string()).default([]),
  startedAt: z.coerce.date(),
});
export type FlowState = z.infer<typeof flowStateSchema>;

export const sessionSchema = z.object({
  _id: z.string(),
  channel: z.enum(channelNames),
  userId: z.string(),
  language: z.enum(languages).default("id"),
  /** Incremented on every save; a save with a stale version is refused. */
  version: z.number().int().nonnegative(),
  flow: flowStateSchema.nullable().default(null),
  /** Flows left half-way with "menu" or another flow; resumed when the user comes back to them. */
  parked: z.record(z.string(), flowStateSchema).default({}),
  /** Set when a long silence made the bot ask "lanjutkan atau mulai lagi?". */
  resumePending: z.boolean().default(false),
  phone: z.string().optional(),
  displayName: z.string().optional(),
  /** The last message ids handled, newest last: a redelivered message is dropped. */
  recentMessageIds: z.array(z.string()).default([]),
  /**
   * A flow someone else queued for this conversation (e.g. "are you well?" after a death report
   * about this person): it starts at the user's next message that is no global command.
   */
  queued: z.object({ flow: z.string(), data: z.unknown(), at: z.coerce.date() }).optional(),
  /** Conversation context flows and nlu keep between turns (last topic, last calculation…). */
  context: z.record(z.string(), z.unknown()).default({}),
  createdAt: z.coerce.date(),
  lastActivityAt: z.coerce.date(),
});
export type Session = z.infer<typeof sessionSchema>;

export function createSession(
  channel: ChannelName,
  userId: string,
  now: Date,
  language: Language = "id",
): Session {
  return {
    _id: `${channel}:${userId}`,
    channel,
    userId,
    language,
    version: 0,
    flow: null,
    parked: {},
    resumePending: false,
    recentMessageIds: [],
    context: {},
    createdAt: now,
    lastActivityAt: now,
  };
}
