/**
 * One message's worth of work on a session: runs the step (or a global command), applies the
 * step's result to the session and collects the replies. Created by the engine per message.
 */
import { matchChoice } from "./choice-match";
import { AppError } from "./errors";
import type { AnyFlow, FlowContext, StepInput, StepResult } from "./flow";
import type { EngineDeps, Interjection } from "./engine";
import { toGlobalCommand } from "./global-commands";
import type { InboundMessage, Reply } from "./messages";
import type { FlowState, Session } from "./session";
import { toCleanText } from "./text";
import { runGlobalCommand } from "./turn-commands";

const resumeOptions = [
  {
    value: "continue",
    label: "common:resume.continue" as const,
    aliases: ["lanjut", "lanjutkan", "continue", "ya", "iya"],
  },
  {
    value: "restart",
    label: "common:resume.restart" as const,
    aliases: ["mulai lagi", "ulang", "restart", "dari awal"],
  },
];

/** One message's worth of work on a session. */
export class Turn {
  readonly replies: Reply[] = [];
  readonly input: StepInput;
  constructor(
    readonly deps: EngineDeps,
    readonly session: Session,
    readonly message: InboundMessage,
    readonly now: Date,
  ) {
    const text = message.content.type === "text" ? toCleanText(message.content.text) : "";
    this.input = {
      content: message.content.type === "text" ? { type: "text", text } : message.content,
      text,
    };
  }

  get ctx(): FlowContext {
    return {
      now: this.now,
      channel: this.message.channel,
      capabilities: this.deps.services.channels.capabilitiesOf(this.message.channel),
      userId: this.message.userId,
      language: this.session.language,
      phone: this.message.phone ?? this.session.phone,
      isStaff: this.message.isStaff ?? false,
      session: this.session,
      services: this.deps.services,
      translator: this.deps.translator,
      logger: this.deps.logger,
      setLanguage: (language) => {
        this.session.language = language;
      },
      forgetConversation: () => {
        this.session.parked = {};
        this.session.context = {};
        this.session.resumePending = false;
        delete this.session.displayName;
        delete this.session.phone;
      },
      setContext: (patch) => {
        for (const [name, value] of Object.entries(patch)) {
          if (value === undefined) delete this.session.context[name];
          else this.session.context[name] = value;
        }
      },
    };
  }

  async run(silentFor: number): Promise<void> {
    const command = this.input.text ? toGlobalCommand(this.input.text) : undefined;
    if (command) {
      // A command after a long silence is clear enough: do it instead of asking whether to continue.
      this.session.resumePending = false;
      return runGlobalCommand(this, command);
    }
    const queued = this.session.queued;
    if (queued) {
      delete this.session.queued;
      this.session.resumePending = false;
      return this.startById(queued.flow, queued.data ?? {});
    }
    // Only typed text is ambiguous after a long silence; a photo, file or contact answers the step.
    const ambiguous = this.input.content.type === "text";
    if (ambiguous && this.session.flow && !this.session.resumePending && silentFor > this.deps.silenceMs) {
      this.session.resumePending = true;
      this.replies.push({ key: "common:resume.prompt", choices: resumeOptions });
      return;
    }
    if (this.session.resumePending) {
      this.session.resumePending = false;
      const picked = matchChoice(this.input.content, resumeOptions, this.deps.translator);
      if (picked === "continue") return this.prompt();
      if (picked === "restart") {
        this.session.flow = null;
        return this.prompt();
      }
    }
    return this.step();
  }

  /** The active flow and its state; the menu when none is active. */
  current(): { flow: AnyFlow; state: FlowState } {
    const state = this.session.flow;
    const flow = state ? this.deps.registry.get(state.id) : undefined;
    // A staff flow left in the session of someone no longer staff (access revoked) does not go on.
    if (state && flow && !(flow.staffOnly && !this.ctx.isStaff)) return { flow, state };
    const home = this.deps.registry.home;
    return {
      flow: home,
      state: {
        id: home.id,
        version: home.version,
        step: home.start,
        data: home.initial(this.ctx),
        history: [],
        startedAt: this.now,
      },
    };
  }

  async prompt(): Promise<void> {
    const { flow, state } = this.current();
    const step = flow.steps[state.step];
    // A state saved by an older version of the flow (e.g. resumed after a long silence).
    if (state.version !== flow.version) return this.restart(flow, state);
    if (!step)
      throw new AppError("STEP_NOT_FOUND", `Flow "${flow.id}" has no step "${state.step}"`, {
        flow: flow.id,
        step: state.step,
      });
    this.replies.push(...(await step.prompt(state.data, this.ctx)));
  }

