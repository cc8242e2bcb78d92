/**
 * The hand-off gate: while a person (the staff inbox) handles a conversation, the bot runs no
 * flow. The message is kept in the hand-off (once, under the turn's effect key, even when
 * redelivered), staff are told through the outbox, and the citizen gets the acknowledgement as
 * the turn's reply; "menu" and "batal" end the hand-off and go on to the bot. A request for a
 * person ("bicara dengan petugas") opens one; two failed turns in a row too (counted after the
 * stages below ran). `EngineDeps.isHandedOff` decides; without it (no staff inbox) this stage
 * only passes the turn on. See core/handoff-citizen.ts.
 */
import { stage } from "../composer";
import { toGlobalCommand } from "../global-commands";
import { openHandoff, runHandoffGate, toHandoffTurn } from "../handoff-citizen";
import { isHandoffRequest, trackFailures } from "../handoff-request";
import type { Turn } from "../turn";

export const handoffGateStage = stage<Turn>("hand-off gate", async (turn, next) => {
  const isHandedOff = turn.deps.isHandedOff;
  if (!isHandedOff) return next();
  const handoff = toHandoffTurn(turn);
  const text = turn.input.text;
  const command = text ? toGlobalCommand(text) : undefined;
  if (isHandedOff(turn.session) && (await runHandoffGate(handoff, command))) return;
  if (!command && text && isHandoffRequest(text, turn.ctx.isStaff)) {
    turn.session.resumePending = false;
    return openHandoff(handoff, "asked");
  }
  await next();
  await trackFailures(handoff);
});
