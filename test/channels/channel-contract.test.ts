import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { createChannelCatalog, toAllDeclarations } from "../../src/channels/channel-catalog";
import { tableEnd, tableStart, toCapabilityTable, toTableCells } from "../../src/channels/capability-table";
import { toWhatsAppCloudCapabilities } from "../../src/channels/whatsapp-cloud/whatsapp-cloud.capabilities";
import { isOutsideServiceWindow, toChoiceStyle, toTooLongFor } from "../../src/core/channel-contract";
import { channelNames } from "../../src/core/messages";

const root = path.join(__dirname, "../..");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Code without comments (a URL's "//" follows a colon, so it stays). */
const withoutComments = (code: string) =>
  code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

const names = channelNames.join("|");
const namePatterns = [
  new RegExp(`(["'\`])(${names})\\1`), // "whatsapp" as a value
  new RegExp(`\\.(${names})\\b`), // byChannel.whatsapp
  new RegExp(`^\\s*(${names})\\s*:|[{,]\\s*(${names})\\s*:`, "m"), // { telegram: 4096 }
  new RegExp(`\`(${names}):`), // `telegram:${id}`
];

/** Where a channel's name may appear outside src/channels, and why. */
const allowed: Record<string, string> = {
  "src/core/messages.ts": "the list of names itself, checked against the declarations below",
  "src/i18n/keys.ts": "namespaces of the channels' own texts (locales/*/telegram.json, whatsapp.json)",
  "src/nlu/lexicon.ts": "a word users type ('wa'), not the channel",
  "src/core/staff-chats.ts":
    "a staff account is linked to a Telegram id and a WhatsApp number (issue 17): its chat is one of them",
  "src/storage/repositories/staff.repository.ts":
    "finds a staff account by the Telegram id or WhatsApp number it is linked to (issue 17)",
};

describe("the channel contract", () => {
  it("has one declaration per channel name, and no name without a declaration", () => {
    const declared = new Set(toAllDeclarations().map((d) => d.channel));
    expect([...declared].sort()).toEqual([...channelNames].sort());
  });

  it("names no channel outside src/channels: flows, rendering and broadcasts ask the directory", () => {
    const offenders = listFiles(path.join(root, "src"))
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .filter((file) => !file.startsWith("src/channels/") && !(file in allowed))
      .filter((file) => {
        const code = withoutComments(readFileSync(path.join(root, file), "utf8"));
        return namePatterns.some((pattern) => pattern.test(code));
      });
    expect(offenders).toEqual([]);
  });

  it("is documented: the README's capability table matches the declarations (npm run docs:channels)", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const start = readme.indexOf(tableStart);
    const end = readme.indexOf(tableEnd);
    expect(start).toBeGreaterThan(-1);
    const documented = toTableCells(readme.slice(start + tableStart.length, end));
    expect(documented).toEqual(toTableCells(toCapabilityTable(toAllDeclarations())));
  });

  it("runs WhatsApp on one transport at a time, same channel and identity either way", () => {
    const web = createChannelCatalog({ whatsappMode: "web" });
    const cloud = createChannelCatalog({ whatsappMode: "cloud" });
    expect(web.capabilitiesOf("whatsapp").templates).toBe(false);
    expect(cloud.capabilitiesOf("whatsapp")).toMatchObject({ templates: true, serviceWindowHours: 24 });
    expect(cloud.list().map((c) => c.channel)).toEqual(web.list().map((c) => c.channel));
    expect(cloud.find("wa")).toBe("whatsapp");
    expect(cloud.find("Telegram")).toBe("telegram");
    expect(cloud.find("sms")).toBeUndefined();
  });

  it("shows ≤ 3 short choices as buttons, ≤ 10 as a list and anything longer as numbered text", () => {
    const cloud = toWhatsAppCloudCapabilities();
    expect(toChoiceStyle(cloud, ["Ya", "Tidak"])).toBe("buttons");
    expect(toChoiceStyle(cloud, ["Ya", "Tidak", "Kembali", "Menu"])).toBe("list");
    expect(toChoiceStyle(cloud, ["Label yang lebih panjang dari dua puluh empat"])).toBe("numbered");
    expect(
      toChoiceStyle(
        cloud,
        Array.from({ length: 11 }, (_, i) => `Pilihan ${i}`),
      ),
    ).toBe("numbered");
    expect(toChoiceStyle(cloud, [])).toBe("none");
  });

  it("needs a template 24 hours after the user's last message, and never on a channel without a window", () => {
    const now = new Date("2026-03-02T09:00:00+07:00");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    const cloud = createChannelCatalog({ whatsappMode: "cloud" });
    const whatsapp = cloud.capabilitiesOf("whatsapp");
    expect(isOutsideServiceWindow(whatsapp, hoursAgo(23.9), now)).toBe(false);
    expect(isOutsideServiceWindow(whatsapp, hoursAgo(24), now)).toBe(true);
    expect(isOutsideServiceWindow(whatsapp, undefined, now)).toBe(true);
    expect(isOutsideServiceWindow(cloud.capabilitiesOf("telegram"), hoursAgo(500), now)).toBe(false);
  });

  it("is too long for WhatsApp above 1,000 characters but fine for Telegram up to 4,096", () => {
    const directory = createChannelCatalog();
    expect(toTooLongFor(directory, "x".repeat(1001))).toEqual(["whatsapp"]);
    expect(toTooLongFor(directory, "x".repeat(4097))).toEqual(["telegram", "whatsapp", "terminal"]);
  });
});
