/**
 * Runs tasks one after another per key (one conversation), concurrently across keys,
 * so two messages from one user never race. Keys are forgotten when idle.
 */
export function createSerialQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
  };
}
export type SerialQueue = ReturnType<typeof createSerialQueue>;
