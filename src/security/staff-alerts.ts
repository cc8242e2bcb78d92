/**
 * Staff alerts (core/staff-alert.port.ts): every alert is audited and logged as a warning; staff
 * accounts whose role receives alerts (or, while there is none, the STAFF_* contacts:
 * staff-alert-recipients.ts) get its message in their linked chats (queued in the outbox when
 * their channel is not running here), at most `maxMessagesPerHour` per process so an attack across
 * many accounts cannot flood their chats (the audit keeps every alert). A contact that cannot be
 * reached is logged, never fatal.
 */
import type { AuditLog } from "../core/audit.port";
import type { Logger, Notifier, Recipient } from "../core/ports";
import type { StaffAlert, StaffAlerts } from "../core/staff-alert.port";

export type StaffAlertsDeps = {
  audit: AuditLog;
  notifier: Notifier;
  logger: Logger;
  /** Who is told, looked up at each alert (accounts change). */
  recipients: () => Promise<readonly Recipient[]>;
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
      const recipients = await deps.recipients();
      deps.logger.warn({ alert: alert.kind, target: alert.target }, "staff alerted");
      await deps.audit.record({
        at: alert.at,
        actor: typeof alert.details?.by === "string" ? alert.details.by : "system",
        action: `alert.${alert.kind}`,
        target: alert.target,
        details: { ...alert.details, staffTold: recipients.length },
      });
      if (recipients.length === 0 || !mayMessage(alert.at)) return;
      const results = await Promise.allSettled(
        recipients.map((recipient) =>
          deps.notifier.notify(recipient, alert.replies, { kind: "unsolicited" }),
        ),
      );
      for (const result of results)
        if (result.status === "rejected")
          deps.logger.warn({ err: result.reason, alert: alert.kind }, "could not alert a staff contact");
    },
  };
}
