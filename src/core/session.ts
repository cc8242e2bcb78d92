/**
 * The conversation state of one user on one channel. It survives JSON round trips and carries
 * two versions: `schemaVersion` (the shape, parsed as a zod discriminated union and migrated
 * forward one version at a time) and `version` (incremented on every save, for optimistic
 * concurrency). A shape change is a new `sessionV<n>` schema plus one small migration below.
 */
import { z } from "zod";
import { channelNames, languages, type ChannelName, type Language, type Reply } from "./messages";

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

const replySchema = z.custom<Reply>(
  (value) => typeof value === "object" && value !== null && typeof (value as Reply).key === "string",
  "a reply ({ key, params?, choices? })",
);

/** The replies of one turn, saved with the session and removed once they were sent. */
export const pendingRepliesSchema = z.object({
  /** The inbound message they answer (a redelivery of it sends them if they never went out). */
  messageId: z.string(),
  replies: z.array(replySchema),
  language: z.enum(languages),
  at: z.coerce.date(),
  /** Send attempts that failed so far. */
  attempts: z.number().int().nonnegative().default(0),
  /** Not before this time (backoff after a failed attempt). */
  dueAt: z.coerce.date(),
});
export type PendingReplies = z.infer<typeof pendingRepliesSchema>;

/** Version 1: sessions stored before `schemaVersion` existed (read as version 1). */
const sessionV1 = z.object({
  schemaVersion: z.literal(1),
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
  /** Set while a person handles the conversation (core/handoff-citizen.ts): the bot runs no flow. */
  handoff: z
    .object({
      id: z.string(),
      number: z.number().int(),
      since: z.coerce.date(),
    })
    .nullable()
    .default(null),
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

/** Version 2: the reply outbox. Replies of a turn are saved in the same write as its state. */
const sessionV2 = sessionV1.extend({
  schemaVersion: z.literal(2),
  /** Replies not yet sent, by turn (`v<version>` of the save that queued them); oldest first. */
  pending: z.record(z.string(), pendingRepliesSchema).default({}),
  /** The earliest `dueAt` among `pending` (absent when nothing waits): indexed for the drainer. */
  pendingSince: z.coerce.date().optional(),
});

/** The current shape. */
export const sessionSchema = sessionV2;
export type Session = z.infer<typeof sessionV2>;
export const currentSchemaVersion = 2;

const migrations: Record<number, (stored: Record<string, unknown>) => Record<string, unknown>> = {
  1: (v1) => ({ ...v1, schemaVersion: 2, pending: {} }),
};

const anyVersion = z.discriminatedUnion("schemaVersion", [sessionV1, sessionV2]);

/** Brings a stored document to the current version, one migration at a time. */
function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let doc: Record<string, unknown> = { schemaVersion: 1, ...raw };
  while (typeof doc.schemaVersion === "number" && doc.schemaVersion < currentSchemaVersion) {
    const step = migrations[doc.schemaVersion];
    if (!step) break;
    doc = step(anyVersion.parse(doc));
  }
  return doc;
}

export type ParsedSession = { ok: true; session: Session } | { ok: false; issues: string[] };

/** Parses a stored session of any version into the current one; what cannot be read says where. */
export function parseStoredSession(raw: unknown): ParsedSession {
  if (typeof raw !== "object" || raw === null) return { ok: false, issues: ["(not an object)"] };
  try {
    const parsed = sessionSchema.safeParse(migrate(raw as Record<string, unknown>));
    if (parsed.success) return { ok: true, session: parsed.data };
    return { ok: false, issues: parsed.error.issues.map((issue) => issue.path.join(".") || "(root)") };
  } catch (error) {
    const issues = error instanceof z.ZodError ? error.issues.map((i) => i.path.join(".")) : ["(migration)"];
    return { ok: false, issues };
  }
}

export function createSession(
  channel: ChannelName,
  userId: string,
  now: Date,
  language: Language = "id",
): Session {
  return {
    schemaVersion: 2,
    _id: `${channel}:${userId}`,
    channel,
    userId,
    language,
    version: 0,
    flow: null,
    parked: {},
    resumePending: false,
    recentMessageIds: [],
    handoff: null,
    context: {},
    createdAt: now,
    lastActivityAt: now,
    pending: {},
  };
}
