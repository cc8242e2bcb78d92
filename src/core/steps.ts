/**
 * Step builders flow authors use: `ask` (parse free text), `choose` (numbered options),
 * `confirm` (yes/no). Each re-asks with a reason on bad input and never throws for it.
 */
import type { z } from "zod";
import type { I18nKey } from "../i18n/keys";
import { matchChoice, type ChoiceOption } from "./choice-match";
import { matchConfirm, noAliases, yesAliases } from "./confirm-answer";
import type { FlowContext, Step, StepInput, StepResult } from "./flow";
import { invalid } from "./flow";
import type { Params, Reply } from "./messages";

/** Result of parsing user input: a value, or a reason code naming what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; params?: Params };

export type Parser<T> = (text: string, ctx: FlowContext) => Parsed<T>;

type PromptSpec<D> = I18nKey | ((data: D, ctx: FlowContext) => Reply | Reply[]);

function toReplies<D>(prompt: PromptSpec<D>, data: D, ctx: FlowContext): Reply[] {
  if (typeof prompt === "string") return [{ key: prompt }];
  const result = prompt(data, ctx);
  return Array.isArray(result) ? result : [result];
}

/** Turns a zod schema into a parser whose reason is the first issue's message. */
export function fromSchema<T>(schema: z.ZodType<T>): Parser<T> {
  return (text) => {
    const result = schema.safeParse(text);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, reason: result.error.issues[0]?.message ?? "invalid" };
  };
}

/** A free-text question. `invalid` gets the parser's reason and returns the key to explain it. */
export function ask<D, T>(spec: {
  prompt: PromptSpec<D>;
  parse: Parser<T> | z.ZodType<T>;
  invalid: I18nKey | ((reason: string, data: D) => I18nKey);
  onAnswer: (value: T, data: D, ctx: FlowContext, input: StepInput) => StepResult<D> | Promise<StepResult<D>>;
  /** Handle non-text input (a shared contact, a photo) before parsing. */
  onOther?: (
    input: StepInput,
    data: D,
    ctx: FlowContext,
  ) => StepResult<D> | Promise<StepResult<D>> | undefined;
  requestContact?: boolean;
  help?: I18nKey;
  /** Longest answer this step parses (see `Step.maxTextLength`). */
  maxTextLength?: number;
}): Step<D> {
  const parse: Parser<T> = typeof spec.parse === "function" ? spec.parse : fromSchema(spec.parse);
  return {
    ...(spec.help ? { help: spec.help } : {}),
    ...(spec.maxTextLength ? { maxTextLength: spec.maxTextLength } : {}),
    prompt: (data, ctx) => {
      const replies = toReplies(spec.prompt, data, ctx);
      if (!spec.requestContact) return replies;
      return replies.map((r, i) => (i === replies.length - 1 ? { ...r, requestContact: true } : r));
    },
    handle: async (input, data, ctx) => {
      const other = spec.onOther?.(input, data, ctx);
      if (other) return other;
      const parsed = parse(input.text, ctx);
      if (!parsed.ok) {
        const key = typeof spec.invalid === "function" ? spec.invalid(parsed.reason, data) : spec.invalid;
        return invalid({ key, ...(parsed.params ? { params: parsed.params } : {}) }, { reprompt: false });
      }
      return spec.onAnswer(parsed.value, data, ctx, input);
    },
  };
}

/** Numbered options; a press, the number or the label typed loosely all work. */
export function choose<D>(spec: {
  prompt: PromptSpec<D>;
  options: readonly ChoiceOption[] | ((data: D, ctx: FlowContext) => readonly ChoiceOption[]);
  onChoice: (value: string, data: D, ctx: FlowContext) => StepResult<D> | Promise<StepResult<D>>;
  /** Called for text that picks no option; default: "please pick one of the numbers". */
  onOther?: (input: StepInput, data: D, ctx: FlowContext) => StepResult<D> | Promise<StepResult<D>>;
  invalid?: I18nKey;
  help?: I18nKey;
  /** Longest text this step parses, `onOther` included (see `Step.maxTextLength`). */
  maxTextLength?: number;
  /** False: an option's word inside a sentence does not pick it (the sentence goes to onOther). */
  inSentence?: boolean;
}): Step<D> {
  const optionsFor = (data: D, ctx: FlowContext) =>
    typeof spec.options === "function" ? spec.options(data, ctx) : spec.options;
  return {
    ...(spec.help ? { help: spec.help } : {}),
    ...(spec.maxTextLength ? { maxTextLength: spec.maxTextLength } : {}),
    prompt: (data, ctx) => {
      const replies = toReplies(spec.prompt, data, ctx);
      const choices = optionsFor(data, ctx).map(({ value, label, params }) => ({
        value,
        label,
        ...(params ? { params } : {}),
      }));
      return replies.map((r, i) => (i === replies.length - 1 ? { ...r, choices } : r));
    },
    handle: (input, data, ctx) => {
      const options = optionsFor(data, ctx);
      const value = matchChoice(input.content, options, ctx.translator, spec.inSentence ?? true);
      if (value !== undefined) return spec.onChoice(value, data, ctx);
      if (spec.onOther && !/^\d{1,2}[.)]?$/.test(input.text)) return spec.onOther(input, data, ctx);
      return invalid(
        { key: spec.invalid ?? "common:choice.invalid", params: { count: options.length } },
        { reprompt: true },
      );
    },
  };
}

export { matchConfirm, noAliases, yesAliases } from "./confirm-answer";

/** Yes/no question; "ya", "iya", "y", "1" and "tidak", "gak", "2" all work; see matchConfirm. */
export function confirm<D>(spec: {
  prompt: PromptSpec<D>;
  yes?: I18nKey;
  no?: I18nKey;
  onYes: (data: D, ctx: FlowContext) => StepResult<D> | Promise<StepResult<D>>;
  onNo: (data: D, ctx: FlowContext) => StepResult<D> | Promise<StepResult<D>>;
  help?: I18nKey;
  /** The yes records a legal act (consent, deletion, withdrawal, claim submission): strictest reading. */
  legal?: boolean;
}): Step<D> {
  const options: ChoiceOption[] = [
    { value: "yes", label: spec.yes ?? "common:yes", aliases: yesAliases },
    { value: "no", label: spec.no ?? "common:no", aliases: noAliases },
  ];
  const step = choose<D>({
    prompt: spec.prompt,
    options,
    onChoice: (value, data, ctx) => (value === "yes" ? spec.onYes(data, ctx) : spec.onNo(data, ctx)),
    ...(spec.help ? { help: spec.help } : {}),
  });
  return {
    ...step,
    handle: (input, data, ctx) => {
      const answer = matchConfirm(input.content, options, ctx.translator, spec.legal === true);
      if (answer === "yes") return spec.onYes(data, ctx);
      if (answer === "no") return spec.onNo(data, ctx);
      return invalid(
        {
          key: "common:confirm.unclear",
          params: { yes: ctx.translator.t(ctx.language, spec.yes ?? "common:yes") },
        },
        { reprompt: true },
      );
    },
  };
}
