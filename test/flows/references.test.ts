import { createTestChat } from "../support/test-chat";
import { registerResident, registerRtHead } from "../support/registration-script";

describe("a DFT- or KLM- reference typed at any point", () => {
  it("shows the status of one's own registration at the menu, even right after a calculation", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    await chat.says("hitung iuran 2jt");
    await chat.says(reference);
    expect(chat.keys()).toEqual(["questions:registrationStatus.found", "registration:status.pending"]);
  });

  it("is never read as an amount to calculate with", async () => {
    const chat = createTestChat();
    await chat.says("hitung iuran 2jt");
    await chat.says("DFT-222222");
    expect(chat.keys()).toEqual(["questions:registrationStatus.notOwn"]);
  });

  it("shows a resident's status to the RT head who registered them, mid-flow, then asks the step again", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    const reference = await registerResident(chat);
    for (const line of ["daftar", "ya", "Jumadi 1571 0205 0475 0002", "tidak ada"]) await chat.says(line);
    await chat.says(reference.toLowerCase());
    expect(chat.keys()).toEqual([
      "questions:registrationStatus.found",
      "registration:status.draft",
      "common:backToStep",
      "registration:occupation.prompt",
    ]);
  });

  it("tells anyone else how to see it, whether or not it exists", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    chat.as({ userId: "stranger" });
    await chat.says("halo");
    await chat.says(reference);
    const known = chat.texts().join("\n").replace(reference, "REF");
    await chat.says("DFT-ZZZZZZ");
    expect(chat.texts().join("\n").replace("DFT-ZZZZZZ", "REF")).toBe(known);
    await chat.says("KLM-ZZZZZZ");
    expect(chat.keys()).toEqual(["questions:claimReference.notOwn"]);
  });

  it.each([
    ["the name and NIK", ["daftar", "ya"], "registration:identity.prompt"],
    [
      "the occupation",
      ["daftar", "ya", "Budi Santoso 1571 0807 0380 0001", "0812 3456 7890", "lebak bandung 22/3"],
      "registration:occupation.prompt",
    ],
    [
      "the address",
      ["daftar", "ya", "Budi Santoso 1571 0807 0380 0001", "0812 3456 7890"],
      "registration:area.prompt",
    ],
  ])("is no answer where the registration asks for %s, even without digits", async (_what, lines, prompt) => {
    const chat = createTestChat();
    for (const line of lines) await chat.says(line);
    await chat.says("dft-kqmzab");
    expect(chat.keys()).toEqual(["questions:registrationStatus.notOwn", "common:backToStep", prompt]);
  });
});
