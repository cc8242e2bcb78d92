/** Hand-offs nobody answered in time: the supervisors are told, once, and the hand-off marked. */
import { findStaffFor, handoffTarget, tellStaff } from "./handoff-staff";
import type { Services } from "./services";
import { toStaffChat } from "./staff-chats";

/**
 * Tells supervisors of hand-offs nobody answered in time, then marks them escalated: the notices
 * are keyed (one per supervisor in the outbox), so a crash in between loses and repeats none.
 */
export async function escalateLateHandoffs(services: Services): Promise<number> {
  const now = services.clock.now();
  const late = await services.handoffs.list({ escalateBefore: now }, { limit: 50 });
  let escalated = 0;
  for (const handoff of late) {
    const supervisors = await findStaffFor(services, handoff, "handoff.escalation");
    const told = await tellStaff(
      services,
      supervisors,
      [
        {
          key: "handoff:staff.escalated",
          params: { number: handoff.number, name: handoff.displayName ?? "-", since: handoff.openedAt },
        },
      ],
      (account) => `handoff-escalated:${handoff._id}:${account._id}`,
    );
    if (told < supervisors.filter((account) => toStaffChat(account)).length) continue;
    if (!(await services.handoffs.markEscalated(handoff._id, now))) continue;
    await services.audit.record(
      {
        at: now,
        actor: "system",
        action: "handoff.escalated",
        target: handoffTarget(handoff),
        details: { told },
      },
      `handoff-escalated:${handoff._id}:audit`,
    );
    escalated += 1;
  }
  return escalated;
}
