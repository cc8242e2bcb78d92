import { createTestChat, type TestChat } from "../support/test-chat";

/** Walks the registration until the bot asks `key`. */
async function answerUpTo(chat: TestChat, key: string): Promise<void> {
  for (const line of ["daftar", "ya", "Budi Santoso 1571 0807 0380 0001", "0812 3456 7890"]) {
    await chat.says(line);
    if (chat.keys().includes(key as never)) return;
  }
  throw new Error(`never asked ${key}: ${chat.keys().join(", ")}`);
}

describe("a message longer than the limit", () => {
  it("is refused before any parsing, in the user's language, and the same question is asked again", async () => {
    const chat = createTestChat();
    await chat.says("daftar");
    await chat.says("ya");
    const before = await chat.session();
    await chat.says(`Budi ${"sangat ".repeat(10_000)}`);

    expect(chat.keys()).toEqual(["common:tooLong", "registration:identity.prompt"]);
    expect(chat.texts()[0]).toContain("terlalu panjang (lebih dari 2000 huruf)");
    expect((await chat.session())?.flow).toEqual(before?.flow);
    await chat.says("english");
    await chat.says("x".repeat(65_536));
    expect(chat.texts()[0]).toContain("too long (more than 2000 characters)");
  });

  it("counts a photo's caption too, and lets a message at the limit through", async () => {
    const chat = createTestChat();
    await chat.says("halo");
    await chat.sendsFile({ mimeType: "image/jpeg", bytes: new Uint8Array([1]), caption: "k".repeat(2_001) });
    expect(chat.keys()[0]).toBe("common:tooLong");
    await chat.says(`apa itu jkm ${"?".repeat(2_000 - 12)}`);
    expect(chat.keys()).not.toContain("common:tooLong");
  });

  it("is refused at a step with a stricter limit of its own (an area name) before its slow matcher runs", async () => {
    const chat = createTestChat();
    await answerUpTo(chat, "registration:area.prompt");
    await chat.says(`lebak bandung ${"jelutung ".repeat(40)}`);
    expect(chat.keys()).toEqual(["common:tooLong", "registration:area.prompt"]);
    expect(chat.texts()[0]).toContain("lebih dari 200 huruf");
  });
});
