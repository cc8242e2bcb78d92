/**
 * Staff roles and what each may do (issue 17). One role per account; a kelurahan officer is
 * scoped to one or more kelurahan and sees and acts only there (the scope is applied to every
 * query by core/staff-scope.ts, not only hidden in a page).
 */
export const staffRoles = [
  "admin",
  "supervisor",
  "claims_officer",
  "registration_officer",
  "kelurahan_officer",
  "broadcaster",
] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffPermissions = [
  /** Create, change and disable staff accounts. */
  "staff.manage",
  /** Answer and close hand-offs (a person asked for a person). */
  "handoff.answer",
  /** Told when a hand-off waits too long. */
  "handoff.escalation",
  "claims.manage",
  /** Open (decrypt) the documents heirs sent. */
  "claims.documents",
  "registrations.review",
  "broadcasts.manage",
  "reports.view",
  /** Label questions the bot could not answer. */
  "unanswered.label",
  "audit.view",
  /** Told of false death reports and lookup abuse (staff alerts). */
  "alerts.receive",
] as const;
export type StaffPermission = (typeof staffPermissions)[number];

const grants: Readonly<Record<StaffRole, readonly StaffPermission[]>> = {
  admin: staffPermissions,
  supervisor: [
    "handoff.answer",
    "handoff.escalation",
    "claims.manage",
    "claims.documents",
    "registrations.review",
    "reports.view",
    "unanswered.label",
    "audit.view",
    "alerts.receive",
  ],
  claims_officer: ["handoff.answer", "claims.manage", "claims.documents", "reports.view", "alerts.receive"],
  registration_officer: ["handoff.answer", "registrations.review", "reports.view"],
  kelurahan_officer: ["handoff.answer", "claims.manage", "registrations.review", "reports.view"],
  // Segment counts are on the broadcast page; coverage, budget and claims figures are not a broadcaster's.
  broadcaster: ["broadcasts.manage"],
};

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function can(role: StaffRole, permission: StaffPermission): boolean {
  return grants[role].includes(permission);
}

/** Where an account may look: the whole city, or the listed kelurahan only. */
export type StaffScope = { type: "city" } | { type: "kelurahan"; kelurahan: readonly string[] };

export function toScope(role: StaffRole, kelurahan: readonly string[]): StaffScope {
  return role === "kelurahan_officer" ? { type: "kelurahan", kelurahan } : { type: "city" };
}

/** True when a record in `kelurahan` (undefined: not known) is inside the scope. */
export function isInScope(scope: StaffScope, kelurahan: string | undefined): boolean {
  return scope.type === "city" || (kelurahan !== undefined && scope.kelurahan.includes(kelurahan));
}
