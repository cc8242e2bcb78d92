/**
 * Nobody learns whether a NIK is registered without the second factor (issue 12): "Data saya →
 * cari dengan NIK" and the registration answer the same whether or not a record exists, until the
 * registration reference matches; lookups and take-over tries are limited in the store, so
 * reopening "data saya" or switching accounts gives no new tries, and staff are alerted.
 */
import { createTestChat, type TestChat } from "../support/test-chat";
import { headNik, registerResident, registerRtHead, residentNik } from "../support/registration-script";

const unregisteredNik = "1571084512900003";

async function worldWithRecords() {
  const chat = createTestChat();
  await registerRtHead(chat);
  const residentReference = await registerResident(chat);
  return { chat, residentReference };
}

/** Everything a user reads while sending `lines`, with DFT- references made alike. */
async function transcript(chat: TestChat, lines: readonly string[]): Promise<string[]> {
  const seen: string[] = [];
  for (const line of lines) {
    await chat.says(line);
    seen.push(
      `> ${line}`,
      ...chat
        .texts()
        .map((t) => t.replace(/DFT-[A-Z0-9]{6}/g, "DFT-??????").replace(/\*{8}\d{4}/g, "********????")),
    );
  }
  return seen;
}

describe("Data saya → cari dengan NIK", () => {
  it("answers a registered NIK (made by an RT head, or in use) exactly like an unregistered one", async () => {
    const { chat } = await worldWithRecords();
    const tries = ["DFT-AAAAAA", "DFT-BBBBBB", "DFT-CCCCCC"];
    const seen = [];
    for (const [i, nik] of [residentNik, headNik, unregisteredNik].entries()) {
      chat.as({ userId: `prober-${i}`, channel: "telegram" });
      seen.push(await transcript(chat, ["data saya", "1", nik, ...tries]));
    }
    expect(seen[1]?.map((line) => line.replace(headNik, "NIK"))).toEqual(
      seen[0]?.map((line) => line.replace(residentNik, "NIK")),
    );
    expect(seen[2]?.map((line) => line.replace(unregisteredNik, "NIK"))).toEqual(
      seen[0]?.map((line) => line.replace(residentNik, "NIK")),
    );
    expect(seen[0]?.join("\n")).not.toMatch(/ditemukan|Tidak ada pendaftaran|sudah terdaftar/);
  });

  it("hands the record over once NIK and reference match", async () => {
    const { chat, residentReference } = await worldWithRecords();
    chat.as({ userId: "siti", channel: "telegram" });
    for (const line of ["data saya", "1", residentNik, "DFT-AAAAAA", residentReference])
      await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:takeover.done");
  });

  it("keeps the three-try lock when data saya is opened again, and for every account", async () => {
    const { chat, residentReference } = await worldWithRecords();
    chat.as({ userId: "stranger", channel: "telegram" });
    for (const line of ["data saya", "1", residentNik, "DFT-AAAAAA", "DFT-BBBBBB", "DFT-CCCCCC"])
      await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:takeover.failed");
    for (const line of ["data saya", "1", residentNik]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("security:attempts.wait");
    chat.as({ userId: "stranger-2", channel: "whatsapp", phone: "+6285200000001" });
    for (const line of ["data saya", "1", residentNik]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("security:attempts.wait");
    chat.clock.advance(24 * 3600_000);
    for (const line of ["data saya", "1", residentNik, residentReference]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:takeover.done");
  });

  it("locks an unregistered NIK the same way", async () => {
    const { chat } = await worldWithRecords();
    chat.as({ userId: "stranger", channel: "telegram" });
    for (const line of ["data saya", "1", unregisteredNik, "DFT-AAAAAA", "DFT-BBBBBB", "DFT-CCCCCC"])
      await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:takeover.failed");
    for (const line of ["data saya", "1", unregisteredNik]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("security:attempts.wait");
  });

  it("limits how many NIKs one account may search a day, and alerts staff once", async () => {
    const { chat } = await worldWithRecords();
    chat.as({ userId: "scraper", channel: "telegram" });
    const niks = ["1571084512900011", "1571084512900012", "1571084512900013", "1571084512900014"];
    for (const line of ["data saya", "1"]) await chat.says(line);
    for (const nik of [...niks, "1571084512900015"]) {
      for (const line of [nik, "kembali"]) await chat.says(line);
      expect(chat.keys()).toEqual(["common:wentBack", "myData:findNik.prompt"]);
    }
    await chat.says("1571084512900016");
    expect(chat.replies()[0]).toHaveKey("security:attempts.wait");
    for (const line of ["data saya", "1", "1571084512900017"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("security:attempts.wait");
    const alerts = (await chat.app.services.audit.list({ actor: "telegram:scraper" })).filter(
      (e) => e.action === "alert.rateLimited",
    );
    expect(alerts).toHaveLength(1);
  });
});

describe("registration with a NIK that is already registered", () => {
  it("reads exactly like a registration with a new NIK, to the reference at the end", async () => {
    const { chat } = await worldWithRecords();
    const walk = async (userId: string, nik: string) => {
      chat.as({ userId });
      const lines = ["daftar", "ya", `Orang Lain ${nik}`, "0813 9999 0000", "lebak bandung 022/003"];
      return transcript(chat, [...lines, "pedagang", "ok", "3", "kirim"]);
    };
    const registered = await walk("prober-a", headNik);
    const fresh = await walk("prober-b", "1571080703800002");
    expect(registered.map((l) => l.replace(headNik, "NIK"))).toEqual(
      fresh.map((l) => l.replace("1571080703800002", "NIK")),
    );
    expect(registered.join("\n")).not.toMatch(/sudah terdaftar|Budi/);
  });

  it("still tells the account that registered a resident, and the person themselves", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    const reference = await registerResident(chat);
    for (const line of ["daftar", "ya", `Siti Aminah ${residentNik}`]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:resident.known");
    expect(chat.texts()[0]).toContain(reference);
    chat.as({ userId: "siti", channel: "telegram" });
    for (const line of ["data saya", "1", residentNik, reference]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:takeover.done");
    for (const line of ["menu", "daftar"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:who.alreadyRegistered");
  });
});
