/**
 * A small middleware composer in the style of grammY's `Composer`: a turn passes through named
 * stages in order; each stage does its part and calls `next()` to hand over to the stages after
 * it, or returns without calling it to end the turn there. A new concern is one more `use()`.
 *
 * @example
 *   const pipeline = new Composer<Turn>()
 *     .use(stage("dedupe", async (turn, next) => (turn.duplicate ? undefined : next())))
 *     .use(stage("step", runStep));
 *   await pipeline.run(turn);
 */

/** Hands the turn to the rest of the pipeline; resolves when the stages after this one are done. */
export type Next = () => Promise<void>;

export type MiddlewareFn<C> = (ctx: C, next: Next) => Promise<void> | void;

/** A named middleware: the name shows in errors and tells a reader what the pipeline does. */
export type Stage<C> = { readonly name: string; readonly run: MiddlewareFn<C> };

/** Names a middleware function as a stage. */
export const stage = <C>(name: string, run: MiddlewareFn<C>): Stage<C> => ({ name, run });

const done: Next = () => Promise.resolve();

/** Runs `first`, whose `next` runs `then`; calling `next` twice is a programming error. */
export function concat<C>(first: Stage<C>, then: MiddlewareFn<C>): MiddlewareFn<C> {
  return async (ctx, next) => {
    let called = false;
    await first.run(ctx, async () => {
      if (called) throw new Error(`Stage "${first.name}" called next() twice; call it at most once per turn`);
      called = true;
      await then(ctx, next);
    });
  };
}

export class Composer<C> {
  private readonly stages: Stage<C>[] = [];
  private composed: MiddlewareFn<C> | undefined;

  /** Appends stages; they run in the order they were added. */
  use(...stages: Stage<C>[]): this {
    this.stages.push(...stages);
    this.composed = undefined;
    return this;
  }

  /** The names of the stages, in order (for documentation and tests). */
  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /** The whole pipeline as one middleware function. */
  middleware(): MiddlewareFn<C> {
    this.composed ??= this.stages.reduceRight<MiddlewareFn<C>>(
      (rest, current) => concat(current, rest),
      (_ctx, next) => next(),
    );
    return this.composed;
  }

  /** Runs the pipeline on `ctx`. */
  run(ctx: C): Promise<void> {
    return Promise.resolve(this.middleware()(ctx, done));
  }
}
