/**
 * Looks for hand-offs nobody answered in time (HANDOFF_ESCALATE_MINUTES of office time) and tells
 * the supervisors, every `checkMs`. Marking a hand-off escalated is atomic, so two bot processes
 * never tell twice.
 */
import { escalateLateHandoffs } from "../core/handoff-escalation";
import type { Services } from "../core/services";

export function createHandoffEscalation(services: Services, checkMs = 60_000) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const check = () => {
    running = escalateLateHandoffs(services).catch((error: unknown) =>
      services.logger.error({ err: error }, "hand-off escalation check failed"),
    );
    return running;
  };
  return {
    check,
    async start() {
      await check();
      timer = setInterval(() => void check(), checkMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
