import { createTestChat } from "../support/test-chat";

describe("main menu", () => {
  it("greets a new user in Indonesian and shows the menu", async () => {
    const chat = createTestChat();
    await chat.says("halo");
    expect(chat.keys()).toEqual(["common:welcome", "menu:main.prompt"]);
    expect(chat.texts().at(-1)).toContain("1. Daftar");
    expect(chat.texts().at(-1)).toContain("6. Bahasa / Language");
  });

  it("switches to English from the menu and keeps English afterwards", async () => {
    const chat = createTestChat();
    await chat.says("halo");
    await chat.says("6");
    expect(chat.keys()).toEqual(["common:languageChanged", "menu:main.prompt"]);
    await chat.says("menu");
    expect(chat.texts().at(-1)).toContain("1. Register");
    expect((await chat.session())?.language).toBe("en");
  });

  it("explains the valid numbers when the number is out of range", async () => {
    const chat = createTestChat();
    await chat.says("halo");
    await chat.says("9");
    expect(chat.replies()[0]).toHaveKey("common:choice.invalid");
    expect(chat.texts()[0]).toContain("1 sampai 6");
  });

  it("shows the staff item only to staff", async () => {
    const citizen = createTestChat();
    await citizen.says("menu");
    expect(citizen.texts().join("\n")).not.toContain("Menu petugas");
    const staff = createTestChat({ isStaff: true });
    await staff.says("menu");
    expect(staff.texts().join("\n")).toContain("7. Menu petugas");
  });
});
