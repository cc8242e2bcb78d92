import { toTrainingLine } from "../../scripts/questions";
import { pseudonymise } from "../../src/security/pseudonymise";
import { createTestChat } from "../support/test-chat";

describe("questions the bot could not answer", () => {
  it("keeps them pseudonymised with the bot's guesses, and staff see them in the staff menu", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("nanya soal bayar, nama saya Siti Aminah, hp 0812 3456 7890, nik 1571 0807 0380 0001");
    chat.as({ userId: "staff-1", isStaff: true });
    await chat.says("menu");
    await chat.presses("staff");
    await chat.presses("unanswered");
    const shown = chat.texts().join("\n");
    expect(shown).toContain("nanya soal bayar");
    expect(shown).toContain("tebakan:");
    expect(shown).not.toMatch(/Siti|Aminah|0812|1571/);
  });

  it("keeps an off-topic decline too, guessed out of scope, so staff can label a false decline", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("besok hujan gk di kota jambi");
    expect(chat.keys()).toContain("questions:outOfScope");
    chat.as({ userId: "staff-1", isStaff: true });
    await chat.says("menu");
    await chat.presses("staff");
    await chat.presses("unanswered");
    expect(chat.texts().join("\n")).toContain("besok hujan gk di kota jambi (tebakan: outOfScope)");
  });

  it("scrubs NIKs, phone numbers, references and names introduced as names", () => {
    expect(
      pseudonymise("Saya Pak Rahmat dari RT 5, nik 1571080703800001, wa 081234567890, ref DFT-4KQ7MZ"),
    ).toBe("Saya Pak [nama] dari RT 5, nik [nik], wa [phone], ref [ref]");
    expect(pseudonymise("my name is Maya Sari and I sell cakes")).toBe("my name is [nama] and I sell cakes");
    expect(pseudonymise("almarhum Bapak Joni meninggal")).toBe("almarhum [nama] meninggal");
  });

  it("turns a labelled question into one training line, refusing unknown intents", () => {
    expect(toTrainingLine("whoPays", "iuran\tsaya\nsiapa bayar", ["whoPays"])).toBe(
      "whoPays\tiuran saya siapa bayar\n",
    );
    expect(() => toTrainingLine("nope", "x", ["whoPays"])).toThrow(/Unknown intent/);
  });
});
