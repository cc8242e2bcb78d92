/** A staff member as the rest of the bot sees them (messages, flows, console): who, what role, where. */
import type { StaffRole, StaffScope } from "../domain/staff-roles";

export type StaffPrincipal = {
  id: string;
  name: string;
  role: StaffRole;
  scope: StaffScope;
  /** How the audit log names them: "telegram:123", "console:ani", "cli:budi". */
  actor: string;
};
