/**
 * The conversation engine: given the stored session and one inbound message, it returns the
 * replies and the new session as data. It never sends, saves or logs personal data itself;
 * handle-inbound.ts does the I/O around it. The work is a pipeline of small stages
 * (core/stages/), composed like grammY middleware; `pipelineStages` lists them in order.
 */
import { Composer } from "./composer";
import type { InboundMessage, Reply } from "./messages";
import { createSession, type Session } from "./session";
import { applyResultStage } from "./stages/apply-result.stage";
import { completionStage } from "./stages/completion.stage";
import { currentStepStage } from "./stages/current-step.stage";
import { dedupeStage } from "./stages/dedupe.stage";
import { globalCommandsStage } from "./stages/global-commands.stage";
import { handoffGateStage } from "./stages/handoff-gate.stage";
import { inputLimitStage } from "./stages/input-limit.stage";
import { interjectionStage } from "./stages/interjection.stage";
import { newConversationStage, queuedFlowStage } from "./stages/queued-flow.stage";
import { resumeStage } from "./stages/resume.stage";
import { sessionResetStage } from "./stages/session-reset.stage";
import { staffShortcutsStage } from "./stages/staff-shortcuts.stage";
import { welcomeStage } from "./stages/welcome.stage";
import { createTurn, type EngineDeps, type Turn } from "./turn";

export type { EngineDeps } from "./turn";
export type { FlowRegistry, Interjection } from "./flow-registry";

/** The stages every message passes, in order. */
export const pipelineStages = [
  dedupeStage,
  welcomeStage,
  newConversationStage,
  sessionResetStage,
  inputLimitStage,
  staffShortcutsStage,
  handoffGateStage,
  globalCommandsStage,
  queuedFlowStage,
  resumeStage,
  currentStepStage,
  interjectionStage,
  applyResultStage,
  completionStage,
] as const;

/**
 * `duplicate`: the message was handled before; `session` is the stored one, unchanged, and
 * there are no replies (the inbound handler sends the earlier ones if they never went out).
 */
export type EngineResult = { session: Session; replies: Reply[]; duplicate: boolean };

export type HandleOptions = {
  /** The stored session was unreadable and `stored` is a fresh one standing in for it. */
  reset?: boolean;
};

/**
 * The copy a turn may change: the top level and the maps stages change in place (parked flows,
 * context). Everything deeper is replaced, never changed, so it is shared with `stored`.
 */
function toWorkingCopy(stored: Session): Session {
  return { ...stored, parked: { ...stored.parked }, context: { ...stored.context } };
}

export function createEngine(deps: EngineDeps) {
  const pipeline = new Composer<Turn>().use(...pipelineStages);

  async function handle(
    stored: Session | null,
    message: InboundMessage,
    now: Date,
    options: HandleOptions = {},
  ): Promise<EngineResult> {
    const session = stored
      ? toWorkingCopy(stored)
      : createSession(message.channel, message.userId, now, deps.defaultLanguage);
    const silentFor = now.getTime() - session.lastActivityAt.getTime();
    if (message.phone) session.phone = message.phone;
    if (message.displayName) session.displayName = message.displayName;
    const turn = createTurn(deps, session, message, now, {
      isNew: !stored,
      reset: options.reset ?? false,
      silentFor,
    });
    await pipeline.run(turn);
    if (turn.duplicate) return { session: stored ?? session, replies: [], duplicate: true };
    session.lastActivityAt = now;
    session.version += 1;
    return { session, replies: turn.replies, duplicate: false };
  }

  return { handle, stages: pipeline.names };
}

export type Engine = ReturnType<typeof createEngine>;
