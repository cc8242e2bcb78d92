/**
 * A broadcast's life: draft → scheduled → sending → completed, with paused (and back),
 * and cancelled from anything not finished. Quiet hours move a sending broadcast back to scheduled.
 */
export const broadcastStatuses = [
  "draft",
  "scheduled",
  "sending",
  "paused",
  "completed",
  "cancelled",
] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

export type BroadcastAction = "schedule" | "start" | "pause" | "resume" | "cancel" | "complete" | "postpone";

const allowed: Record<BroadcastAction, readonly BroadcastStatus[]> = {
  schedule: ["draft"],
  start: ["scheduled", "sending"],
  pause: ["scheduled", "sending"],
  resume: ["paused"],
  cancel: ["draft", "scheduled", "sending", "paused"],
  complete: ["sending"],
  postpone: ["sending", "scheduled"],
};

/** True when `action` may be taken on a broadcast in `status`. */
export function canApply(action: BroadcastAction, status: BroadcastStatus): boolean {
  return allowed[action].includes(status);
}

/** True when nothing more will be sent. */
export function isFinished(status: BroadcastStatus): boolean {
  return status === "completed" || status === "cancelled";
}
