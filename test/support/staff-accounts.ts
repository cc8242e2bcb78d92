/**
 * Staff accounts for tests: created through the same use case as `npm run staff -- add`, with a
 * cheap scrypt cost so tests stay fast.
 */
import type { Services } from "../../src/core/services";
import type { StaffAccount } from "../../src/core/staff.port";
import { addStaff, toStaffAdminDeps, type NewStaffInput } from "../../src/flows/staff-accounts/staff-admin";

export const cheapScrypt = { log2N: 10, r: 8, p: 1 };

export async function createStaffAccount(
  services: Pick<Services, "staff" | "staffDirectory" | "audit" | "clock">,
  input: Partial<NewStaffInput> & { username: string },
): Promise<StaffAccount> {
  const result = await addStaff(
    toStaffAdminDeps(services, cheapScrypt),
    { name: `Petugas ${input.username}`, role: "admin", ...input },
    "test",
  );
  if (result.status !== "ok")
    throw new Error(`could not create ${input.username}: ${JSON.stringify(result)}`);
  return result.account;
}