  /** Starts the flow again with an apology: its stored state no longer fits it. */
  async restart(flow: AnyFlow, state: FlowState): Promise<void> {
    this.deps.logger.warn(
      { flow: flow.id, step: state.step, stored: state.version, current: flow.version },
      "stored flow state is outdated; restarting the flow",
    );
    this.replies.push({ key: "common:flowRestarted" });
    return this.begin(flow, undefined);
  }

  async step(): Promise<void> {
    const { flow, state } = this.current();
    const parsed = flow.data.safeParse(state.data);
    const step = flow.steps[state.step];
    if (state.version !== flow.version || !parsed.success || !step) return this.restart(flow, state);
    const result = await step.handle(this.input, parsed.data, this.ctx);
    if (result.type === "invalid") {
      const answer = await this.interjection();
      if (answer) return this.interject(answer);
    }
    return this.apply(flow, state, result);
  }

  /** What the registry's hooks make of input the step refused: a question typed, a stray file. */
  async interjection(): Promise<Interjection | null> {
    const { registry } = this.deps;
    const content = this.input.content;
    if (content.type === "media")
      return registry.onStrayMedia ? registry.onStrayMedia(content, this.ctx) : null;
    return this.input.text && registry.interject ? registry.interject(this.input.text, this.ctx) : null;
  }

  async interject(answer: Interjection): Promise<void> {
    if (!Array.isArray(answer)) {
      this.replies.push(...answer.replies);
      return this.startById(answer.start.flow, answer.start.data);
    }
    this.replies.push(...answer);
    if (this.session.flow) {
      this.replies.push({ key: "common:backToStep" });
      await this.prompt();
    }
  }

  async apply(flow: AnyFlow, state: FlowState, result: StepResult<unknown>): Promise<void> {
    switch (result.type) {
      case "next": {
        const history = state.step === result.step ? state.history : [...state.history, state.step];
        this.session.flow = { ...state, step: result.step, data: result.data, history };
        this.replies.push(...(result.replies ?? []));
        return this.prompt();
      }
      case "invalid": {
        if (result.data !== undefined && this.session.flow)
          this.session.flow = { ...state, data: result.data };
        this.replies.push(...result.replies);
        if (result.reprompt) await this.prompt();
        return;
      }
      case "stay":
        if (this.session.flow || flow !== this.deps.registry.home)
          this.session.flow = { ...state, data: result.data };
        this.replies.push(...result.replies);
        return;
      case "done":
        this.replies.push(...(result.replies ?? []));
        this.session.flow = null;
        delete this.session.parked[flow.id];
        return this.complete(flow, result.data);
      case "start": {
        this.replies.push(...(result.replies ?? []));
        return this.startById(result.flow, result.data);
      }
      case "exit":
        this.replies.push(...(result.replies ?? []));
        this.session.flow = null;
        delete this.session.parked[flow.id];
        if (result.showMenu) await this.prompt();
        return;
    }
  }

  async complete(flow: AnyFlow, data: unknown): Promise<void> {
    if (!flow.complete) return;
    const outcome = await flow.complete(data, this.ctx);
    if (Array.isArray(outcome)) {
      this.replies.push(...outcome);
      return;
    }
    return this.apply(flow, this.current().state, outcome);
  }

  /** Enters a flow by id: resumes it when it was parked half-way, refuses unknown or staff-only ones. */
  async startById(id: string, input: unknown): Promise<void> {
    const target = this.deps.registry.get(id);
    if (!target || (target.staffOnly && !this.ctx.isStaff)) {
      this.session.flow = null;
      this.replies.push({ key: "common:notAvailable" });
      return this.prompt();
    }
    this.park();
    const parked = this.session.parked[id];
    if (parked && parked.version === target.version && input === undefined) {
      delete this.session.parked[id];
      this.session.flow = parked;
      this.replies.push({ key: "common:resumed" });
      return this.prompt();
    }
    return this.begin(target, input);
  }

  async begin(flow: AnyFlow, input: unknown): Promise<void> {
    delete this.session.parked[flow.id];
    this.session.flow =
      flow === this.deps.registry.home
        ? null
        : {
            id: flow.id,
            version: flow.version,
            step: flow.start,
            data: flow.initial(this.ctx, input),
            history: [],
            startedAt: this.now,
          };
    return this.prompt();
  }

  /** Keeps the active flow's answers so the user can come back to it. */
  park(): void {
    const active = this.session.flow;
    if (active && active.id !== this.deps.registry.home.id) this.session.parked[active.id] = active;
    this.session.flow = null;
  }
}
