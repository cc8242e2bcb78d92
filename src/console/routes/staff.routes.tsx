/**
 * Staff accounts for admins: list, add (role, kelurahan, chat links, initial password), change
 * role, disable/enable, set a new password. Same use cases as `npm run staff` (staff-admin.ts).
 */
import type { Hono } from "hono";
import type { StaffAccount } from "../../core/staff.port";
import { maskPhone } from "../../domain/phone";
import { staffRoles } from "../../domain/staff-roles";
import {
  addStaff,
  setStaffPassword,
  setStaffRole,
  setStaffStatus,
  toStaffAdminDeps,
  type StaffAdminResult,
} from "../../flows/staff-accounts/staff-admin";
import type { ConsoleSessions } from "../console-sessions";
import { page, readForm, redirectWith, requires } from "../console-http";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv, View } from "../console.types";
import { CsrfField } from "../pages/layout";

function RoleSelect({ view, current }: { view: View; current?: string }) {
  return (
    <select name="role">
      {staffRoles.map((role) => (
        <option value={role} selected={role === current}>
          {view.t(`console:role.${role}`)}
        </option>
      ))}
    </select>
  );
}

function AccountRow({ account, view }: { account: StaffAccount; view: View }) {
  const path = `/staff/${account.username}`;
  return (
    <tr data-username={account.username}>
      <td>
        <strong>{account.username}</strong>
        <div>{account.name}</div>
        <div class="muted">
          {[
            account.telegramId ? `Telegram ${account.telegramId}` : "",
            account.whatsappNumber ? `WhatsApp ${maskPhone(account.whatsappNumber)}` : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </div>
      </td>
      <td>
        <form method="post" action={`${path}/role`}>
          <CsrfField view={view} />
          <RoleSelect view={view} current={account.role} />
          <input
            name="kelurahan"
            value={account.kelurahan.join(", ")}
            placeholder={view.t("console:staff.kelurahan")}
          />
          <button type="submit" class="secondary">
            {view.t("console:staff.changeRole")}
          </button>
        </form>
      </td>
      <td>
        {view.t(`console:staff.${account.status}`)}
        <form method="post" action={`${path}/${account.status === "active" ? "disable" : "enable"}`}>
          <CsrfField view={view} />
          <button type="submit" class={account.status === "active" ? "danger" : "secondary"}>
            {view.t(account.status === "active" ? "console:staff.disable" : "console:staff.enable")}
          </button>
        </form>
      </td>
      <td class="opt">
        <form method="post" action={`${path}/password`}>
          <CsrfField view={view} />
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            minlength={10}
            placeholder={view.t("console:staff.password")}
          />
          <button type="submit" class="secondary">
            {view.t("console:common.save")}
          </button>
        </form>
      </td>
    </tr>
  );
}

async function list(c: ConsoleContext) {
  const { services, view } = c.var;
  const accounts = await services.staff.list();
  const field = (name: string, label: string, type = "text") => (
    <label>
      {label}
      <input name={name} type={type} />
    </label>
  );
  return page(
    c,
    view.t("console:staff.title"),
    <>
      <table>
        <tbody>
          {accounts.map((account) => (
            <AccountRow account={account} view={view} />
          ))}
        </tbody>
      </table>
      <form method="post" action="/staff" class="card">
        <h2>{view.t("console:staff.add")}</h2>
        <CsrfField view={view} />
        <div class="grid2">
          {field("username", view.t("console:staff.username"))}
          {field("name", view.t("console:staff.name"))}
          <label>
            {view.t("console:staff.role")}
            <RoleSelect view={view} />
          </label>
          {field("kelurahan", view.t("console:staff.kelurahan"))}
          {field("telegramId", view.t("console:staff.telegram"))}
          {field("whatsappNumber", view.t("console:staff.whatsapp"))}
          {field("password", view.t("console:staff.password"), "password")}
        </div>
        <button type="submit">{view.t("console:staff.add")}</button>
      </form>
    </>,
  );
}

function report(c: ConsoleContext, result: StaffAdminResult) {
  const { view } = c.var;
  if (result.status === "ok")
    return redirectWith(c, "/staff", {
      ok: view.t("console:staff.saved", { username: result.account.username }),
    });
  const problem =
    result.status === "invalid"
      ? result.problem
      : result.status === "duplicate"
        ? "duplicate"
        : result.status;
  return redirectWith(c, "/staff", {
    error: view.t("console:error.invalid", { what: view.t(`console:staff.problem.${problem}`) }),
  });
}

export function registerStaff(
  app: Hono<ConsoleEnv>,
  deps: ConsoleDeps & { sessions: ConsoleSessions },
): void {
  const admin = () => toStaffAdminDeps(deps.services);
  app.use("/staff", requires("staff.manage"));
  app.use("/staff/*", requires("staff.manage"));
  app.get("/staff", list);
  app.post("/staff", async (c) => {
    const field = await readForm(c);
    const optional = (name: string) => (field(name) ? { [name]: field(name, 200) } : {});
    const input = {
      username: field("username", 40),
      name: field("name", 80),
      role: field("role", 40),
      ...optional("kelurahan"),
      ...optional("telegramId"),
      ...optional("whatsappNumber"),
      ...optional("password"),
    };
    return report(c, await addStaff(admin(), input, c.var.principal.actor));
  });
  app.post("/staff/:username/role", async (c) => {
    const field = await readForm(c);
    const kelurahan = field("kelurahan", 300);
    return report(
      c,
      await setStaffRole(
        admin(),
        { username: c.req.param("username"), role: field("role", 40), ...(kelurahan ? { kelurahan } : {}) },
        c.var.principal.actor,
      ),
    );
  });
  for (const [action, status] of [
    ["disable", "disabled"],
    ["enable", "active"],
  ] as const)
    app.post(`/staff/:username/${action}`, async (c) => {
      const result = await setStaffStatus(admin(), c.req.param("username"), status, c.var.principal.actor);
      if (result.status === "ok" && status === "disabled") await deps.sessions.endAll(result.account._id);
      return report(c, result);
    });
  app.post("/staff/:username/password", async (c) => {
    const field = await readForm(c);
    const result = await setStaffPassword(
      admin(),
      c.req.param("username"),
      field("password", 200),
      c.var.principal.actor,
    );
    if (result.status === "ok" && result.account._id !== c.var.account._id)
      await deps.sessions.endAll(result.account._id);
    return report(c, result);
  });
}
