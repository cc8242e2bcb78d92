/**
 * Moving a turn through flows: which flow is current, asking its step, starting, parking and
 * resuming flows, and applying what a step decided. The stages share these; none of them is a
 * stage itself.
 */
import { AppError } from "./errors";
import type { AnyFlow, StepResult } from "./flow";
import { openHandoff, toHandoffTurn } from "./handoff-citizen";
import { handoffFlowId } from "./handoff-request";
import type { FlowState } from "./session";
import { mayEnter, type Turn } from "./turn";

/** The active flow and its state; the menu when none is active. */
export function toCurrent(turn: Turn): { flow: AnyFlow; state: FlowState } {
  const { registry } = turn.deps;
  const state = turn.session.flow;
  const flow = state ? registry.get(state.id) : undefined;
  // A staff flow left in the session of someone no longer staff (access revoked) does not go on.
  if (state && flow && mayEnter(turn, flow)) return { flow, state };
  const home = registry.home;
  return {
    flow: home,
    state: {
      id: home.id,
      version: home.version,
      step: home.start,
      data: home.initial(turn.ctx),
      history: [],
      startedAt: turn.now,
    },
  };
}

/** Asks the current step's question. */
export async function prompt(turn: Turn): Promise<void> {
  const { flow, state } = toCurrent(turn);
  const step = flow.steps[state.step];
  // A state saved by an older version of the flow (e.g. resumed after a long silence).
  if (state.version !== flow.version) return restart(turn, flow, state);
  if (!step)
    throw new AppError("STEP_NOT_FOUND", `Flow "${flow.id}" has no step "${state.step}"`, {
      flow: flow.id,
      step: state.step,
    });
  turn.replies.push(...(await step.prompt(state.data, turn.ctx)));
}

/** Starts the flow again with an apology: its stored state no longer fits it. */
export async function restart(turn: Turn, flow: AnyFlow, state: FlowState): Promise<void> {
  turn.deps.logger.warn(
    { flow: flow.id, step: state.step, stored: state.version, current: flow.version },
    "stored flow state is outdated; restarting the flow",
  );
  turn.replies.push({ key: "common:flowRestarted" });
  return begin(turn, flow, undefined);
}

export async function begin(turn: Turn, flow: AnyFlow, input: unknown): Promise<void> {
  const { session } = turn;
  delete session.parked[flow.id];
  session.flow =
    flow === turn.deps.registry.home
      ? null
      : {
          id: flow.id,
          version: flow.version,
          step: flow.start,
          data: flow.initial(turn.ctx, input),
          history: [],
          startedAt: turn.now,
        };
  return prompt(turn);
}

/** Keeps the active flow's answers so the user can come back to it. */
export function park(turn: Turn): void {
  const { session } = turn;
  const active = session.flow;
  if (active && active.id !== turn.deps.registry.home.id) session.parked[active.id] = active;
  session.flow = null;
}

/** Enters a flow by id: resumes it when it was parked half-way, refuses unknown or staff-only ones. */
export async function startById(turn: Turn, id: string, input: unknown): Promise<void> {
  const { session } = turn;
  // The answerer's "handoff" (a person asked for in other words, "Bukan, hubungi petugas").
  if (id === handoffFlowId && turn.deps.isHandedOff) return openHandoff(toHandoffTurn(turn), "asked");
  const target = turn.deps.registry.get(id);
  if (!target || !mayEnter(turn, target)) {
    session.flow = null;
    turn.replies.push({ key: "common:notAvailable" });
    return prompt(turn);
  }
  park(turn);
  const parked = session.parked[id];
  if (parked && parked.version === target.version && input === undefined) {
    delete session.parked[id];
    session.flow = parked;
    turn.replies.push({ key: "common:resumed" });
    return prompt(turn);
  }
  return begin(turn, target, input);
}

/** Leaves the flow: no active flow, and its parked answers forgotten. */
function leave(turn: Turn, flow: AnyFlow): void {
  turn.session.flow = null;
  delete turn.session.parked[flow.id];
}

/**
 * Applies what a step (or `complete`) decided. A finished flow ("done") is left and handed to
 * the completion stage through `turn.completing`.
 */
export async function applyResult(
  turn: Turn,
  flow: AnyFlow,
  state: FlowState,
  result: StepResult<unknown>,
): Promise<void> {
  const { session, replies } = turn;
  switch (result.type) {
    case "next": {
      const history = state.step === result.step ? state.history : [...state.history, state.step];
      session.flow = { ...state, step: result.step, data: result.data, history };
      replies.push(...(result.replies ?? []));
      return prompt(turn);
    }
    case "invalid":
      if (result.data !== undefined && session.flow) session.flow = { ...state, data: result.data };
      replies.push(...result.replies);
      if (result.reprompt) await prompt(turn);
      return;
    case "stay":
      if (session.flow || flow !== turn.deps.registry.home) session.flow = { ...state, data: result.data };
      replies.push(...result.replies);
      return;
    case "done":
      replies.push(...(result.replies ?? []));
      leave(turn, flow);
      turn.completing = { flow, data: result.data };
      return;
    case "start":
      replies.push(...(result.replies ?? []));
      return startById(turn, result.flow, result.data);
    case "exit":
      replies.push(...(result.replies ?? []));
      leave(turn, flow);
      if (result.showMenu) await prompt(turn);
      return;
  }
}
