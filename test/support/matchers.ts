/** `expect(reply).toHaveKey("ns:key")` for Reply data. */
import type { Reply } from "../../src/core/messages";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toHaveKey(key: string): R;
    }
  }
}

expect.extend({
  toHaveKey(received: Reply | undefined, key: string) {
    const pass = received?.key === key;
    return {
      pass,
      message: () =>
        `expected reply ${pass ? "not " : ""}to have key ${key}, got ${received ? received.key : "no reply"}`,
    };
  },
});
