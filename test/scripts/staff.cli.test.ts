import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const staff = (...args: string[]) =>
  spawnSync(tsx, ["scripts/staff.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 20000,
    input: "",
    env: {
      ...process.env,
      EMBEDDED_MONGO: "false",
      MONGODB_URI: "",
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "staff-cli-")),
    },
  });

describe("npm run staff", () => {
  it("refuses to add an account on the memory store, where it would be lost", () => {
    const result = staff("add", "ani", "--name", "Ani", "--role", "admin");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Perintah "add" ditolak di penyimpanan memori');
  });

  it("lists accounts (none on an empty store) and explains its usage for an unknown command", () => {
    const list = staff("list");
    expect(list.status).toBe(0);
    expect(list.stdout).toContain("No staff accounts yet");
    const unknown = staff("promote");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Usage: npm run staff -- add|list|role|disable|enable|password|link");
  });
});
