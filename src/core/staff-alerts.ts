/**
 * Staff alerts over the notifier: every configured staff contact gets the alert (queued in the
 * outbox when their channel is not running here), and the audit log records it once. A contact
 * that cannot be reached is logged, never fatal: the audit record and the claim's flags remain.
 */
import type { AuditLog } from "./audit.port";
import type { Contact } from "./people.port";
import type { Logger, Notifier } from "./ports";
import type { StaffAlerts } from "./staff-alert.port";

export function createStaffAlerts(deps: {
  notifier: Notifier;
  audit: AuditLog;
  logger: Logger;
  staff: readonly Contact[];
}): StaffAlerts {
  return {
    async raise(alert) {
      await deps.audit.record({
        at: alert.at,
        actor: "system",
        action: `alert.${alert.kind}`,
        target: alert.target,
        details: { ...alert.details, staffTold: deps.staff.length },
      });
      for (const contact of deps.staff)
        await deps.notifier
          .notify(contact, alert.replies, { kind: "unsolicited" })
          .catch((error: unknown) => {
            deps.logger.warn({ err: error, kind: alert.kind }, "could not alert a staff contact");
          });
    },
  };
}
