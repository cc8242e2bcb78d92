/**
 * Staff alerts (core/attempts.port.ts): every alert is audited and logged as a warning; staff
 * contacts (STAFF_TELEGRAM_IDS, STAFF_WHATSAPP_NUMBERS) get a message, at most `maxMessagesPerHour`
 * per process so an attack across many accounts cannot flood their chats (the audit keeps all).
 */
import type { StaffAlert, StaffAlerts } from "../core/attempts.port";
import type { AuditLog } from "../core/audit.port";
import type { Logger, Notifier, Recipient } from "../core/ports";

export type StaffAlertsDeps = {
  audit: AuditLog;
  notifier: Notifier;
  logger: Logger;
  recipients: readonly Recipient[];
  maxMessagesPerHour?: number;
};

const hourMs = 3600_000;

export function createStaffAlerts(deps: StaffAlertsDeps): StaffAlerts {
  const limit = deps.maxMessagesPerHour ?? 20;
  let windowStart = 0;
  let sent = 0;

  function mayMessage(at: Date): boolean {
    if (at.getTime() - windowStart >= hourMs) {
      windowStart = at.getTime();
      sent = 0;
    }
    sent += 1;
    return sent <= limit;
  }

  return {
    async raise(alert: StaffAlert) {
      const { kind, rule, subject, by, at, until } = alert;
      deps.logger.warn({ alert: kind, rule, subject, until }, "attempt limit reached; staff alerted");
      await deps.audit.record({
        at,
        actor: by ?? "system",
        action: `security.${kind}`,
        target: `attempts:${rule}:${subject}`,
        details: { until },
      });
      if (deps.recipients.length === 0 || !mayMessage(at)) return;
      const replies = [
        {
          key: "security:staffAlert.rateLimited" as const,
          params: { rule, subject, by: by ?? "-", until },
        },
      ];
      await Promise.allSettled(
        deps.recipients.map((recipient) => deps.notifier.notify(recipient, replies, { kind: "unsolicited" })),
      );
    },
  };
}
