/**
 * STAFF_TELEGRAM_IDS / STAFF_WHATSAPP_NUMBERS: only a bootstrap for the first admins.
 */
import { parsePhone } from "../../domain/phone";
import { addStaff, type NewStaffInput, type StaffAdminDeps } from "./staff-admin";

/**
 * The first admins: while no account exists, each id in STAFF_TELEGRAM_IDS and number in
 * STAFF_WHATSAPP_NUMBERS becomes an admin (chat only, no password). Afterwards the lists are ignored.
 */
export async function bootstrapStaff(
  deps: StaffAdminDeps,
  lists: { telegramIds: readonly string[]; whatsappNumbers: readonly string[] },
): Promise<{ created: string[]; ignored: boolean }> {
  const wanted = lists.telegramIds.length + lists.whatsappNumbers.length;
  if (wanted === 0) return { created: [], ignored: false };
  if ((await deps.accounts.count()) > 0) return { created: [], ignored: true };
  const created: string[] = [];
  const add = async (input: NewStaffInput) => {
    const result = await addStaff(deps, input, "system:bootstrap");
    if (result.status === "ok") created.push(result.account.username);
  };
  for (const id of lists.telegramIds)
    await add({ username: `tg-${id}`, name: `Admin ${id}`, role: "admin", telegramId: id });
  for (const number of lists.whatsappNumbers) {
    const phone = parsePhone(number);
    const digits = phone.ok ? phone.value.slice(1) : number.replace(/\D/g, "");
    await add({
      username: `wa-${digits}`,
      name: `Admin ${digits.slice(-4)}`,
      role: "admin",
      whatsappNumber: number,
    });
  }
  return { created, ignored: false };
}
