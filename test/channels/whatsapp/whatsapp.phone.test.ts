import {
  toChatId,
  toNumberFromChatId,
  toNumberFromWhatsApp,
  toPhoneFromVCard,
  toStaffNumbers,
  toTypedNumber,
} from "../../../src/channels/whatsapp/whatsapp.phone";

describe("WhatsApp phone numbers", () => {
  it.each(["0812-3456-7890", "081234567890", "6281234567890", "+62 812 3456 7890", "0812 3456 7890"])(
    "normalises %s to E.164",
    (typed) => {
      expect(toTypedNumber(typed)).toBe("+6281234567890");
    },
  );

  it("refuses what is no phone number", () => {
    expect(toTypedNumber("abc")).toBeUndefined();
    expect(toTypedNumber("12")).toBeUndefined();
    expect(toNumberFromWhatsApp("12")).toBeUndefined();
  });

  it("reads chat ids as international digits, so a foreign number keeps its country", () => {
    expect(toNumberFromChatId("6281234567890@c.us")).toBe("+6281234567890");
    expect(toNumberFromChatId("447911123456@c.us")).toBe("+447911123456");
    expect(toNumberFromChatId("201234567890123@lid")).toBeUndefined();
  });

  it("reads the waid of a vCard before its TEL line", () => {
    const card = "BEGIN:VCARD\nTEL;type=CELL;waid=6281311112222:+62 813-1111-2222\nEND:VCARD";
    expect(toPhoneFromVCard(card)).toBe("+6281311112222");
  });

  it("writes to an E.164 user at <digits>@c.us and to a hidden-number user at their own id", () => {
    expect(toChatId("+6281234567890")).toBe("6281234567890@c.us");
    expect(toChatId("201234567890123@lid")).toBe("201234567890123@lid");
  });

  it("reads the phone of a vCard with item-prefixed TEL lines", () => {
    const card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ani\nitem1.TEL:+62 813-1111-2222\nEND:VCARD";
    expect(toPhoneFromVCard(card)).toBe("+6281311112222");
  });

  it("normalises staff numbers and reports the ones that are not numbers", () => {
    const staff = toStaffNumbers(["0812-3456-7890", "+6281298765432", "budi"]);
    expect([...staff.numbers]).toEqual(["+6281234567890", "+6281298765432"]);
    expect(staff.invalid).toEqual(["budi"]);
  });
});
