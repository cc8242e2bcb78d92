import { redactText, redactValue } from "../../src/security/redact";

const niks = [
  "1571021203900001",
  "1571 0212 0390 0001",
  "1571.0212.0390.0001",
  "1571-0212-0390-0001",
  "157102 120390 0001",
  "157102.120390.0001",
];
const phones = [
  "081234567890",
  "0812-3456-7890",
  "0812 3456 789",
  "+6281234567890",
  "6281234567890",
  "+62 812 3456 7890",
  "62 812-3456-7890",
];
const tokens = ["123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"];
const emails = ["siti.aminah@example.co.id", "budi+bpjs@mail.com"];

describe("redactText", () => {
  it.each(niks)("hides the NIK %s inside a sentence", (nik) => {
    const out = redactText(`NIK saya ${nik}, tolong dicek`);
    expect(out).toBe("NIK saya [nik], tolong dicek");
  });

  it.each(phones)("hides the phone number %s inside a sentence", (phone) => {
    const out = redactText(`hubungi ${phone} ya`);
    expect(out).toBe("hubungi [phone] ya");
  });

  it.each(tokens)("hides a bot token, also inside a Bot API URL", (token) => {
    expect(redactText(`token=${token}`)).toBe("token=[token]");
    expect(redactText(`GET https://api.telegram.org/bot${token}/getMe failed`)).not.toContain(
      token.slice(-20),
    );
    expect(redactText(`GET https://api.telegram.org/bot${token}/getMe failed`)).not.toContain(
      token.split(":")[0],
    );
  });

  it.each(emails)("hides the e-mail address %s", (email) => {
    expect(redactText(`kirim ke ${email}.`)).toBe("kirim ke [email].");
  });

  it("leaves amounts, dates, times and ordinary words alone", () => {
    const text =
      "Iuran Rp 16.800 per bulan sejak 2025-03-07 pukul 14.30 WIB, klaim KLM-2025-0001, langkah 3 dari 5";
    expect(redactText(text)).toBe(text);
  });
});

describe("redactValue", () => {
  it("scrubs strings in fields, nested objects and arrays, keeping other values", () => {
    const at = new Date("2026-03-02T02:00:00Z");
    const out = redactValue({
      flow: "registration",
      attempt: 2,
      at,
      input: "NIK 1571021203900001",
      nested: { deeper: { list: ["wa 081234567890", { mail: "siti@example.com" }] } },
    });
    expect(out).toEqual({
      flow: "registration",
      attempt: 2,
      at,
      input: "NIK [nik]",
      nested: { deeper: { list: ["wa [phone]", { mail: "[email]" }] } },
    });
  });

  it("scrubs error messages, stacks and causes", () => {
    const cause = new Error("duplicate key { nikHash: 1571021203900001 }");
    const error = new Error("could not register +6281234567890", { cause });
    const out = JSON.stringify(redactValue({ err: error }));
    expect(out).not.toMatch(/1571021203900001|6281234567890/);
    expect(out).toContain("could not register [phone]");
    expect(out).toContain('"stack"');
  });

  it("does not let personal data through when objects nest very deeply", () => {
    let deep: Record<string, unknown> = { nik: "1571021203900001" };
    for (let i = 0; i < 12; i++) deep = { inner: deep };
    expect(JSON.stringify(redactValue(deep))).not.toContain("1571021203900001");
  });

  it("cuts cycles instead of looping", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(redactValue(a)).toEqual({ name: "a", self: "[cycle]" });
  });
});
