/**
 * Flows as data. A flow is one file: an id, a version, a zod schema of the data it collects,
 * and steps that parse input and return what happens next. Steps are pure unless they say
 * otherwise; I/O goes through `ctx.services` (ports) in `complete` or explicitly effectful steps.
 *
 * @example
 * export const greetFlow = defineFlow({
 *   id: "greet", version: 1, start: "askName", data: z.object({ name: z.string().optional() }), initial: () => ({}),
 *   steps: {
 *     askName: ask({ prompt: "greet:askName.prompt", parse: parseName, invalid: "greet:askName.invalid",
 *       onAnswer: (name, data) => done({ ...data, name }) }),
 *   },
 *   complete: (data) => [reply("greet:done", { name: data.name })],
 * });
 */
import type { z } from "zod";
import type { I18nKey } from "../i18n/keys";
import type { ChannelCapabilities } from "./channel-contract";
import type { ChannelName, InboundContent, Language, Reply } from "./messages";
import type { Logger, Translator } from "./ports";
import type { Session } from "./session";
import type { Services } from "./services";
import type { StaffPrincipal } from "./staff.port";
import { can, type StaffPermission } from "../domain/staff-roles";

/** What a step sees of the world. */
export type FlowContext = {
  now: Date;
  channel: ChannelName;
  /** What the user's channel can do; ask this instead of comparing channel names. */
  capabilities: ChannelCapabilities;
  userId: string;
  language: Language;
  /** The user's phone in E.164 when the channel told us (WhatsApp sender, shared contact). */
  phone: string | undefined;
  /** True for staff (an account linked to this chat, or the local operator). */
  isStaff: boolean;
  /** The staff account behind the chat, with its role and kelurahan scope. */
  staff: StaffPrincipal | null;
  session: Readonly<Session>;
  services: Services;
  translator: Translator;
  logger: Logger;
  /**
   * The idempotency key of one side effect of this message, e.g. `ctx.effectKey("person")`: the
   * same on a retry, a redelivery or another instance. Pass it to every repository write, which
   * then returns the record already written instead of writing it twice, so the step gives the
   * same reply. Use one purpose per write (`"consent"`, `"audit"`, `"document"`).
   */
  effectKey: (purpose: string) => string;
  /** Switches the user's language for this and later replies. */
  setLanguage: (language: Language) => void;
  /**
   * Merges entries into `session.context` (kept between turns, e.g. the last topic or calculation
   * for follow-up questions); an `undefined` value removes the entry. Saved with the session.
   */
  setContext: (patch: Record<string, unknown>) => void;
  /**
   * Erasure: this conversation forgets its user (other flows left half-way, context, the name and
   * phone the channel gave), keeping only the chat it belongs to and the language. The active
   * flow ends with the step's result as usual.
   */
  forgetConversation: () => void;
};

export type StepInput = {
  content: InboundContent;
  /** The text typed (trimmed), or "" for non-text input. */
  text: string;
};

export type StepResult<D> =
  | { type: "next"; step: string; data: D; replies?: Reply[] }
  | { type: "invalid"; replies: Reply[]; reprompt?: boolean; data?: D }
  | { type: "stay"; data: D; replies: Reply[] }
  | { type: "done"; data: D; replies?: Reply[] }
  | { type: "start"; flow: string; data?: unknown; replies?: Reply[] }
  | { type: "exit"; replies?: Reply[]; showMenu?: boolean };

export type Step<D> = {
  prompt: (data: D, ctx: FlowContext) => Reply[] | Promise<Reply[]>;
  handle: (input: StepInput, data: D, ctx: FlowContext) => StepResult<D> | Promise<StepResult<D>>;
  /** Shown on "bantuan" at this step; defaults to `<flow>:<step>.help` when that key exists. */
  help?: I18nKey;
  /**
   * Longest text this step parses (characters), when it is shorter than the bot-wide limit: an
   * answer that can only be short (an area, a search) and a parser that gets slow on long text.
   * Longer text is refused before the step sees it, with "please send it shorter".
   */
  maxTextLength?: number;
};

/** What `complete` may return: replies (back home), or a hand-over to another flow. */
export type CompleteResult = Reply[] | Extract<StepResult<never>, { type: "start" | "exit" }>;

export type Flow<D = unknown> = {
  id: string;
  /** Bump when step ids or the data shape change; stored state of another version restarts the flow. */
  version: number;
  start: string;
  data: z.ZodType<D>;
  initial: (ctx: FlowContext, input?: unknown) => D;
  steps: Record<string, Step<D>>;
  complete?: (data: D, ctx: FlowContext) => CompleteResult | Promise<CompleteResult>;
  /** Only staff may enter; others are told nothing exists. */
  staffOnly?: boolean;
  /** What a staff member's role must allow to enter (domain/staff-roles.ts); any staff when absent. */
  permission?: StaffPermission;
  /** Label in the staff menu (staff-only flows that staff start from the menu). */
  staffMenuLabel?: I18nKey;
};

/** Erased flow type for registries. */
export type AnyFlow = Flow<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Whether someone may enter a flow: anyone for a citizen flow; staff whose role allows it for a staff flow. */
export function canEnter(
  flow: Pick<AnyFlow, "staffOnly" | "permission">,
  staff: StaffPrincipal | null,
): boolean {
  if (!flow.staffOnly) return true;
  return staff !== null && (!flow.permission || can(staff.role, flow.permission));
}

export function defineFlow<D>(flow: Flow<D>): Flow<D> {
  if (!(flow.start in flow.steps))
    throw new Error(`Flow "${flow.id}": start step "${flow.start}" is not among its steps`);
  return flow;
}

export const next = <D>(step: string, data: D, replies?: Reply[]): StepResult<D> => ({
  type: "next",
  step,
  data,
  ...(replies ? { replies } : {}),
});
export const invalid = <D = never>(
  replies: Reply | Reply[],
  options: { reprompt?: boolean; data?: D } = {},
): StepResult<D> => ({
  type: "invalid",
  replies: Array.isArray(replies) ? replies : [replies],
  ...options,
});
export const stay = <D>(data: D, replies: Reply[]): StepResult<D> => ({ type: "stay", data, replies });
export const done = <D>(data: D, replies?: Reply[]): StepResult<D> => ({
  type: "done",
  data,
  ...(replies ? { replies } : {}),
});
export const startFlow = <D = never>(flow: string, data?: unknown, replies?: Reply[]): StepResult<D> => ({
  type: "start",
  flow,
  ...(data === undefined ? {} : { data }),
  ...(replies ? { replies } : {}),
});
export const exit = <D = never>(replies?: Reply[], showMenu = false): StepResult<D> => ({
  type: "exit",
  showMenu,
  ...(replies ? { replies } : {}),
});
