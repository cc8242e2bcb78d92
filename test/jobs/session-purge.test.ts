import { createSessionPurge } from "../../src/jobs/session-purge.job";
import { silentLogger } from "../../src/security/pino.logger";
import { createTestChat } from "../support/test-chat";

describe("session retention", () => {
  it("forgets a conversation after the configured days of silence, and only then", async () => {
    const chat = createTestChat();
    await chat.says("daftar");
    const purge = createSessionPurge({
      sessions: chat.app.services.sessions,
      clock: chat.clock,
      logger: silentLogger,
      ttlDays: 90,
    });
    chat.clock.advance(89 * 86_400_000);
    expect(await purge.run()).toBe(0);
    expect(await chat.session()).not.toBeNull();
    chat.clock.advance(2 * 86_400_000);
    expect(await purge.run()).toBe(1);
    expect(await chat.session()).toBeNull();
    await chat.says("halo");
    expect(chat.keys()[0]).toBe("common:welcome");
  });
});
